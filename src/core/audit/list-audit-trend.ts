import type { Executor } from '../../db/client.ts'
import { isoDateSchema } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { invalidInput } from '../shared/errors.ts'
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

/** A body's audit snapshots between two dates (inclusive), oldest first: one index range on its key. */
export async function listAuditTrend(
  db: Executor,
  input: { readonly bodyId: number; readonly from: string; readonly to: string },
): Promise<AuditTrend> {
  for (const key of ['from', 'to'] as const) {
    if (!isoDateSchema.safeParse(input[key]).success) {
      const message = `${input[key]} is not a calendar date (YYYY-MM-DD)`
      throw invalidInput(message, [{ path: key, message }])
    }
  }
  if (input.from > input.to) {
    const message = `from (${input.from}) is after to (${input.to})`
    throw invalidInput(message, [{ path: 'from', message }])
  }
  await getBody(db, input.bodyId)
  const rows = await db
    .selectFrom('audit_snapshots')
    .select(['on_date', 'summary'])
    .where('body_id', '=', input.bodyId)
    .where('on_date', '>=', input.from)
    .where('on_date', '<=', input.to)
    .orderBy('on_date')
    .execute()
  return {
    bodyId: input.bodyId,
    from: input.from,
    to: input.to,
    points: rows.map((row) => ({ ...(row.summary as AuditSnapshotSummary), onDate: row.on_date })),
  }
}
