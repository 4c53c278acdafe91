import { sql } from 'kysely'
import { checkOf } from '../audit/checks.ts'
import type { FindingKind } from '../audit/finding.ts'
import { refreshFindings } from '../audit/refresh-findings.ts'
import {
  type AuditSnapshotSummary,
  backfillAuditSnapshots,
  takeAuditSnapshots,
} from '../audit/take-audit-snapshots.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { REPORT_REGION } from './demo-mandate-plan.ts'
import { DEMO_REGIONS } from './demo-tree.ts'

/** The demo's audit on the report's day: what was found, and the trend history written behind it. */
export interface DemoAuditSummary {
  readonly findings: number
  /** Stored findings by kind, most first (kinds with none left out). */
  readonly byKind: readonly { readonly kind: FindingKind; readonly title: string; readonly count: number }[]
  /** The report's region: its unit secretaries held by appointment, of all those held. */
  readonly reportRegion: { readonly name: string; readonly appointed: number; readonly held: number }
  /** Snapshots of the report's day, and of the first day of each month of 1923 before it. */
  readonly snapshots: number
  readonly backfilled: number
  /** One line for the first start: "Audit: N findings — 80 of 130 unit secretaries in … appointed; …". */
  readonly headline: string
}

/** The first day of each month of 1923 before the report's day: the trend's history. */
function monthsOf1923(today: string): string[] {
  return Array.from({ length: 12 }, (_, month) => `1923-${String(month + 1).padStart(2, '0')}-01`).filter(
    (date) => date < today,
  )
}

/**
 * Runs the audit over the finished demo, in its transaction, as the server's follower would on its
 * first pass: every check over the whole organisation stored as today's findings, today's
 * snapshots of the roll-ups, and (what a follower cannot do for days before it ran) the history
 * of 1923, a live audit as of the first of each month, so the trends start with a year behind them.
 * The headline counts the stored findings (a summary of the root would run the checks again: the
 * follower has not made today's run yet) and takes the report region's appointed unit secretaries
 * from its summary's elected-posts ratio.
 */
export async function auditDemo(ctx: UseCaseContext): Promise<DemoAuditSummary> {
  const today = toIsoDate(ctx.clock.now())
  const { findings } = await refreshFindings(ctx.db, ctx.clock, { scope: { kind: 'all' } })
  const snapshots = await takeAuditSnapshots(ctx.db, ctx.clock)
  let backfilled = 0
  for (const date of monthsOf1923(today)) {
    backfilled += await backfillAuditSnapshots(ctx.db, {
      from: date,
      to: date,
      everyDays: 1,
      clock: ctx.clock,
    })
  }
  const { rows } = await sql<{ kind: FindingKind; n: string }>`
    select kind, count(*) as n from audit_findings group by kind order by count(*) desc, kind`.execute(ctx.db)
  const byKind = rows.map((row) => ({
    kind: row.kind,
    title: checkOf(row.kind)?.title ?? row.kind,
    count: Number(row.n),
  }))
  const plan = DEMO_REGIONS.find((region) => region.key === REPORT_REGION)
  const region = await ctx.db
    .selectFrom('bodies')
    .select(['id', 'name'])
    .where('level', '=', 'region')
    .where('name', '=', plan?.name ?? '')
    .executeTakeFirstOrThrow()
  // The region's snapshot, taken above from the stored findings (a summary would rerun the checks).
  const snapshot = await ctx.db
    .selectFrom('audit_snapshots')
    .select('summary')
    .where('body_id', '=', region.id)
    .where('on_date', '=', today)
    .executeTakeFirstOrThrow()
  const summary = snapshot.summary as AuditSnapshotSummary
  const secretaries = summary.ratios.electedPosts.posts.find((post) => post.post === 'unit-secretary')
  const reportRegion = {
    name: region.name,
    appointed: secretaries?.appointed ?? 0,
    held: secretaries?.total ?? 0,
  }
  const place = region.name.replace(/ (Gubernia|Regional) Committee$/, '')
  const headline =
    `Audit: ${findings.toLocaleString('en-GB')} findings — ${reportRegion.appointed} of ` +
    `${reportRegion.held} unit secretaries in ${place} appointed; ` +
    byKind.map((entry) => `${entry.title.toLowerCase()}: ${entry.count.toLocaleString('en-GB')}`).join('; ')
  return { findings, byKind, reportRegion, snapshots, backfilled, headline }
}
