import { describe, expect, it } from 'vitest'
import { monthsAfter, monthsBefore } from '../shared/clock.ts'
import { describeDuration, minimumMonths, standingCutoff } from './standing.ts'

describe('standing date arithmetic', () => {
  it('moves back whole years and months on ordinary dates', () => {
    expect(monthsBefore('1923-12-02', 36)).toBe('1920-12-02')
    expect(monthsBefore('1923-12-02', 12)).toBe('1922-12-02')
    expect(monthsBefore('1923-12-02', 1)).toBe('1923-11-02')
    expect(monthsBefore('1923-01-15', 1)).toBe('1922-12-15')
    expect(monthsBefore('1923-03-10', 14)).toBe('1922-01-10')
    expect(monthsBefore('1923-12-02', 0)).toBe('1923-12-02')
  })

  it('clamps a day the target month lacks to that month’s last day', () => {
    expect(monthsBefore('1923-03-31', 1)).toBe('1923-02-28')
    expect(monthsBefore('1924-03-31', 1)).toBe('1924-02-29')
    expect(monthsBefore('1923-05-31', 1)).toBe('1923-04-30')
    expect(monthsBefore('1923-12-31', 6)).toBe('1923-06-30')
    expect(monthsBefore('1923-10-31', 12)).toBe('1922-10-31')
  })

  it('handles leap days: Feb 29 falls back to Feb 28 in a common year, stays in a leap year', () => {
    expect(monthsBefore('1924-02-29', 12)).toBe('1923-02-28')
    expect(monthsBefore('1924-02-29', 48)).toBe('1920-02-29')
    expect(monthsBefore('1923-02-28', 36)).toBe('1920-02-28')
    expect(monthsBefore('1923-03-01', 36)).toBe('1920-03-01')
    // 1900 was not a leap year (divisible by 100, not by 400); 2000 was.
    expect(monthsBefore('1904-02-29', 48)).toBe('1900-02-28')
    expect(monthsBefore('2004-02-29', 48)).toBe('2000-02-29')
  })

  it('moves forward the same way (a term’s end)', () => {
    expect(monthsAfter('1923-01-31', 1)).toBe('1923-02-28')
    expect(monthsAfter('1923-12-02', 24)).toBe('1925-12-02')
    expect(monthsAfter('1920-02-29', 12)).toBe('1921-02-28')
    expect(monthsAfter('1920-02-29', 48)).toBe('1924-02-29')
  })

  it('reads minimums as months and as words', () => {
    expect(minimumMonths({ years: 3, of: 'membership' })).toBe(36)
    expect(minimumMonths({ years: 1, months: 6, of: 'full-membership' })).toBe(18)
    expect(minimumMonths({ months: 18, of: 'paid-dues' })).toBe(18)
    expect(describeDuration({ years: 1, of: 'membership' })).toBe('1 year')
    expect(describeDuration({ years: 3, months: 1, of: 'membership' })).toBe('3 years 1 month')
    expect(describeDuration({ months: 18, of: 'paid-dues' })).toBe('18 months')
  })

  it('gives the cutoff: inclusive for durations, exclusive for joined-before', () => {
    expect(standingCutoff({ years: 3, of: 'membership' }, '1923-12-02')).toEqual({ onOrBefore: '1920-12-02' })
    expect(standingCutoff({ joinedBefore: '1917-11-07' }, '1923-12-02')).toEqual({ before: '1917-11-07' })
  })
})
