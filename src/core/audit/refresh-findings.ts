import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import { type Clock, toIsoDate } from '../shared/clock.ts'
import type { AuditCheck, AuditScope } from './audit-check.ts'
import { AUDIT_CHECKS } from './checks.ts'
import { runAudit } from './run-audit.ts'

const INSERT_BATCH = 1_000

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
  // The checks are a few large joins each: at 2M members PostgreSQL's JIT compiled them for longer
  // than they ran (0.1–1.6 s per check measured), so it is off for this transaction.
  await sql`set local jit = off`.execute(db)
  const run = await runAudit(db, { asOf, scope: input.scope, checks })
  const kinds = checks.map((check) => check.kind)
  if (kinds.length === 0) return { asOf, findings: 0 }
  let remove = db.deleteFrom('audit_findings').where('kind', 'in', kinds)
  if (input.scope.kind === 'subtree')
    remove = remove.where(sql<boolean>`body_path collate "C" like ${`${input.scope.path}%`}`)
  if (input.scope.kind === 'bodies')
    remove = remove.where(sql<boolean>`body_id = any(${input.scope.bodyIds.map(Number)}::bigint[])`)
  await remove.execute()
  const checkedAt = clock.now()
  for (let start = 0; start < run.findings.length; start += INSERT_BATCH) {
    await db
      .insertInto('audit_findings')
      .values(
        run.findings.slice(start, start + INSERT_BATCH).map((finding) => ({
          id: finding.id,
          kind: finding.kind,
          rule_id: finding.rule,
          body_id: finding.bodyId,
          body_path: finding.bodyPath,
          region_id: finding.regionId,
          subject_kind: finding.subject.kind,
          subject_id: finding.subject.id,
          severity: finding.severity,
          since: finding.since,
          evidence: [...finding.evidence],
          message: finding.message,
          checked_at: checkedAt,
        })),
      )
      // A subject whose body changed since the last run (a moved unit) may still have its old row
      // outside this scope: the new finding takes its place.
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          rule_id: eb.ref('excluded.rule_id'),
          body_id: eb.ref('excluded.body_id'),
          body_path: eb.ref('excluded.body_path'),
          region_id: eb.ref('excluded.region_id'),
          severity: eb.ref('excluded.severity'),
          since: eb.ref('excluded.since'),
          evidence: eb.ref('excluded.evidence'),
          message: eb.ref('excluded.message'),
          checked_at: eb.ref('excluded.checked_at'),
        })),
      )
      .execute()
  }
  return { asOf, findings: run.findings.length }
}
