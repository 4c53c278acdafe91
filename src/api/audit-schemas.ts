import { z } from '@hono/zod-openapi'
import type { MeasuredRatios } from '../core/audit/audit-ratios.ts'
import type { FindingCounts } from '../core/audit/audit-rollup.ts'
import { FINDING_KINDS, type Finding, SEVERITIES } from '../core/audit/finding.ts'
import type { AuditTrend } from '../core/audit/list-audit-trend.ts'
import type { AuditSummary } from '../core/audit/summarise-audit.ts'

const int = z.number().int()
const date = z.string().openapi({ example: '1923-12-02' })
const severity = z.enum(SEVERITIES as ['violation', 'warning', 'notice'])
const kind = z.enum(FINDING_KINDS)
const fraction = z
  .number()
  .nullable()
  .openapi({ description: 'A share from 0 to 1 (4 decimals); null when nothing to divide' })

const SeverityCountsSchema = z
  .object({ violation: int, warning: int, notice: int, total: int })
  .openapi('AuditSeverityCounts')
const KindCountsSchema = SeverityCountsSchema.extend({ kind, title: z.string() }).openapi('AuditKindCounts')

const ElectedPostsSchema = z
  .object({
    elected: int,
    appointed: int,
    total: int,
    share: fraction,
    posts: z.array(
      z.object({
        post: z.string(),
        title: z.string(),
        level: z.string(),
        elected: int,
        appointed: int,
        total: int,
        share: fraction,
      }),
    ),
  })
  .openapi('AuditElectedPosts', {
    description: 'Mandates held on the date on posts the charter makes elective: by election or appointment',
  })
const DiscussedDecisionsSchema = z
  .object({
    from: date,
    to: date,
    total: int,
    afterDiscussion: int,
    byException: int,
    urgent: int,
    confidential: int,
    withoutDiscussion: int,
    share: fraction,
  })
  .openapi('AuditDiscussedDecisions', {
    description: 'Decisions on major questions in the 365 days up to the date',
  })
const AdmissionSchema = z
  .object({ from: date, to: date, decided: int, medianDays: z.number().nullable() })
  .openapi('AuditWorkerAdmission', {
    description: 'Worker applications decided (applicant → candidate) in the 365 days up to the date',
  })
const NotMeasuredSchema = z.object({ value: z.null(), notMeasured: z.string() }).openapi('AuditNotMeasured')
const MeasuredSchema = z.object({
  electedPosts: ElectedPostsSchema,
  discussedDecisions: DiscussedDecisionsSchema,
  workerAdmission: AdmissionSchema,
})
const bodyRef = z.object({ id: int, name: z.string(), level: z.string(), kind: z.string().nullable() })

export const AuditSummarySchema = z
  .object({
    asOf: date,
    source: z.enum(['stored', 'live', 'snapshot', 'none']).openapi({
      description:
        'stored: the follower’s findings; live: the checks run for this date; snapshot: the newest daily ' +
        'snapshot (latest=true only; no children); none: the audit has not run yet (latest=true only)',
    }),
    body: bodyRef.extend({ path: z.string() }),
    charter: z.object({ versionId: int, name: z.string(), effectiveFrom: date }).nullable(),
    totals: SeverityCountsSchema,
    byKind: z.array(KindCountsSchema),
    ratios: MeasuredSchema.extend({
      reportPunctuality: NotMeasuredSchema,
      conferenceRegularity: NotMeasuredSchema,
    }),
    children: z.array(
      z.object({
        body: bodyRef,
        totals: SeverityCountsSchema,
        byKind: z.array(KindCountsSchema),
        ratios: MeasuredSchema,
      }),
    ),
    absent: z.array(z.object({ kind, waitsFor: z.string() })),
  })
  .openapi('AuditSummary')

export const FindingSchema = z
  .object({
    id: z.string().openapi({ example: 'post.appointed:mandate:12' }),
    kind,
    rule: z.string().openapi({ description: 'The charter rule departed from' }),
    severity,
    since: date,
    bodyId: int,
    bodyName: z.string(),
    bodyPath: z.string(),
    regionId: int,
    subject: z.object({ kind: z.string(), id: int }),
    evidence: z.array(int).openapi({ description: 'Event ids, oldest first' }),
    message: z.string(),
  })
  .openapi('AuditFinding')

export const FindingsPageSchema = z
  .object({
    asOf: date,
    source: z.enum(['stored', 'live']),
    items: z.array(FindingSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('AuditFindingsPage')

export const AuditTrendSchema = z
  .object({
    bodyId: int,
    from: date,
    to: date,
    points: z.array(
      z.object({
        onDate: date,
        asOf: date,
        totals: SeverityCountsSchema,
        byKind: z.array(KindCountsSchema),
        ratios: MeasuredSchema,
      }),
    ),
  })
  .openapi('AuditTrend')

type Measured = z.infer<typeof MeasuredSchema>
type Counts = { totals: z.infer<typeof SeverityCountsSchema>; byKind: z.infer<typeof KindCountsSchema>[] }

function presentCounts(counts: FindingCounts): Counts {
  return { totals: { ...counts.totals }, byKind: counts.byKind.map((entry) => ({ ...entry })) }
}

function presentRatios(ratios: MeasuredRatios): Measured {
  return {
    electedPosts: { ...ratios.electedPosts, posts: ratios.electedPosts.posts.map((post) => ({ ...post })) },
    discussedDecisions: { ...ratios.discussedDecisions },
    workerAdmission: { ...ratios.workerAdmission },
  }
}

/** A summary as the API shows it (the core's shape, copied into plain arrays). */
export function presentSummary(summary: AuditSummary): z.infer<typeof AuditSummarySchema> {
  return {
    asOf: summary.asOf,
    source: summary.source,
    body: { ...summary.body },
    charter: summary.charter ? { ...summary.charter } : null,
    ...presentCounts(summary),
    ratios: {
      ...presentRatios(summary.ratios),
      reportPunctuality: { ...summary.ratios.reportPunctuality },
      conferenceRegularity: { ...summary.ratios.conferenceRegularity },
    },
    children: summary.children.map((child) => ({
      body: { ...child.body },
      ...presentCounts(child),
      ratios: presentRatios(child.ratios),
    })),
    absent: summary.absent.map((entry) => ({ ...entry })),
  }
}

/** A finding as the API shows it. */
export function presentFinding(finding: Finding): z.infer<typeof FindingSchema> {
  return {
    id: finding.id,
    kind: finding.kind,
    rule: finding.rule,
    severity: finding.severity,
    since: finding.since,
    bodyId: finding.bodyId,
    bodyName: finding.bodyName,
    bodyPath: finding.bodyPath,
    regionId: finding.regionId,
    subject: { kind: finding.subject.kind, id: finding.subject.id },
    evidence: [...finding.evidence],
    message: finding.message,
  }
}

/** A trend as the API shows it. */
export function presentTrend(trend: AuditTrend): z.infer<typeof AuditTrendSchema> {
  return {
    bodyId: trend.bodyId,
    from: trend.from,
    to: trend.to,
    points: trend.points.map((point) => ({
      onDate: point.onDate,
      asOf: point.asOf,
      ...presentCounts(point),
      ratios: presentRatios(point.ratios),
    })),
  }
}
