import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import { type CharterVersion, findCharterInForce } from '../charter/charter-in-force.ts'
import type { AuditCheck, AuditScope } from './audit-check.ts'
import { auditDayEnd } from './audit-scope.ts'
import { AUDIT_CHECKS } from './checks.ts'
import { compareFindings, type Finding, findingId } from './finding.ts'

export interface AuditRunInput {
  /** The audit's date, YYYY-MM-DD: the data as it stood at the end of that day, the rules then in force. */
  readonly asOf: string
  readonly scope: AuditScope
  /** The checks to run (default: all). */
  readonly checks?: readonly AuditCheck[]
}

export interface AuditRun {
  readonly asOf: string
  /** The charter version whose rules were applied; null when none was in force (nothing to check). */
  readonly charter: Pick<CharterVersion, 'versionId' | 'name' | 'effectiveFrom'> | null
  readonly findings: readonly Finding[]
}

/** How a report names the charter version it applied. */
export function charterReference(version: CharterVersion): NonNullable<AuditRun['charter']> {
  return { versionId: version.versionId, name: version.name, effectiveFrom: version.effectiveFrom }
}

/**
 * Runs the checks over the data as of a date, with the rules then in force, and returns the
 * findings (nothing is stored: `refreshFindings` stores a run). Past dates work because the checks
 * read dated rows (a mandate's start and end, a decision's date, a member's status history) rather
 * than current state. What is not dated is read as it is now: a body's place in the tree and its
 * name, a member's unit and social category, the date a member became full (a suspension between
 * then and the audit's date is not seen).
 */
export async function runAudit(db: Executor, input: AuditRunInput): Promise<AuditRun> {
  const version = await findCharterInForce(db, input.asOf)
  if (!version) return { asOf: input.asOf, charter: null, findings: [] }
  const checkInput = {
    asOf: input.asOf,
    asOfEnd: auditDayEnd(input.asOf),
    charter: version,
    scope: input.scope,
  }
  const drafts = []
  for (const check of input.checks ?? AUDIT_CHECKS) {
    for (const draft of await check.find(db, checkInput)) drafts.push({ kind: check.kind, draft })
  }
  const bodyIds = [...new Set(drafts.map(({ draft }) => draft.bodyId))]
  const bodies = new Map(
    bodyIds.length === 0
      ? []
      : (
          await db
            .selectFrom('bodies')
            .select(['id', 'name', 'path', 'region_id'])
            .where(sql<boolean>`id = any(${bodyIds}::bigint[])`)
            .execute()
        ).map((body) => [body.id, body]),
  )
  const findings = drafts.map(({ kind, draft }): Finding => {
    const body = bodies.get(draft.bodyId)
    if (!body) throw new Error(`check ${kind} named body ${draft.bodyId}, which does not exist`)
    return {
      ...draft,
      id: findingId(kind, draft.subject),
      kind,
      bodyName: body.name,
      bodyPath: body.path,
      regionId: body.region_id ?? body.id,
    }
  })
  return {
    asOf: input.asOf,
    charter: charterReference(version),
    findings: findings.sort(compareFindings),
  }
}
