import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import { findCharterInForce } from '../charter/charter-in-force.ts'
import { type Clock, daysAfter, toIsoDate } from '../shared/clock.ts'
import { invalidInput } from '../shared/errors.ts'
import { type MeasuredRatios, measureRatios, noRatios } from './audit-ratios.ts'
import {
  type CountRow,
  countRowsOf,
  type FindingCounts,
  foldCounts,
  reportedKinds,
  storedCountRows,
} from './audit-rollup.ts'
import { auditDayEnd, bodyActiveAt } from './audit-scope.ts'
import { AUDIT_CHECKS } from './checks.ts'
import type { Finding } from './finding.ts'
import { runAudit } from './run-audit.ts'

/** What a snapshot keeps of a body's day: its counts and measured ratios (no per-child breakdown). */
export interface AuditSnapshotSummary extends FindingCounts {
  readonly asOf: string
  readonly ratios: MeasuredRatios
}

const UPSERT_BATCH = 500

/**
 * Stores the day's roll-up of every body that has children (the leaves are left out: 100,000
 * units a day would be most of the table and say nothing a unit's own findings do not). All
 * bodies at once: a finding, a mandate, a decision or an admission counts for every ancestor on
 * its path, so each measure is one grouped query over the organisation, not one per body.
 *
 * The counts come from the stored findings: the follower calls this right after its full run of
 * the day (past dates go through `backfillAuditSnapshots`). Returns how many snapshots were written.
 */
export async function takeAuditSnapshots(db: Executor, clock: Clock): Promise<number> {
  return storeSnapshots(db, clock, toIsoDate(clock.now()), null)
}

/**
 * Runs the audit as of past dates, from `from` to `to` every `everyDays` days, and stores each
 * date's snapshots: the trend history of an organisation whose records reach back before Charter
 * (the demo's, say). The clock only stamps when the snapshots were taken. Returns how many were
 * written in all.
 */
export async function backfillAuditSnapshots(
  db: Executor,
  input: { readonly from: string; readonly to: string; readonly everyDays: number; readonly clock: Clock },
): Promise<number> {
  const { from, to, everyDays, clock } = input
  if (!Number.isInteger(everyDays) || everyDays < 1) {
    throw invalidInput('everyDays must be a positive whole number', [
      { path: 'everyDays', message: 'at least 1' },
    ])
  }
  if (from > to) throw invalidInput(`${from} is after ${to}`, [{ path: 'from', message: 'after to' }])
  let written = 0
  for (let date = from; date <= to; date = daysAfter(date, everyDays)) {
    const { findings } = await runAudit(db, { asOf: date, scope: { kind: 'all' } })
    written += await storeSnapshots(db, clock, date, findings)
  }
  return written
}

/** Writes (or replaces) one date's snapshots, from stored findings (`findings` null) or a live run's. */
async function storeSnapshots(
  db: Executor,
  clock: Clock,
  onDate: string,
  findings: readonly Finding[] | null,
): Promise<number> {
  const checks = AUDIT_CHECKS
  const asOfEnd = auditDayEnd(onDate)
  // Bodies with at least one child active on the date: one pass over the parent index.
  const parents = await db
    .selectFrom('bodies as b')
    .select(['b.id', 'b.region_id'])
    .where(bodyActiveAt(asOfEnd, 'b'))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('bodies as c')
          .select(sql`1`.as('one'))
          .whereRef('c.parent_id', '=', 'b.id')
          .where(bodyActiveAt(asOfEnd, 'c')),
      ),
    )
    .execute()
  if (parents.length === 0) return 0
  const grouping = { kind: 'ancestors', bodyIds: parents.map((p) => p.id) } as const
  const rows = findings === null ? await storedCountRows(db, grouping, null) : countRowsOf(grouping, findings)
  const kinds = reportedKinds(checks, rows)
  const version = await findCharterInForce(db, onDate)
  const ratios = await measureRatios(db, {
    asOf: onDate,
    asOfEnd,
    charter: version?.document ?? null,
    grouping,
  })
  const rowsOf = new Map<number | null, CountRow[]>()
  for (const row of rows) {
    const list = rowsOf.get(row.g)
    if (list) list.push(row)
    else rowsOf.set(row.g, [row])
  }
  const takenAt = clock.now()
  const values = parents.map((parent) => {
    const summary: AuditSnapshotSummary = {
      asOf: onDate,
      ...foldCounts(rowsOf.get(parent.id) ?? [], kinds, checks),
      ratios: ratios.byGroup.get(parent.id) ?? noRatios(onDate),
    }
    return {
      body_id: parent.id,
      on_date: onDate,
      region_id: parent.region_id ?? parent.id,
      summary: JSON.stringify(summary),
      taken_at: takenAt,
    }
  })
  for (let start = 0; start < values.length; start += UPSERT_BATCH) {
    await db
      .insertInto('audit_snapshots')
      .values(values.slice(start, start + UPSERT_BATCH))
      .onConflict((oc) =>
        oc.columns(['body_id', 'on_date']).doUpdateSet((eb) => ({
          region_id: eb.ref('excluded.region_id'),
          summary: eb.ref('excluded.summary'),
          taken_at: eb.ref('excluded.taken_at'),
        })),
      )
      .execute()
  }
  return values.length
}
