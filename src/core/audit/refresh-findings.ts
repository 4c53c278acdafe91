import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import { inSubtree } from '../orgs/tree.ts'
import { type Clock, toIsoDate } from '../shared/clock.ts'
import type { AuditCheck, AuditScope } from './audit-check.ts'
import { AUDIT_CHECKS } from './checks.ts'
import { runAudit } from './run-audit.ts'

const INSERT_BATCH = 10_000

export interface RefreshResult {
  readonly asOf: string
  readonly findings: number
}

/**
 * Recomputes today's findings of some checks over a scope and stores them in place of the old
 * ones, in the caller's transaction: what the checks no longer find (a repaired violation) is
 * gone, what they find is written with its stable id. Findings outside the scope, or of other
 * checks, are not touched. Stored findings are a projection of the data and the log, so they
 * write no events of their own (ARCHITECTURE.md).
 */
export async function refreshFindings(
  db: Executor,
  clock: Clock,
  input: { readonly scope: AuditScope; readonly checks?: readonly AuditCheck[] },
): Promise<RefreshResult> {
  const checks = input.checks ?? AUDIT_CHECKS
  const asOf = toIsoDate(clock.now())
  const kinds = checks.map((check) => check.kind)
  if (kinds.length === 0) return { asOf, findings: 0 }
  // The checks are a few large joins each: at 2M members PostgreSQL's JIT compiled them for longer
  // than they ran (0.1–1.6 s per check measured), so it is off for this transaction.
  await sql`set local jit = off`.execute(db)
  const run = await runAudit(db, { asOf, scope: input.scope, checks })
  let remove = db.deleteFrom('audit_findings').where('kind', 'in', kinds)
  if (input.scope.kind === 'subtree') remove = remove.where(inSubtree('body_path', input.scope.path))
  if (input.scope.kind === 'bodies')
    remove = remove.where(sql<boolean>`body_id = any(${input.scope.bodyIds.map(Number)}::bigint[])`)
  await remove.execute()
  const checkedAt = clock.now()
  for (let start = 0; start < run.findings.length; start += INSERT_BATCH) {
    const batch = run.findings.slice(start, start + INSERT_BATCH)
    const column = <T>(pick: (finding: (typeof batch)[number]) => T): T[] => batch.map(pick)
    // One statement per batch, its columns passed as arrays and unnested: a full run stores tens of
    // thousands of findings, and a multi-row VALUES list costs a parameter per cell.
    await sql`
      insert into audit_findings (id, kind, rule_id, body_id, body_path, region_id, subject_kind,
        subject_id, severity, since, evidence, message, checked_at)
      select f.id, f.kind, f.rule_id, f.body_id, f.body_path, f.region_id, f.subject_kind,
        f.subject_id, f.severity, f.since, f.evidence::bigint[], f.message, ${checkedAt}
      from unnest(
        ${column((f) => f.id)}::text[], ${column((f) => f.kind)}::text[], ${column((f) => f.rule)}::text[],
        ${column((f) => f.bodyId)}::bigint[], ${column((f) => f.bodyPath)}::text[],
        ${column((f) => f.regionId)}::bigint[], ${column((f) => f.subject.kind)}::text[],
        ${column((f) => f.subject.id)}::bigint[], ${column((f) => f.severity)}::text[],
        ${column((f) => f.since)}::date[], ${column((f) => `{${f.evidence.join(',')}}`)}::text[],
        ${column((f) => f.message)}::text[]
      ) as f(id, kind, rule_id, body_id, body_path, region_id, subject_kind, subject_id, severity,
        since, evidence, message)
      -- A subject whose body changed since the last run (a unit moved within its region) may still
      -- have its old row outside this scope: the new finding takes its place. A move between
      -- regions triggers a full run, which deletes every old row first.
      on conflict (region_id, id) do update set rule_id = excluded.rule_id, body_id = excluded.body_id,
        body_path = excluded.body_path, severity = excluded.severity,
        since = excluded.since, evidence = excluded.evidence, message = excluded.message,
        checked_at = excluded.checked_at`.execute(db)
  }
  return { asOf, findings: run.findings.length }
}
