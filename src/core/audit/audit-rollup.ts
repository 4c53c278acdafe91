import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { FindingSeverity } from '../../db/schema-audit.ts'
import { isWithin } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import type { AuditCheck } from './audit-check.ts'
import { AUDIT_CHECKS, checkOf } from './checks.ts'
import { FINDING_KINDS, type FindingKind } from './finding.ts'

/**
 * Roll-ups group facts (findings, mandates, decisions, admissions) by body, set-based, in one of
 * two ways, both read off the materialised path a fact's body carries:
 * - `children`: a body's subtree, grouped by which direct child the fact lies under (null: on the
 *   body itself), so a region's report shows its districts side by side from one query;
 * - `ancestors`: the whole organisation, each fact counted for every listed ancestor on its path,
 *   so the day's snapshots of thousands of bodies come from one query, not one per body.
 */
export type RollupGrouping =
  | { readonly kind: 'children'; readonly path: string; readonly depth: number }
  | { readonly kind: 'ancestors'; readonly bodyIds: readonly number[] }

/** SQL pieces that put a fact's group in column `g` (see RollupGrouping), given its body's path column. */
export interface GroupSql {
  readonly key: RawBuilder<number | null>
  /** A join to add after the body's: the ancestors' unnest, or nothing. */
  readonly join: RawBuilder<unknown>
  readonly where: RawBuilder<boolean>
}

export function groupSql(grouping: RollupGrouping, pathColumn: string): GroupSql {
  const path = sql.ref(pathColumn)
  if (grouping.kind === 'children') {
    // '/1/5/23/' splits into '', '1', '5', '23', '': a body at depth d is part d+2, its child d+3.
    return {
      key: sql<number | null>`nullif(split_part(${path}, '/', ${grouping.depth + 3}::int), '')::bigint`,
      join: sql``,
      where: inSubtree(pathColumn, grouping.path),
    }
  }
  // The wanted bodies as a joined set (hashed), not `= any(array)`: that compares every path
  // segment with every wanted id, thousands of times per row at 100,000 units.
  return {
    key: sql<number | null>`wanted.id`,
    join: sql`cross join lateral unnest(string_to_array(trim(both '/' from ${path}), '/')) as anc(id)
      join (select unnest(${sql.val(grouping.bodyIds.map(Number))}::bigint[]) as id) wanted on wanted.id = anc.id::bigint`,
    where: sql<boolean>`true`,
  }
}

/** The groups a path falls in, as groupSql puts them (for findings held in memory). */
function groupsOfPath(grouping: RollupGrouping, path: string): (number | null)[] {
  const segments = path.split('/')
  if (grouping.kind === 'children') {
    if (!isWithin(path, grouping.path)) return []
    const child = segments[grouping.depth + 2]
    return [child ? Number(child) : null]
  }
  const wanted = new Set(grouping.bodyIds)
  return segments.filter((segment) => segment !== '' && wanted.has(Number(segment))).map(Number)
}

/** Findings counted by severity. */
export interface SeverityCounts {
  readonly violation: number
  readonly warning: number
  readonly notice: number
  readonly total: number
}

/** One kind's findings by severity, with the check's heading. */
export interface KindCounts extends SeverityCounts {
  readonly kind: FindingKind
  readonly title: string
}

/** Counts of one group: total by severity, and by kind (every kind audited, zeros included). */
export interface FindingCounts {
  readonly totals: SeverityCounts
  readonly byKind: readonly KindCounts[]
}

/** One (group, kind, severity) count, as both sources give them. */
export interface CountRow {
  readonly g: number | null
  readonly kind: string
  readonly severity: FindingSeverity
  readonly n: number
}

/** Counts of stored findings per group, kind and severity: one range scan on the path (or one pass). */
export async function storedCountRows(
  db: Executor,
  grouping: RollupGrouping,
  kinds: readonly string[] | null,
): Promise<CountRow[]> {
  const group = groupSql(grouping, 'f.body_path')
  const kindFilter = kinds === null ? sql`true` : sql`f.kind = any(${sql.val([...kinds])}::text[])`
  const { rows } = await sql<CountRow>`
    select ${group.key} as g, f.kind, f.severity, count(*)::int as n
    from audit_findings f ${group.join}
    where ${group.where} and ${kindFilter}
    group by 1, 2, 3`.execute(db)
  return rows.map((row) => ({ ...row, g: row.g === null ? null : Number(row.g), n: Number(row.n) }))
}

/** The same counts from findings held in memory (a live run). */
export function countRowsOf(
  grouping: RollupGrouping,
  findings: readonly {
    readonly kind: string
    readonly severity: FindingSeverity
    readonly bodyPath: string
  }[],
): CountRow[] {
  const counts = new Map<string, CountRow>()
  for (const finding of findings) {
    for (const g of groupsOfPath(grouping, finding.bodyPath)) {
      const key = `${g}|${finding.kind}|${finding.severity}`
      const row = counts.get(key)
      counts.set(key, { g, kind: finding.kind, severity: finding.severity, n: (row?.n ?? 0) + 1 })
    }
  }
  return [...counts.values()]
}

/** The kinds a report lists: the checks run, then any other kind found, in the catalogue's order. */
export function reportedKinds(checks: readonly AuditCheck[], rows: readonly CountRow[]): FindingKind[] {
  const kinds = checks.map((check) => check.kind)
  const found = new Set(rows.map((row) => row.kind))
  return [...kinds, ...FINDING_KINDS.filter((kind) => found.has(kind) && !kinds.includes(kind))]
}

const ZERO: SeverityCounts = { violation: 0, warning: 0, notice: 0, total: 0 }

/** Folds count rows (already picked for one group) into totals and per-kind counts. */
export function foldCounts(
  rows: readonly CountRow[],
  kinds: readonly FindingKind[],
  checks: readonly AuditCheck[] = AUDIT_CHECKS,
): FindingCounts {
  const byKind = new Map<string, { violation: number; warning: number; notice: number; total: number }>()
  const totals = { ...ZERO }
  for (const row of rows) {
    const entry = byKind.get(row.kind) ?? { ...ZERO }
    entry[row.severity] += row.n
    entry.total += row.n
    byKind.set(row.kind, entry)
    totals[row.severity] += row.n
    totals.total += row.n
  }
  return {
    totals,
    byKind: kinds.map((kind) => ({
      kind,
      title: checks.find((check) => check.kind === kind)?.title ?? checkOf(kind)?.title ?? kind,
      ...(byKind.get(kind) ?? ZERO),
    })),
  }
}
