import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { adoptCharter } from '../../core/charter/adopt-charter.ts'
import { charterInForce } from '../../core/charter/charter-in-force.ts'
import { charterJsonSchema } from '../../core/charter/charter-json-schema.ts'
import { RULE_FAMILIES } from '../../core/charter/document-schema.ts'
import { type CharterVersionDetail, getCharterVersion } from '../../core/charter/get-charter-version.ts'
import { listCharterVersions } from '../../core/charter/list-charter-versions.ts'
import { presentCharterVersion } from '../../core/charter/rule-summary.ts'
import { validateCharterSource } from '../../core/charter/validate-charter-document.ts'
import { can } from '../../core/policy/policy.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { AppError } from '../../core/shared/errors.ts'
import { authoriseBody, inTransaction, requirePrincipal } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, idSchema, jsonBody, jsonContent } from '../schemas.ts'

/** A charter file is small (the default is about 20 kB); this leaves room and bounds the parser. */
const MAX_SOURCE = 512 * 1024
const isoDate = z.iso.date().openapi({ example: '1923-04-25' })

const IssueSchema = z
  .object({
    path: z
      .string()
      .openapi({ example: 'rules.posts.2.level', description: 'Empty for a YAML syntax error' }),
    line: z.number().int(),
    column: z.number().int(),
    message: z.string(),
  })
  .openapi('CharterIssue')

const DecisionSchema = z
  .object({
    kind: z.enum(['congress', 'conference', 'committee']),
    title: z.string().trim().min(1).max(200).openapi({ example: 'Twelfth Congress' }),
    decidedOn: isoDate,
    bodyId: z.number().int().openapi({ description: 'The deciding body (the root unless named)' }),
  })
  .openapi('CharterDecision')

const PermissionsSchema = z.object({ canAdopt: z.boolean() })

const VersionSchema = z
  .object({
    versionId: z.number().int(),
    name: z.string(),
    effectiveFrom: isoDate,
    decision: DecisionSchema,
    levels: z.array(z.string()),
    families: z.array(
      z.object({
        family: z.enum(RULE_FAMILIES as [string, ...string[]]),
        rules: z.array(z.object({ id: z.string(), text: z.string() })),
      }),
    ),
    ruleCount: z.number().int(),
    document: z
      .unknown()
      .openapi({ description: 'The validated document, defaults filled in (see /api/charter/schema.json)' }),
  })
  .openapi('CharterVersion')

const InForceSchema = VersionSchema.extend({ date: isoDate, permissions: PermissionsSchema }).openapi(
  'CharterInForce',
)

const VersionDetailSchema = VersionSchema.extend({
  source: z.string().openapi({ description: 'The file as adopted, comments included' }),
  sourceSha256: z.string(),
  adoptedAt: z.string(),
}).openapi('CharterVersionDetail')

const VersionListSchema = z
  .object({
    today: isoDate,
    items: z.array(
      z.object({
        versionId: z.number().int(),
        name: z.string(),
        effectiveFrom: isoDate,
        decision: DecisionSchema,
        adoptedAt: z.string(),
        sourceSha256: z.string(),
        ruleCount: z.number().int(),
        status: z.enum(['scheduled', 'in-force', 'superseded']),
      }),
    ),
    permissions: PermissionsSchema,
  })
  .openapi('CharterVersionList')

const sourceField = z
  .string()
  .min(1)
  .max(MAX_SOURCE)
  .openapi({ description: 'The charter as YAML or JSON text' })
const AdoptSchema = z.object({
  source: sourceField,
  decision: DecisionSchema.extend({ bodyId: idSchema.optional() }),
  effectiveFrom: isoDate,
})

const signedIn = 'Any signed-in account.'
const session = { security: [{ session: [] }] }

const inForceRoute = createRoute({
  ...session,
  method: 'get',
  path: '/api/charter',
  summary: 'The charter version in force on a date (today by default), with its rules by family',
  description: `${signedIn} 409 CHARTER_NOT_ADOPTED when no version had taken effect by then.`,
  request: { query: z.object({ date: isoDate.optional() }) },
  responses: { 200: jsonContent(InForceSchema, 'The version in force'), ...errors(400, 401, 409) },
})

const listRoute = createRoute({
  ...session,
  method: 'get',
  path: '/api/charter/versions',
  summary: 'Every adopted version, newest effective date first, marked scheduled, in force or superseded',
  description: signedIn,
  responses: { 200: jsonContent(VersionListSchema, 'The versions'), ...errors(401) },
})

const detailRoute = createRoute({
  ...session,
  method: 'get',
  path: '/api/charter/versions/{id}',
  summary: 'One version with its rules and the file as adopted',
  description: signedIn,
  request: { params: IdParams },
  responses: { 200: jsonContent(VersionDetailSchema, 'The version'), ...errors(400, 401, 404) },
})

const adoptRoute = createRoute({
  ...session,
  method: 'post',
  path: '/api/charter/versions',
  summary: 'Adopt a new version by a recorded decision, in force from a date',
  description:
    'Admins whose grant is on the root body. 422 CHARTER_INVALID lists every problem with its path, line and ' +
    'column (nothing is written); 422 LEVEL_MISMATCH when its levels are not the organisation’s; 409 DUPLICATE ' +
    'when another version takes effect the same day.',
  request: { body: jsonBody(AdoptSchema) },
  responses: {
    201: jsonContent(VersionDetailSchema, 'Adopted'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
})

const validateRoute = createRoute({
  ...session,
  method: 'post',
  path: '/api/charter/validate',
  summary: 'Check a charter document without adopting it: every problem with its path, line and column',
  description: `${signedIn} For editors; nothing is written.`,
  request: { body: jsonBody(z.object({ source: z.string().max(MAX_SOURCE) })) },
  responses: {
    200: jsonContent(z.object({ ok: z.boolean(), issues: z.array(IssueSchema) }), 'The verdict'),
    ...errors(400, 401, 415),
  },
})

const schemaRoute = createRoute({
  method: 'get',
  path: '/api/charter/schema.json',
  summary: 'The JSON Schema of a charter document, for editors’ completion',
  description: 'Public: it describes the format, not any organisation’s data.',
  responses: { 200: jsonContent(z.record(z.string(), z.unknown()), 'A JSON Schema (draft 7)') },
})

/** The root body's path, for the checks made on the organisation as a whole; null before there is one. */
async function rootPath(c: Context<AppEnv>): Promise<{ id: number; path: string } | null> {
  const root = await c.var.deps.database.db
    .selectFrom('bodies')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return root ?? null
}

/** Checks charter.read and says whether the caller may also adopt (responses carry it). */
async function readerPermissions(c: Context<AppEnv>): Promise<{ canAdopt: boolean }> {
  const principal = requirePrincipal(c)
  const root = await rootPath(c)
  const target = { kind: 'body', path: root?.path ?? '/' } as const
  if (!can(principal, 'charter.read', target)) throw new AppError('FORBIDDEN', 'You may not read the charter')
  return { canAdopt: root !== null && can(principal, 'charter.adopt', target) }
}

function presentDetail(version: CharterVersionDetail) {
  return {
    ...presentCharterVersion(version),
    source: version.source,
    sourceSha256: version.sourceSha256,
    adoptedAt: version.adoptedAt.toISOString(),
  }
}

/** The charter: the version in force, the history of versions, adoption and validation. */
export function registerCharterRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(inForceRoute, async (c) => {
    const permissions = await readerPermissions(c)
    const { database, clock } = c.var.deps
    const date = c.req.valid('query').date ?? toIsoDate(clock.now())
    const version = await charterInForce(database.db, date)
    return c.json({ date, ...presentCharterVersion(version), permissions }, 200)
  })

  app.openapi(listRoute, async (c) => {
    const permissions = await readerPermissions(c)
    const { database, clock } = c.var.deps
    const { today, items } = await listCharterVersions({ db: database.db, clock })
    const presented = items.map((item) => ({ ...item, adoptedAt: item.adoptedAt.toISOString() }))
    return c.json({ today, items: presented, permissions }, 200)
  })

  app.openapi(detailRoute, async (c) => {
    await readerPermissions(c)
    const version = await getCharterVersion(c.var.deps.database.db, c.req.valid('param').id)
    return c.json(presentDetail(version), 200)
  })

  app.openapi(adoptRoute, async (c) => {
    requirePrincipal(c)
    const root = await rootPath(c)
    if (!root)
      throw new AppError('FORBIDDEN', 'The organisation has no root body yet', { action: 'charter.adopt' })
    await authoriseBody(c, root.id, 'charter.adopt')
    const input = c.req.valid('json')
    const detail = await inTransaction(c, async (ctx) => {
      const version = await adoptCharter(ctx, input)
      return getCharterVersion(ctx.db, version.versionId)
    })
    return c.json(presentDetail(detail), 201)
  })

  app.openapi(validateRoute, async (c) => {
    requirePrincipal(c)
    const result = validateCharterSource(c.req.valid('json').source)
    return c.json({ ok: result.ok, issues: [...result.issues] }, 200)
  })

  app.openapi(schemaRoute, (c) => c.json(charterJsonSchema(), 200))
}
