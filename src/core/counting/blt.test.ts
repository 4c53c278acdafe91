import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors.ts'
import { type BltIssue, parseBlt, writeBlt } from './blt.ts'
import type { CountInput } from './counting-method.ts'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/blt/${name}`, import.meta.url), 'utf8')

/** The issues a malformed file fails with. */
function issuesOf(text: string): BltIssue[] {
  try {
    parseBlt(text)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('VALIDATION_FAILED')
    return (error as AppError & { details: { issues: BltIssue[] } }).details.issues
  }
  throw new Error('expected the file to be refused')
}

const NAMES = '"A"\n"B"\n"C"\n"Title"\n'

describe('parseBlt', () => {
  it('reads candidates, seats, weighted ballots (1-based to 0-based), names and title', () => {
    const election = parseBlt(fixture('food-stv.blt'))
    expect(election.candidates).toEqual([
      'Oranges',
      'Pears',
      'Chocolate',
      'Strawberries',
      'Hamburgers',
      'Sweets',
    ])
    expect(election.seats).toBe(3)
    expect(election.withdrawn).toEqual([])
    expect(election.ballots[1]).toEqual({ weight: 2, preferences: [1, 0] })
    expect(election.ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(20)
    expect(election.title).toBe('Food for a party')
  })

  it('reads withdrawn candidates and skips comments and blank lines', () => {
    const election = parseBlt(fixture('tennessee-withdrawn.blt'))
    expect(election.withdrawn).toEqual([0])
    expect(election.ballots).toHaveLength(4)
    expect(parseBlt(`3 1\n-1 -3  # two withdrew\n1 2 0\n0\n${NAMES}`).withdrawn).toEqual([0, 2])
  })

  it('accepts empty ballots, names on one line, and # inside a quoted name', () => {
    const election = parseBlt('2 1\n3 0\n1 2 1 0\n0\n"No #1" "B"\n"T"')
    expect(election.ballots[0]).toEqual({ weight: 3, preferences: [] })
    expect(election.candidates).toEqual(['No #1', 'B'])
  })

  it.each([
    ['', 1, /file is empty/],
    ['3\n', 1, /first line must be two whole numbers/],
    ['3 0\n0\n"A"\n"B"\n"C"\n"T"', 1, /at least one seat/],
    ['3 1\n-4\n0\n', 2, /withdrawn candidate '-4' must be -1 to -3/],
    ['3 1\n1 4 0\n0\n', 2, /candidate '4' is not a number from 1 to 3/],
    ['3 1\n1 2 2 0\n0\n', 2, /candidate 2 is listed twice/],
    ['3 1\n1 2 3\n0\n', 2, /does not end with 0/],
    ['3 1\n1.5 2 0\n0\n', 2, /weight '1.5' must be a whole number/],
    ['3 1\n0 2 0\n0\n', 2, /weight '0' must be a whole number/],
    ['3 1\nx 2 0\n0\n', 2, /weight 'x'/],
    ['3 1\n1 2=3 0\n0\n', 2, /equal preferences \('2=3'\) are not supported/],
    ['3 1\n1 2 - 3 0\n0\n', 2, /skipped preferences/],
    ['3 1\n(7) 1 2 0\n0\n', 2, /ballot ids/],
    ['3 1\n1 2 0 3 0\n0\n', 2, /after the 0/],
    ['3 1\n1 2 0\n"A"\n', 3, /lone 0/],
    ['3 1\n1 2 0\n', 2, /ends before the lone 0/],
    ['3 1\n1 2 0\n0\n"A"\n"B"\n', 5, /expected 3 candidate names, found 2/],
    ['3 1\n1 2 0\n0\n"A"\n"B"\n"C"\n', 6, /title .* is missing/],
    ['3 1\n1 2 0\n0\n"A"\n"B"\n"C"\n"T"\n"extra"\n', 8, /unexpected text after the title/],
    ['3 1\n1 2 0\n0\nAlice\n', 4, /expected a quoted name/],
    ['3 1\n1 2 0\n0\n"A\n', 4, /no closing quote/],
  ])('refuses %j at line %i', (text, line, message) => {
    const [first] = issuesOf(text)
    expect(first?.line).toBe(line)
    expect(first?.path).toBe(`line ${line}`)
    expect(first?.message).toMatch(message)
  })

  it('names the column and lists every bad ballot line, with the first in the message', () => {
    const text = `3 1\n1 2 9 0\n2 1 0\n1 1 1 0\n0\n${NAMES}`
    expect(issuesOf(text)).toEqual([
      { path: 'line 2', line: 2, column: 5, message: "candidate '9' is not a number from 1 to 3" },
      { path: 'line 4', line: 4, column: 5, message: 'candidate 1 is listed twice on the ballot' },
    ])
    expect(() => parseBlt(text)).toThrow(/Malformed BLT file, line 2: candidate '9'.*\(and 1 more problem/)
  })
})

describe('writeBlt', () => {
  it('round-trips: what it writes parses back to the same election', () => {
    const input: CountInput = {
      candidates: ['Ann', 'Bo "the boss" Lee', 'Cy'],
      withdrawn: [2],
      seats: 2,
      ballots: [
        { weight: 7, preferences: [1, 0] },
        { weight: 1, preferences: [] },
        { weight: 3, preferences: [2, 0, 1] },
      ],
      tieBreakSeed: 'ignored',
    }
    const text = writeBlt(input, 'Branch committee 2026')
    expect(text).toBe(
      '3 2\n-3\n7 2 1 0\n1 0\n3 3 1 2 0\n0\n"Ann"\n"Bo ’the boss’ Lee"\n"Cy"\n"Branch committee 2026"\n',
    )
    const { tieBreakSeed: _, ...rest } = input
    expect(parseBlt(text)).toEqual({
      ...rest,
      candidates: ['Ann', 'Bo ’the boss’ Lee', 'Cy'],
      title: 'Branch committee 2026',
    })
  })

  it('round-trips a fixture file', () => {
    const parsed = parseBlt(fixture('wikipedia-schulze.blt'))
    expect(parseBlt(writeBlt({ ...parsed, tieBreakSeed: '' }, parsed.title))).toEqual(parsed)
  })
})
