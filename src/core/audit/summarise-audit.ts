import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { findCharterInForce } from '../charter/charter-in-force.ts'
import { getBody } from '../orgs/get-body.ts'
import { type Clock, toIsoDate } from '../shared/clock.ts'
import type { AuditCheck } from './audit-check.ts'
import { type MeasuredRatios, measureRatios, type NotMeasured, noRatios } from './audit-ratios.ts'
import {
  type CountRow,
  countRowsOf,
  type FindingCounts,
  foldCounts,
  type RollupGrouping,
  reportedKinds,
  storedCountRows,
} from './audit-rollup.ts'
import { auditDayEnd, bodyActiveAt } from './audit-scope.ts'
import {
  auditDate,
  lastFullRun,
  liveAuditRun,
  type SummarySource,
  storedFindingsCurrent,
} from './audit-source.ts'
import { ABSENT_CHECKS, AUDIT_CHECKS } from './checks.ts'
import type { Finding, FindingKind } from './finding.ts'
import { charterReference } from './run-audit.ts'
import type { AuditSnapshotSummary } from './take-audit-snapshots.ts'

/** The headline ratios of a body's report: measured ones, and those whose capability has not landed. */
export interface SummaryRatios extends MeasuredRatios {
  readonly reportPunctuality: NotMeasured
  readonly conferenceRegularity: NotMeasured
}

/** A body as a report names it. */
export interface SummaryBody {
  readonly id: number
  readonly name: string
  readonly level: string
  readonly kind: string | null
}

/** One direct child's column in its parent's report: its counts and measured ratios. */
export interface ChildSummary extends FindingCounts {
  readonly body: SummaryBody
  readonly ratios: MeasuredRatios
}

/** A body's audit as of a date: counts by kind and severity, the ratios, its children side by side. */
export interface AuditSummary extends FindingCounts {
  readonly asOf: string
  readonly source: SummarySource
  readonly body: SummaryBody & { readonly path: string }
  readonly charter: {
    readonly versionId: number
    readonly name: string
    readonly effectiveFrom: string
  } | null
  readonly ratios: SummaryRatios
  readonly children: readonly ChildSummary[]
  /** Kinds not audited yet, and the capability each waits for. */
  readonly absent: readonly { readonly kind: FindingKind; readonly waitsFor: string }[]
}

export interface SummariseAuditInput {
  readonly bodyId: number
  /** YYYY-MM-DD, not in the future; default today. */
  readonly asOf?: string | null
  /** The checks to count (default all); stored findings are then filtered to their kinds. */
  readonly checks?: readonly AuditCheck[]
  /** Run the checks live even when stored findings are current (the CLI does: it needs no follower). */
  readonly live?: boolean
}

const NOT_MEASURED = {
  reportPunctuality: { value: null, notMeasured: 'information capability not built yet' },
  conferenceRegularity: { value: null, notMeasured: 'standing conferences capability not built yet' },
} as const

/**
 * Summarises the audit of a body's subtree as of a date. Counts come from the stored findings
 * (one range scan on the path) when they are current (today, after the follower's full run of
 * the day), else from a live run of the checks over the subtree. The ratios are measured from
 * the data as of the date (see measureRatios), each in one query grouped by direct child, so a
 * region's report shows its districts side by side without a query per district.
 */
export async function summariseAudit(
  db: Executor,
  clock: Clock,
  input: SummariseAuditInput,
): Promise<AuditSummary> {
  const asOf = auditDate(clock, input.asOf)
  const body = await getBody(db, input.bodyId)
  const checks = input.checks ?? AUDIT_CHECKS
  const stored = !input.live && (await storedFindingsCurrent(db, clock, asOf))
  const findings = stored
    ? null
    : (
        await liveAuditRun(db, clock, {
          asOf,
          path: body.path,
          ...(input.checks ? { checks: input.checks } : {}),
        })
      ).findings
  // Stored findings are counted whatever their kind (the follower stored them with every check);
  // with checks named, only theirs, as a live run of those checks would find.
  const storedKinds = input.checks ? input.checks.map((check) => check.kind) : null
  return summariseFindings(db, { body, asOf, checks, findings, storedKinds })
}

/**
 * The summary from findings already in hand (a live run the caller also lists), or, when
 * `findings` is null, from the stored ones.
 */
export async function summariseFindings(
  db: Executor,
  input: {
    readonly body: BodyRow
    readonly asOf: string
    readonly checks: readonly AuditCheck[]
    readonly findings: readonly Finding[] | null
    /** Stored findings: count only these kinds (null: every kind stored). */
    readonly storedKinds?: readonly string[] | null
  },
): Promise<AuditSummary> {
  const { body, asOf, checks, findings } = input
  const asOfEnd = auditDayEnd(asOf)
  const grouping: RollupGrouping = { kind: 'children', path: body.path, depth: body.depth }
  const version = await findCharterInForce(db, asOf)
  const rows: CountRow[] =
    findings === null
      ? await storedCountRows(db, grouping, input.storedKinds ?? null)
      : countRowsOf(grouping, findings)
  const kinds = reportedKinds(checks, rows)
  const ratios = await measureRatios(db, { asOf, asOfEnd, charter: version?.document ?? null, grouping })
  const children = await db
    .selectFrom('bodies as b')
    .select(['b.id', 'b.name', 'b.level', 'b.kind'])
    .where('b.parent_id', '=', body.id)
    .where(bodyActiveAt(asOfEnd, 'b'))
    .orderBy('b.name')
    .orderBy('b.id')
    .execute()
  const rowsOf = new Map<number | null, CountRow[]>()
  for (const row of rows) {
    const list = rowsOf.get(row.g)
    if (list) list.push(row)
    else rowsOf.set(row.g, [row])
  }

  return {
    asOf,
    source: findings === null ? 'stored' : 'live',
    body: { id: body.id, name: body.name, level: body.level, kind: body.kind, path: body.path },
    charter: version ? charterReference(version) : null,
    ...foldCounts(rows, kinds, checks),
    ratios: { ...ratios.whole, ...NOT_MEASURED },
    children: children.map((child) => ({
      body: { id: child.id, name: child.name, level: child.level, kind: child.kind },
      ...foldCounts(rowsOf.get(child.id) ?? [], kinds, checks),
      ratios: ratios.byGroup.get(child.id) ?? noRatios(asOf),
    })),
    absent: ABSENT_CHECKS.filter((entry) => !checks.some((check) => check.kind === entry.kind)),
  }
}

/**
 * The newest summary the audit holds for a body, WITHOUT running a check (the body page's card
 * must never start a live audit of a large subtree): the stored findings as of the follower's
 * last full run (that day's date, not necessarily today's), else the body's newest daily snapshot
 * (bodies with children only; no per-child columns), else an empty summary saying the audit has
 * not run. The ratios of the stored case are measured as of that day (grouped queries, no check).
 */
export async function summariseLatest(
  db: Executor,
  clock: Clock,
  input: { readonly bodyId: number },
): Promise<AuditSummary> {
  const body = await getBody(db, input.bodyId)
  const fullRun = await lastFullRun(db)
  if (fullRun !== null)
    return summariseFindings(db, { body, asOf: fullRun, checks: AUDIT_CHECKS, findings: null })
  const snapshot = await db
    .selectFrom('audit_snapshots')
    .select(['on_date', 'summary'])
    .where('body_id', '=', body.id)
    .orderBy('on_date', 'desc')
    .limit(1)
    .executeTakeFirst()
  const asOf = snapshot?.on_date ?? toIsoDate(clock.now())
  const kept = snapshot ? (snapshot.summary as AuditSnapshotSummary) : null
  const version = await findCharterInForce(db, asOf)
  const counts = kept ?? foldCounts([], reportedKinds(AUDIT_CHECKS, []), AUDIT_CHECKS)
  return {
    asOf,
    source: kept ? 'snapshot' : 'none',
    body: { id: body.id, name: body.name, level: body.level, kind: body.kind, path: body.path },
    charter: version ? charterReference(version) : null,
    totals: counts.totals,
    byKind: counts.byKind,
    ratios: { ...(kept?.ratios ?? noRatios(asOf)), ...NOT_MEASURED },
    children: [],
    absent: ABSENT_CHECKS,
  }
}
