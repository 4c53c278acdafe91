import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import type { FindingSeverity } from '../../db/schema-audit.ts'
import { decodeCursor, encodeCursor, isoDateSchema } from '../members/schemas.ts'
import { getBody, isWithin } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import type { Clock } from '../shared/clock.ts'
import { invalidInput } from '../shared/errors.ts'
import type { AuditCheck } from './audit-check.ts'
import {
  auditDate,
  cachedAuditRun,
  type FindingSource,
  liveAuditRun,
  storedFindingsCurrent,
} from './audit-source.ts'
import { AUDIT_CHECKS } from './checks.ts'
import {
  compareFindingKeys,
  compareFindings,
  type Finding,
  type FindingKey,
  type FindingKind,
  findingKey,
} from './finding.ts'

export interface FindingsFilter {
  readonly kind?: FindingKind | null
  readonly severity?: FindingSeverity | null
  /**
   * Where findings about a member (subject kind `member`: a pending application) are listed: only
   * under these body paths, the reader's grants that may `members.read` (policy.ts
   * grantPathsFor). Null or absent: everywhere (the operator's CLI, the core's own callers).
   * Such findings are still COUNTED for every reader (summaries); only the listing is withheld.
   */
  readonly memberSubjectsUnder?: readonly string[] | null
}

/** Whether a finding may be listed to a reader whose member-reading grants are `under` (see FindingsFilter). */
export function listable(
  finding: Pick<Finding, 'subject' | 'bodyPath'>,
  under: readonly string[] | null | undefined,
): boolean {
  if (under === null || under === undefined || finding.subject.kind !== 'member') return true
  return under.some((path) => isWithin(finding.bodyPath, path))
}

export interface ScopeFindingsInput extends FindingsFilter {
  readonly bodyId: number
  /** YYYY-MM-DD, not in the future; default today. */
  readonly asOf?: string | null
  readonly checks?: readonly AuditCheck[]
  /** Run the checks live even when the stored findings are current. */
  readonly live?: boolean
}

export interface ListFindingsInput extends ScopeFindingsInput {
  /** 1–500, default 100. */
  readonly limit?: number
  readonly after?: string | null
}

export interface FindingsPage {
  readonly asOf: string
  readonly source: FindingSource
  readonly items: readonly Finding[]
  readonly nextCursor: string | null
}

export const MAX_FINDINGS_PAGE = 500

/** A cursor is the last listed finding's report key (finding.ts), the same order in SQL and here. */
const cursorShape = z.tuple([z.number().int().min(0).max(2), isoDateSchema, z.string().min(1).max(300)])
type Key = FindingKey

const RANK_SQL = sql<number>`(case f.severity when 'violation' then 0 when 'warning' then 1 else 2 end)`

/** Stored findings of a subtree, in report order, after a key; one range scan on the path index. */
async function storedFindings(
  db: Executor,
  body: BodyRow,
  filter: FindingsFilter & { readonly kinds: readonly string[] | null },
  after: Key | null,
  limit: number | null,
): Promise<Finding[]> {
  const rows = await db
    .selectFrom('audit_findings as f')
    .innerJoin('bodies as b', 'b.id', 'f.body_id')
    .select([
      'f.id',
      'f.kind',
      'f.rule_id',
      'f.body_id',
      'b.name as body_name',
      'f.body_path',
      'f.region_id',
      'f.subject_kind',
      'f.subject_id',
      'f.severity',
      'f.since',
      'f.evidence',
      'f.message',
    ])
    .where(inSubtree('f.body_path', body.path))
    .$if(filter.memberSubjectsUnder !== null && filter.memberSubjectsUnder !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('f.subject_kind', '<>', 'member'),
          ...(filter.memberSubjectsUnder ?? []).map((path) => inSubtree('f.body_path', path)),
        ]),
      ),
    )
    .$if(Boolean(filter.kind), (q) => q.where('f.kind', '=', filter.kind ?? ''))
    .$if(Boolean(filter.severity), (q) => q.where('f.severity', '=', filter.severity ?? 'notice'))
    .$if(filter.kinds !== null, (q) =>
      q.where('f.kind', 'in', filter.kinds?.length ? [...filter.kinds] : ['']),
    )
    .$if(after !== null, (q) =>
      q.where(
        sql<boolean>`(${RANK_SQL}, f.since, f.id collate "C") > (${after?.[0]}::int, ${after?.[1]}::date, ${after?.[2]} collate "C")`,
      ),
    )
    .orderBy(RANK_SQL)
    .orderBy('f.since')
    .orderBy(sql`f.id collate "C"`)
    .$if(limit !== null, (q) => q.limit(limit ?? 0))
    .execute()
  return rows.map(
    (row): Finding => ({
      id: row.id,
      kind: row.kind as FindingKind,
      rule: row.rule_id,
      bodyId: Number(row.body_id),
      bodyName: row.body_name,
      bodyPath: row.body_path,
      regionId: Number(row.region_id),
      subject: { kind: row.subject_kind, id: Number(row.subject_id) },
      severity: row.severity,
      since: row.since,
      evidence: row.evidence.map(Number),
      message: row.message,
    }),
  )
}

/**
 * Live findings of a subtree, filtered and in report order, after a key. With every check, the
 * run of a past date is shared (audit-source.ts liveAuditRun): a page filtered by kind reads a
 * kept run when there is one, and otherwise runs only that kind's check.
 */
async function liveFindings(
  db: Executor,
  clock: Clock,
  body: BodyRow,
  asOf: string,
  filter: FindingsFilter,
  checks: readonly AuditCheck[] | undefined,
  after: Key | null,
): Promise<Finding[]> {
  const all = checks ?? AUDIT_CHECKS
  const chosen = filter.kind ? all.filter((check) => check.kind === filter.kind) : all
  if (chosen.length === 0) return []
  const path = body.path
  const whole = checks === undefined && (!filter.kind || (await cachedAuditRun(db, clock, { asOf, path })))
  const run = whole
    ? await liveAuditRun(db, clock, { asOf, path })
    : await liveAuditRun(db, clock, { asOf, path, checks: chosen })
  return run.findings
    .filter((finding) => !filter.kind || finding.kind === filter.kind)
    .filter((finding) => !filter.severity || finding.severity === filter.severity)
    .filter((finding) => listable(finding, filter.memberSubjectsUnder))
    .filter((finding) => after === null || compareFindingKeys(findingKey(finding), after) > 0)
    .sort(compareFindings)
}

/** The date, body and source a findings request resolves to (shared by the list and the whole scope). */
async function resolveScope(db: Executor, clock: Clock, input: ScopeFindingsInput) {
  const asOf = auditDate(clock, input.asOf)
  const body = await getBody(db, input.bodyId)
  const stored = !input.live && (await storedFindingsCurrent(db, clock, asOf))
  const kinds = input.checks ? input.checks.map((check) => check.kind) : null
  return { asOf, body, stored, kinds, source: (stored ? 'stored' : 'live') as FindingSource }
}

/**
 * Every finding of a body's subtree as of a date (filtered by kind and severity), gravest first:
 * the stored ones when current (today, after the follower's full run), else a live run.
 */
export async function findingsOfScope(
  db: Executor,
  clock: Clock,
  input: ScopeFindingsInput,
): Promise<{ asOf: string; source: FindingSource; body: BodyRow; findings: readonly Finding[] }> {
  const { asOf, body, stored, kinds, source } = await resolveScope(db, clock, input)
  const findings = stored
    ? await storedFindings(db, body, { ...input, kinds }, null, null)
    : await liveFindings(db, clock, body, asOf, input, input.checks, null)
  return { asOf, source, body, findings }
}

/** One page of a subtree's findings as of a date, keyset-paged in report order. */
export async function listFindings(
  db: Executor,
  clock: Clock,
  input: ListFindingsInput,
): Promise<FindingsPage> {
  const limit = input.limit ?? 100
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FINDINGS_PAGE) {
    const message = `limit must be a whole number from 1 to ${MAX_FINDINGS_PAGE}`
    throw invalidInput(message, [{ path: 'limit', message }], { limit })
  }
  const after = input.after ? decodeCursor(input.after, cursorShape) : null
  const { asOf, body, stored, kinds, source } = await resolveScope(db, clock, input)
  const rows = stored
    ? await storedFindings(db, body, { ...input, kinds }, after, limit + 1)
    : (await liveFindings(db, clock, body, asOf, input, input.checks, after)).slice(0, limit + 1)
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    asOf,
    source,
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(findingKey(last)) : null,
  }
}
