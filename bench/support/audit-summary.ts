import type { Kysely } from 'kysely'
import { summariseAudit } from '../../src/core/audit/summarise-audit.ts'
import type { ManualClock } from '../../src/core/shared/clock.ts'
import type { DB } from '../../src/db/schema.ts'
import type { Measure } from './audit-measures.ts'

/**
 * (4) The root's report: summariseAudit of the central committee as of the audit date, counts by
 * kind and severity and the measured ratios, per region side by side. Timed both ways a report can
 * come: live (the checks run over the whole tree) and from the stored findings, current once the
 * follower has made the day's full run (the bench's stored runs do not mark it, so `live: false`
 * falls back to live until then; the row says which it was).
 */
export async function measureSummary(
  db: Kysely<DB>,
  clock: ManualClock,
  asOf: string,
  runs: number,
  live: boolean,
): Promise<Measure> {
  const root = await db
    .selectFrom('bodies')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow()
  const values: number[] = []
  let note = ''
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const summary = await summariseAudit(db, clock, { bodyId: root.id, asOf, live })
    values.push(performance.now() - start)
    const secretaries = summary.ratios.electedPosts.posts.find((post) => post.post === 'unit-secretary')
    note =
      `source ${summary.source}; ${summary.totals.total} findings, ${summary.children.length} regions; ` +
      `unit secretaries elected ${secretaries?.elected ?? 0} of ${secretaries?.total ?? 0}`
  }
  return { name: `summariseAudit of the root (${live ? 'live' : 'stored findings'})`, values, note }
}
