import type { Executor } from '../../db/client.ts'
import type { Clock } from '../shared/clock.ts'
import type { AuditCheck } from './audit-check.ts'
import { AUDIT_CHECKS } from './checks.ts'
import type { Finding } from './finding.ts'
import { findingsOfScope, listable } from './list-findings.ts'
import { type AuditSummary, summariseFindings } from './summarise-audit.ts'

/** A body's whole audit as of a date: the summary (charter and absent checks in it) and every finding. */
export interface AuditReport {
  readonly asOf: string
  readonly charter: AuditSummary['charter']
  readonly summary: AuditSummary
  /** The findings listed to this reader (all but the withheld ones), in report order. */
  readonly findings: readonly Finding[]
  /** Findings about members counted in the summary but not listed to this reader. */
  readonly withheld: number
}

/**
 * Assembles a body's report from one source: the stored findings when current, else ONE live
 * run whose findings are both counted and listed (the summary does not run the checks again).
 * Every finding is counted; findings about members are listed only under `memberSubjectsUnder`
 * (see FindingsFilter; null or absent: all, as the operator sees them).
 */
export async function auditReport(
  db: Executor,
  clock: Clock,
  input: {
    readonly bodyId: number
    readonly asOf?: string | null
    readonly checks?: readonly AuditCheck[]
    readonly live?: boolean
    readonly memberSubjectsUnder?: readonly string[] | null
  },
): Promise<AuditReport> {
  const { memberSubjectsUnder, ...rest } = input
  const scope = await findingsOfScope(db, clock, rest)
  const summary = await summariseFindings(db, {
    body: scope.body,
    asOf: scope.asOf,
    checks: input.checks ?? AUDIT_CHECKS,
    findings: scope.source === 'live' ? scope.findings : null,
    storedKinds: input.checks ? input.checks.map((check) => check.kind) : null,
  })
  const findings = scope.findings.filter((finding) => listable(finding, memberSubjectsUnder))
  return {
    asOf: scope.asOf,
    charter: summary.charter,
    summary,
    findings,
    withheld: scope.findings.length - findings.length,
  }
}
