import type { Executor } from '../../db/client.ts'
import { isoDateSchema } from '../members/schemas.ts'
import { type Clock, toIsoDate } from '../shared/clock.ts'
import { invalidInput } from '../shared/errors.ts'

/** Where a report's findings come from: the follower's stored findings, or a live run of the checks. */
export type FindingSource = 'stored' | 'live'

/**
 * The audit's date: the one asked for, or the organisation's today. A date that does not exist
 * (1923-02-30) or lies in the future is VALIDATION_FAILED: the audit reads what happened.
 */
export function auditDate(clock: Clock, asOf?: string | null): string {
  const today = toIsoDate(clock.now())
  if (asOf === undefined || asOf === null) return today
  if (!isoDateSchema.safeParse(asOf).success) {
    const message = `${asOf} is not a calendar date (YYYY-MM-DD)`
    throw invalidInput(message, [{ path: 'asOf', message }], { asOf })
  }
  if (asOf > today) {
    const message = `${asOf} is in the future: the organisation's today is ${today}`
    throw invalidInput(message, [{ path: 'asOf', message }], { asOf, today })
  }
  return asOf
}

/**
 * Whether the stored findings answer for `asOf`: only for today, and only once the follower has
 * made today's full run (time passing changes findings without any event, so yesterday's stored
 * set is not today's). Otherwise a report runs the checks live.
 */
export async function storedFindingsCurrent(db: Executor, clock: Clock, asOf: string): Promise<boolean> {
  const today = toIsoDate(clock.now())
  if (asOf !== today) return false
  const follower = await db
    .selectFrom('audit_follower')
    .select('full_run_on')
    .where('id', '=', 1)
    .executeTakeFirst()
  return follower?.full_run_on === today
}
