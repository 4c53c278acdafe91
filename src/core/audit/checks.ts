import type { AuditCheck } from './audit-check.ts'
import { admissionPendingTooLongCheck } from './checks/admission-pending-too-long.ts'
import { confidentialUndeclassifiedCheck } from './checks/confidential-undeclassified.ts'
import { decisionWithoutDiscussionCheck } from './checks/decision-without-discussion.ts'
import { discussionOverrunCheck } from './checks/discussion-overrun.ts'
import { discussionTooShortCheck } from './checks/discussion-too-short.ts'
import { electionOverdueCheck } from './checks/election-overdue.ts'
import { postAppointedCheck } from './checks/post-appointed.ts'
import { postStandingCheck } from './checks/post-standing.ts'
import { taskOverdueCheck } from './checks/task-overdue.ts'
import { unitInactiveCheck } from './checks/unit-inactive.ts'
import { urgentUnratifiedCheck } from './checks/urgent-unratified.ts'
import type { FindingKind } from './finding.ts'

/**
 * Every audit check, in report order. A check exists only once its capability has landed: a kind
 * with nothing to read is listed in ABSENT_CHECKS with the capability it waits for, never faked.
 */
export const AUDIT_CHECKS: readonly AuditCheck[] = [
  postAppointedCheck,
  postStandingCheck,
  electionOverdueCheck,
  decisionWithoutDiscussionCheck,
  discussionOverrunCheck,
  discussionTooShortCheck,
  urgentUnratifiedCheck,
  confidentialUndeclassifiedCheck,
  taskOverdueCheck,
  unitInactiveCheck,
  admissionPendingTooLongCheck,
]

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
