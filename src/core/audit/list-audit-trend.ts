import type { Executor } from '../../db/client.ts'
import { getBody } from '../orgs/get-body.ts'
import { type Clock, daysAfter } from '../shared/clock.ts'
import { invalidInput } from '../shared/errors.ts'
import { auditDate } from './audit-source.ts'
import type { AuditSnapshotSummary } from './take-audit-snapshots.ts'

/** One day of a body's trend: the snapshot's summary and its date. */
export interface AuditTrendPoint extends AuditSnapshotSummary {
  readonly onDate: string
}

export interface AuditTrend {
  readonly bodyId: number
  readonly from: string
  readonly to: string
  /** Oldest first; only days with a snapshot (a leaf body has none: snapshots cover bodies with children). */
  readonly points: readonly AuditTrendPoint[]
}

/** The default period: the 365 days up to and including `to`. */
const DEFAULT_TREND_DAYS = 365
/**
 * The longest period one request reads: three years of daily snapshots (about 1,100 points,
 * each a full summary) is already more than a chart can show; a wider span is refused, not cut.
 */
const MAX_TREND_DAYS = 3 * 365 + 1

/**
 * A body's audit snapshots between two dates (inclusive), oldest first: one index range on its key.
 * Both dates are checked as an audit's date is (a calendar date, not after the organisation's
 * today); `to` defaults to today and `from` to a year before it; at most MAX_TREND_DAYS apart.
 */
export async function listAuditTrend(
  db: Executor,
  clock: Clock,
  input: { readonly bodyId: number; readonly from?: string | null; readonly to?: string | null },
): Promise<AuditTrend> {
  const to = auditDate(clock, input.to, 'to')
  const from = auditDate(clock, input.from ?? daysAfter(to, -(DEFAULT_TREND_DAYS - 1)), 'from')
  if (from > to) {
    const message = `from (${from}) is after to (${to})`
    throw invalidInput(message, [{ path: 'from', message }])
  }
  if (daysAfter(from, MAX_TREND_DAYS - 1) < to) {
    const message = `from (${from}) to (${to}) is longer than ${MAX_TREND_DAYS} days: ask for a shorter period`
    throw invalidInput(message, [{ path: 'from', message }], { maxDays: MAX_TREND_DAYS })
  }
  await getBody(db, input.bodyId)
  const rows = await db
    .selectFrom('audit_snapshots')
    .select(['on_date', 'summary'])
    .where('body_id', '=', input.bodyId)
    .where('on_date', '>=', from)
    .where('on_date', '<=', to)
    .orderBy('on_date')
    .execute()
  return {
    bodyId: input.bodyId,
    from,
    to,
    points: rows.map((row) => ({ ...(row.summary as AuditSnapshotSummary), onDate: row.on_date })),
  }
}
