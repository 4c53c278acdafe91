import type { StandingMinimum } from '../charter/document-schema.ts'
import { monthsBefore } from '../shared/clock.ts'

/**
 * Standing arithmetic on calendar dates (YYYY-MM-DD, compared as strings). "At least N years on
 * date D" means the standing began on or before D minus N years: a member who joined on
 * 1920-12-02 has exactly three years on 1923-12-02 and qualifies; one day later joined, they do not.
 */

/** The minimum's duration in months, for duration-based minimums. */
export function minimumMonths(minimum: Extract<StandingMinimum, { of: string }>): number {
  return (minimum.years ?? 0) * 12 + (minimum.months ?? 0)
}

/** How a duration reads in a sentence: "3 years", "1 year 6 months", "18 months". */
export function describeDuration(minimum: Extract<StandingMinimum, { of: string }>): string {
  const parts: string[] = []
  if (minimum.years) parts.push(`${minimum.years} year${minimum.years === 1 ? '' : 's'}`)
  if (minimum.months) parts.push(`${minimum.months} month${minimum.months === 1 ? '' : 's'}`)
  return parts.join(' ')
}

/**
 * For a standing counted from a start date: the latest start date that still satisfies the
 * minimum on `date` (inclusive for durations), or for `joinedBefore` the first date that fails.
 */
export function standingCutoff(
  minimum: StandingMinimum,
  date: string,
): { readonly onOrBefore?: string; readonly before?: string } {
  if ('joinedBefore' in minimum) return { before: minimum.joinedBefore }
  return { onOrBefore: monthsBefore(date, minimumMonths(minimum)) }
}
