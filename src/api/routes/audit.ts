import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { auditReport } from '../../core/audit/audit-report.ts'
import { auditDate } from '../../core/audit/audit-source.ts'
import { findingsCsv } from '../../core/audit/export-findings.ts'
import { FINDING_KINDS, SEVERITIES } from '../../core/audit/finding.ts'
import { listAuditTrend } from '../../core/audit/list-audit-trend.ts'
import { findingsOfScope, listFindings, MAX_FINDINGS_PAGE } from '../../core/audit/list-findings.ts'
import { summariseAudit, summariseLatest } from '../../core/audit/summarise-audit.ts'
import { isoDateSchema } from '../../core/members/schemas.ts'
import { grantPathsFor } from '../../core/policy/policy.ts'
import { invalidInput } from '../../core/shared/errors.ts'
import { renderAuditReportHtml } from '../audit-report-html.ts'
import {
  AuditSummarySchema,
  AuditTrendSchema,
  FindingsPageSchema,
  presentFinding,
  presentSummary,
  presentTrend,
} from '../audit-schemas.ts'
import { authoriseBody } from '../auth.ts'
import { csvDownload } from '../csv-response.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonContent } from '../schemas.ts'

// SECURITY: the audit is open to every signed-in account for every body (audit.read, policy.ts):
// findings name bodies, rules, dates and event ids, never a member's name or a question's words,
// and a confidential question's findings say only that it is confidential. The exception is a
// finding about a member (a pending application): it is listed only to readers who may read
// that member's records, and merely counted for the others (memberSubjectsUnder below).
const read =
  'Any signed-in account, for every body (audit.read). Findings name bodies, rules, dates and event ids: never ' +
  'a member, never a question’s words. Findings about a member (a pending application) are listed only to ' +
  'those who may read the records of that member’s unit (members.read); the others see them counted only.'
const asOf = isoDateSchema.optional().openapi({
  description: 'The audit’s date (data as it stood at the end of it); default today, never later',
})
const filters = {
  kind: z.enum(FINDING_KINDS).optional(),
  severity: z.enum(SEVERITIES as ['violation', 'warning', 'notice']).optional(),
}
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } })

const summaryRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit',
  summary:
    'The audit of a body’s subtree: findings by kind and severity, the headline ratios, each child side by side',
  description:
    `${read} Stored findings when current (today, after the follower’s daily run), else computed live. ` +
    'With latest=true the checks never run: the stored findings as of the follower’s last full run (its ' +
    'date is asOf), else the body’s newest daily snapshot (source "snapshot", no children), else nothing ' +
    '(source "none"). latest=true takes no asOf.',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z
      .object({
        asOf,
        latest: z
          .enum(['true', 'false'])
          .optional()
          .openapi({ description: 'Read what the audit holds, never run the checks (the body page’s card)' }),
      })
      .strict(),
  },
  responses: { 200: jsonContent(AuditSummarySchema, 'The summary'), ...errors(400, 401, 403, 404) },
})

const findingsRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit/findings',
  summary: 'A subtree’s findings as of a date, gravest first, one page at a time',
  description: read,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z
      .object({
        asOf,
        ...filters,
        limit: z.coerce.number().int().min(1).max(MAX_FINDINGS_PAGE).default(100),
        after: z.string().max(400).optional().openapi({ description: 'nextCursor of the previous page' }),
      })
      .strict(),
  },
  responses: { 200: jsonContent(FindingsPageSchema, 'A page'), ...errors(400, 401, 403, 404) },
})

const csvRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit/findings.csv',
  summary: 'Every finding of a subtree as of a date, as CSV',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams, query: z.object({ asOf, ...filters }).strict() },
  responses: {
    200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } },
    ...errors(400, 401, 403, 404),
  },
})

const trendRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit/trend',
  summary: 'A body’s daily audit snapshots between two dates (bodies with children only)',
  description: `${read} Both dates are checked as asOf is (never after today), at most about three years apart.`,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z
      .object({
        from: isoDateSchema.optional().openapi({ description: 'Default: 364 days before `to`' }),
        to: isoDateSchema.optional().openapi({ description: 'Default: today' }),
      })
      .strict(),
  },
  responses: { 200: jsonContent(AuditTrendSchema, 'The trend'), ...errors(400, 401, 403, 404) },
})

const reportRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit/report',
  summary: 'The audit report as a printable HTML page: summary, charts, the year’s trend and every finding',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams, query: z.object({ asOf }).strict() },
  responses: { 200: html('A standalone HTML page'), ...errors(400, 401, 403, 404) },
})

/**
 * Authorises audit.read and says where this reader may see findings about members: under the
 * grants that may members.read (the same rule as the member routes).
 */
async function authoriseAudit(c: Context<AppEnv>, id: number): Promise<readonly string[]> {
  const { principal } = await authoriseBody(c, id, 'audit.read')
  return grantPathsFor(principal, 'members.read')
}

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(summaryRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    if (query.latest === 'true' && query.asOf !== undefined) {
      const message = 'latest=true reads what the audit holds; it takes no asOf'
      throw invalidInput(message, [{ path: 'asOf', message }])
    }
    await authoriseAudit(c, id)
    const { database, clock } = c.var.deps
    const summary =
      query.latest === 'true'
        ? await summariseLatest(database.db, clock, { bodyId: id })
        : await summariseAudit(database.db, clock, { bodyId: id, asOf: query.asOf ?? null })
    return c.json(presentSummary(summary), 200)
  })

  app.openapi(findingsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const memberSubjectsUnder = await authoriseAudit(c, id)
    const { database, clock } = c.var.deps
    const page = await listFindings(database.db, clock, {
      bodyId: id,
      asOf: query.asOf ?? null,
      kind: query.kind ?? null,
      severity: query.severity ?? null,
      limit: query.limit,
      after: query.after ?? null,
      memberSubjectsUnder,
    })
    return c.json({ ...page, items: page.items.map(presentFinding) }, 200)
  })

  app.openapi(csvRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const memberSubjectsUnder = await authoriseAudit(c, id)
    const { database, clock } = c.var.deps
    const scope = await findingsOfScope(database.db, clock, {
      bodyId: id,
      asOf: query.asOf ?? null,
      kind: query.kind ?? null,
      severity: query.severity ?? null,
      memberSubjectsUnder,
    })
    return csvDownload(c, findingsCsv(scope.findings), `audit-findings-${id}-${scope.asOf}.csv`)
  })

  app.openapi(trendRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseAudit(c, id)
    const { database, clock } = c.var.deps
    const trend = await listAuditTrend(database.db, clock, {
      bodyId: id,
      from: query.from ?? null,
      to: query.to ?? null,
    })
    return c.json(presentTrend(trend), 200)
  })

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const memberSubjectsUnder = await authoriseAudit(c, id)
    const { database, clock } = c.var.deps
    const date = auditDate(clock, query.asOf ?? null)
    const report = await auditReport(database.db, clock, { bodyId: id, asOf: date, memberSubjectsUnder })
    const trend = await listAuditTrend(database.db, clock, { bodyId: id, to: date })
    return c.html(renderAuditReportHtml(report, trend), 200)
  })
}
