import { Readable } from 'node:stream'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { exportMembersCsv } from '../../core/members/export-members-csv.ts'
import { importMembersCsv } from '../../core/members/import-members-csv.ts'
import { AppError } from '../../core/shared/errors.ts'
import { actorOf, authoriseBody } from '../auth.ts'
import { csvDownload } from '../csv-response.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonContent } from '../schemas.ts'

const importRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/members/import',
  summary: 'Import members from CSV (header row; all rows or none)',
  description:
    'Admins and secretaries whose subtree holds the body; every row’s unit must lie inside it. Send ' +
    'text/csv, up to 256 MiB. Any bad row → 422 IMPORT_REJECTED listing every bad row; nothing is added.',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    201: jsonContent(
      z.object({
        count: z.number().int(),
        firstMemberId: z.number().int().nullable(),
        lastMemberId: z.number().int().nullable(),
        eventId: z.number().int(),
      }),
      'Imported',
    ),
    ...errors(400, 401, 403, 404, 413, 415, 422),
  },
})

const exportRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/members/export',
  summary: 'Export the members of a subtree as CSV (streamed; the export is logged as an event)',
  description: 'Admins and secretaries whose subtree holds the body.',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: {
    200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } },
    ...errors(400, 401, 403, 404),
  },
})

export function registerImportExportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(importRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { body } = await authoriseBody(c, id, 'members.import')
    const { database, clock } = c.var.deps
    const raw = c.req.raw.body
    if (!raw) throw new AppError('VALIDATION_FAILED', 'The CSV body is empty', { target: 'body' })
    const input = Readable.fromWeb(raw as Parameters<typeof Readable.fromWeb>[0])
    const result = await importMembersCsv(database, clock, actorOf(c.var.principal), {
      input,
      scope: { bodyId: body.id, path: body.path, regionId: body.region_id },
    })
    return c.json(result, 201)
  })

  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param')
    await authoriseBody(c, id, 'members.export')
    const { database, clock } = c.var.deps
    const chunks = exportMembersCsv(
      { db: database.db, clock, actor: actorOf(c.var.principal) },
      { scopeBodyId: id },
    )
    return csvDownload(c, chunks, `members-${id}.csv`)
  })
}
