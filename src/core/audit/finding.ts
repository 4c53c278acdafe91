import type { FindingSeverity } from '../../db/schema-audit.ts'

export type { FindingSeverity }

/** Gravest first: the order reports list severities in. */
export const SEVERITIES: readonly FindingSeverity[] = ['violation', 'warning', 'notice']

/**
 * Every kind of finding the issue names. A kind whose capability has not landed has no check
 * (see `checks.ts` and `ABSENT_CHECKS`); it is named here so reports can say it is not audited yet.
 */
export const FINDING_KINDS = [
  'post.appointed',
  'post.standing',
  'election.overdue',
  'decision.without-discussion',
  'discussion.overrun',
  'discussion.too-short',
  'urgent.unratified',
  'confidential.undeclassified',
  'task.overdue',
  'unit.inactive',
  'report.overdue',
  'directive.unacknowledged',
  'conference.not-met',
  'conference.field-missing',
  'enterprise.report-missing',
  'trust.conference-missing',
  'admission.pending-too-long',
  'slate.under-quota',
  'education.below-cadence',
] as const

export type FindingKind = (typeof FINDING_KINDS)[number]

/** What a finding is about: a mandate, a question, a decision, a task, a body, … */
export interface FindingSubject {
  readonly kind: string
  readonly id: number
}

/**
 * A check's finding before it is placed: the rule it departs from, where, about what, how grave,
 * since when, the events that show it, and a sentence a member understands. Messages carry no
 * member names and no words of questions (like events), so findings can be shown to every member:
 * the subject id links to the record, where the usual rules apply. The one exception is a finding
 * whose subject is a member (a pending application): it is listed only to readers who may read
 * that body's members, and counted for everyone else.
 */
export interface FindingDraft {
  readonly rule: string
  readonly bodyId: number
  readonly subject: FindingSubject
  readonly severity: FindingSeverity
  /** The date the departure began (YYYY-MM-DD). */
  readonly since: string
  /** Ids of the events that show it, oldest first; empty when the finding is an absence. */
  readonly evidence: readonly number[]
  readonly message: string
}

/** A finding as reported: its stable id, its kind and its body's place in the tree. */
export interface Finding extends FindingDraft {
  /** `<kind>:<subject kind>:<subject id>`: the same departure keeps its id across runs. */
  readonly id: string
  readonly kind: FindingKind
  readonly bodyName: string
  readonly bodyPath: string
  readonly regionId: number
}

/** The stable id of a finding. */
export function findingId(kind: FindingKind, subject: FindingSubject): string {
  return `${kind}:${subject.kind}:${subject.id}`
}

/** A finding's place in a report: its severity's rank (gravest 0), since, id. Cursors carry it. */
export type FindingKey = readonly [rank: number, since: string, id: string]

export function findingKey(finding: Pick<Finding, 'severity' | 'since' | 'id'>): FindingKey {
  return [SEVERITIES.indexOf(finding.severity), finding.since, finding.id]
}

/**
 * Orders report keys gravest first, then oldest, then by id in byte order: the order the stored
 * findings are listed in by SQL (`collate "C"`), so live and stored reports page alike.
 */
export function compareFindingKeys(a: FindingKey, b: FindingKey): number {
  const bytes = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return a[0] - b[0] || bytes(a[1], b[1]) || bytes(a[2], b[2])
}

/** Orders findings as a report lists them (see compareFindingKeys). */
export function compareFindings(a: Finding, b: Finding): number {
  return compareFindingKeys(findingKey(a), findingKey(b))
}
