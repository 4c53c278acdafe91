/** Response shapes of the audit routes (src/api/audit-schemas.ts), as the web app reads them. */

export type Severity = 'violation' | 'warning' | 'notice'

/** Gravest first, the order the API lists findings in. */
export const SEVERITIES: readonly Severity[] = ['violation', 'warning', 'notice']

/** Every finding kind the audit names (src/core/audit/finding.ts; audit-format.test.ts keeps them equal). */
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

export interface SeverityCounts {
  readonly violation: number
  readonly warning: number
  readonly notice: number
  readonly total: number
}

/** One audited kind's counts, with the check's heading ("Appointed instead of elected"). */
export interface KindCounts extends SeverityCounts {
  readonly kind: FindingKind
  readonly title: string
}

/** One elective post's mandates held on the date, summed over the subtree. */
export interface PostRatio {
  readonly post: string
  readonly title: string
  readonly level: string
  readonly elected: number
  readonly appointed: number
  readonly total: number
  /** 0–1; null when nobody holds the post. */
  readonly share: number | null
}

export interface ElectedPosts {
  readonly elected: number
  readonly appointed: number
  readonly total: number
  readonly share: number | null
  readonly posts: readonly PostRatio[]
}

/** Decisions on major questions in the 365 days up to the date, by how they were reached. */
export interface DiscussedDecisions {
  readonly from: string
  readonly to: string
  readonly total: number
  readonly afterDiscussion: number
  readonly byException: number
  readonly urgent: number
  readonly confidential: number
  readonly withoutDiscussion: number
  readonly share: number | null
}

/** Worker applications decided in the 365 days up to the date. */
export interface WorkerAdmission {
  readonly from: string
  readonly to: string
  readonly decided: number
  readonly medianDays: number | null
}

/** A measure whose capability has not landed: why it is not measured. */
export interface NotMeasured {
  readonly value: null
  readonly notMeasured: string
}

export interface MeasuredRatios {
  readonly electedPosts: ElectedPosts
  readonly discussedDecisions: DiscussedDecisions
  readonly workerAdmission: WorkerAdmission
}

export interface AuditBody {
  readonly id: number
  readonly name: string
  readonly level: string
  readonly kind: string | null
}

/** One direct child, side by side with its siblings. */
export interface ChildAudit {
  readonly body: AuditBody
  readonly totals: SeverityCounts
  readonly byKind: readonly KindCounts[]
  readonly ratios: MeasuredRatios
}

/** GET /bodies/:id/audit?asOf= (or ?latest=true). */
export interface AuditSummary {
  readonly asOf: string
  /**
   * Stored by the follower (today, after its daily run) or computed live for the date; with
   * latest=true also the newest daily snapshot, or none when the audit has not run yet.
   */
  readonly source: 'stored' | 'live' | 'snapshot' | 'none'
  readonly body: AuditBody & { readonly path: string }
  /** The charter version in force on the date; null before any was adopted. */
  readonly charter: {
    readonly versionId: number
    readonly name: string
    readonly effectiveFrom: string
  } | null
  readonly totals: SeverityCounts
  readonly byKind: readonly KindCounts[]
  readonly ratios: MeasuredRatios & {
    readonly reportPunctuality: NotMeasured
    readonly conferenceRegularity: NotMeasured
  }
  readonly children: readonly ChildAudit[]
  /** Kinds not audited yet, and the capability each waits for. */
  readonly absent: readonly { readonly kind: FindingKind; readonly waitsFor: string }[]
}

/** One departure from a rule. Messages name bodies, posts and dates: never a member or a question's words. */
export interface Finding {
  /** `<kind>:<subject kind>:<subject id>`, stable across runs. */
  readonly id: string
  readonly kind: FindingKind
  /** The charter rule departed from. */
  readonly rule: string
  readonly severity: Severity
  readonly since: string
  readonly bodyId: number
  readonly bodyName: string
  readonly bodyPath: string
  readonly regionId: number
  /** mandate, question, decision, task, body, member, … */
  readonly subject: { readonly kind: string; readonly id: number }
  /** Event ids, oldest first. */
  readonly evidence: readonly number[]
  readonly message: string
}

/** GET /bodies/:id/audit/findings: gravest first. */
export interface FindingsPage {
  readonly asOf: string
  readonly source: 'stored' | 'live'
  readonly items: readonly Finding[]
  readonly nextCursor: string | null
}

/** One daily snapshot of a body's roll-up. */
export interface TrendPoint {
  readonly onDate: string
  readonly asOf: string
  readonly totals: SeverityCounts
  readonly byKind: readonly KindCounts[]
  readonly ratios: MeasuredRatios
}

/** GET /bodies/:id/audit/trend: oldest first; bodies with children only. */
export interface AuditTrend {
  readonly bodyId: number
  readonly from: string
  readonly to: string
  readonly points: readonly TrendPoint[]
}
