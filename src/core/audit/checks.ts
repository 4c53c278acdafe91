import type { AuditCheck } from './audit-check.ts'
import type { FindingKind } from './finding.ts'

/**
 * Every audit check, in report order. A check exists only once its capability has landed: a kind
 * with nothing to read is listed in ABSENT_CHECKS with the capability it waits for, never faked.
 */
export const AUDIT_CHECKS: readonly AuditCheck[] = []

/** Finding kinds with no check yet, and the capability each waits for (shown in every report). */
export const ABSENT_CHECKS: readonly { readonly kind: FindingKind; readonly waitsFor: string }[] = [
  { kind: 'report.overdue', waitsFor: 'information (scheduled reports)' },
  { kind: 'directive.unacknowledged', waitsFor: 'information (directives)' },
  { kind: 'conference.not-met', waitsFor: 'standing conferences' },
  { kind: 'conference.field-missing', waitsFor: 'standing conferences' },
  { kind: 'enterprise.report-missing', waitsFor: 'enterprises' },
  { kind: 'trust.conference-missing', waitsFor: 'enterprises' },
  { kind: 'slate.under-quota', waitsFor: 'public elections' },
  { kind: 'education.below-cadence', waitsFor: 'education and reach' },
]

/** The check of a kind, or undefined when it is absent. */
export function checkOf(kind: FindingKind): AuditCheck | undefined {
  return AUDIT_CHECKS.find((check) => check.kind === kind)
}
