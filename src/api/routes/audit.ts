import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { auditReport } from '../../core/audit/audit-report.ts'
import { auditDate } from '../../core/audit/audit-source.ts'
import { findingsCsv } from '../../core/audit/export-findings.ts'
import { FINDING_KINDS, SEVERITIES } from '../../core/audit/finding.ts'
import { listAuditTrend } from '../../core/audit/list-audit-trend.ts'
import { findingsOfScope, listFindings, MAX_FINDINGS_PAGE } from '../../core/audit/list-findings.ts'
import { summariseAudit } from '../../core/audit/summarise-audit.ts'
import { isoDateSchema } from '../../core/members/schemas.ts'
import { daysAfter, toIsoDate } from '../../core/shared/clock.ts'
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

const read =
  'Whoever may read the body (audit.read: members whose unit lies within it, officers and auditors over ' +
  'it). Findings name bodies, rules, dates and event ids: never a member, never a question’s words.'
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
  description: `${read} Stored findings when current (today, after the follower’s daily run), else computed live.`,
  security: [{ session: [] }],
  request: { params: IdParams, query: z.object({ asOf }) },
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
    query: z.object({
      asOf,
      ...filters,
      limit: z.coerce.number().int().min(1).max(MAX_FINDINGS_PAGE).default(100),
      after: z.string().max(400).optional().openapi({ description: 'nextCursor of the previous page' }),
    }),
  },
  responses: { 200: jsonContent(FindingsPageSchema, 'A page'), ...errors(400, 401, 403, 404) },
})

const csvRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit/findings.csv',
  summary: 'Every finding of a subtree as of a date, as CSV',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams, query: z.object({ asOf, ...filters }) },
  responses: {
    200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } },
    ...errors(400, 401, 403, 404),
  },
})

const trendRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit/trend',
  summary: 'A body’s daily audit snapshots between two dates (bodies with children only)',
  description: read,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      from: isoDateSchema.optional().openapi({ description: 'Default: 364 days before `to`' }),
      to: isoDateSchema.optional().openapi({ description: 'Default: today' }),
    }),
  },
  responses: { 200: jsonContent(AuditTrendSchema, 'The trend'), ...errors(400, 401, 403, 404) },
})

const reportRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/audit/report',
  summary: 'The audit report as a printable HTML page: summary, charts, the year’s trend and every finding',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams, query: z.object({ asOf }) },
  responses: { 200: html('A standalone HTML page'), ...errors(400, 401, 403, 404) },
})

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(summaryRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseBody(c, id, 'audit.read')
    const { database, clock } = c.var.deps
    return c.json(
      presentSummary(await summariseAudit(database.db, clock, { bodyId: id, asOf: query.asOf ?? null })),
      200,
    )
  })

  app.openapi(findingsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseBody(c, id, 'audit.read')
    const { database, clock } = c.var.deps
    const page = await listFindings(database.db, clock, {
      bodyId: id,
      asOf: query.asOf ?? null,
      kind: query.kind ?? null,
      severity: query.severity ?? null,
      limit: query.limit,
      after: query.after ?? null,
    })
    return c.json({ ...page, items: page.items.map(presentFinding) }, 200)
  })

  app.openapi(csvRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseBody(c, id, 'audit.read')
    const { database, clock } = c.var.deps
    const scope = await findingsOfScope(database.db, clock, {
      bodyId: id,
      asOf: query.asOf ?? null,
      kind: query.kind ?? null,
      severity: query.severity ?? null,
    })
    return csvDownload(c, findingsCsv(scope.findings), `audit-findings-${id}-${scope.asOf}.csv`)
  })

  app.openapi(trendRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseBody(c, id, 'audit.read')
    const { database, clock } = c.var.deps
    const to = query.to ?? toIsoDate(clock.now())
    const trend = await listAuditTrend(database.db, {
      bodyId: id,
      from: query.from ?? daysAfter(to, -364),
      to,
    })
    return c.json(presentTrend(trend), 200)
  })

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseBody(c, id, 'audit.read')
    const { database, clock } = c.var.deps
    const date = auditDate(clock, query.asOf ?? null)
    const report = await auditReport(database.db, clock, { bodyId: id, asOf: date })
    const trend = await listAuditTrend(database.db, { bodyId: id, from: daysAfter(date, -364), to: date })
    return c.html(renderAuditReportHtml(report, trend), 200)
  })
}
