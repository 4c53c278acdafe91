import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { describeBody } from '../../core/orgs/describe-body.ts'
import { listAncestors } from '../../core/orgs/list-ancestors.ts'
import { listChildren } from '../../core/orgs/list-children.ts'
import { listSubtree, MAX_SUBTREE_PAGE } from '../../core/orgs/list-subtree.ts'
import { permissionsFor } from '../../core/policy/policy.ts'
import { authoriseBody } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { BodyPermissionsSchema, BodySchema, errors, IdParams, jsonContent, presentBody } from '../schemas.ts'
import { registerBodyWriteRoutes } from './bodies-write.ts'

/** An ancestor as a name on the way down: no details, since a secretary sees its ancestors so. */
const BodyRefSchema = z
  .object({ id: z.number().int(), name: z.string(), level: z.string(), path: z.string() })
  .openapi('BodyRef')

const BodyDescriptionSchema = z
  .object({
    body: BodySchema,
    level: z.object({ name: z.string(), index: z.number().int(), isUnit: z.boolean() }),
    ancestors: z.array(BodyRefSchema),
    childCount: z.number().int(),
    memberCount: z.number().int().nullable(),
    permissions: BodyPermissionsSchema,
  })
  .openapi('BodyDescription')

const ChildSchema = BodySchema.extend({
  memberCount: z.number().int().nullable(),
  childCount: z.number().int().nullable(),
}).openapi('BodyChild')

const SubtreeQuery = z.object({
  after: z.string().max(2000).optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(MAX_SUBTREE_PAGE).default(100),
  maxDepth: z.coerce.number().int().min(0).max(100).optional(),
})

const read = 'Admins and secretaries whose subtree holds the body; members for bodies on their own path.'
const readTree = 'Admins and secretaries whose subtree holds the body.'

const describeRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}',
  summary: 'A body, where it sits, its counts, and what the caller may do with it',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(BodyDescriptionSchema, 'The body'), ...errors(400, 401, 403, 404) },
})

const childrenRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/children',
  summary: 'Active child bodies by name, with member or child counts',
  description: readTree,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(ChildSchema) }), 'Children'),
    ...errors(400, 401, 403, 404),
  },
})

const subtreeRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/subtree',
  summary: 'The body and everything below it, in path order, one keyset page at a time',
  description: readTree,
  security: [{ session: [] }],
  request: { params: IdParams, query: SubtreeQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(BodySchema), nextCursor: z.string().nullable() }), 'A page'),
    ...errors(400, 401, 403, 404),
  },
})

const ancestorsRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/ancestors',
  summary: 'The ancestors of a body, root first, by name',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(BodyRefSchema) }), 'Ancestors'),
    ...errors(400, 401, 403, 404),
  },
})

function ref(row: { id: number; name: string; level: string; path: string }) {
  return { id: row.id, name: row.name, level: row.level, path: row.path }
}

export function registerBodyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(describeRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal, body } = await authoriseBody(c, id, 'body.read')
    const description = await describeBody(c.var.deps.database.db, body)
    return c.json(
      {
        body: presentBody(description.body),
        level: description.level,
        ancestors: description.ancestors.map(ref),
        childCount: description.childCount,
        memberCount: description.memberCount,
        permissions: permissionsFor(principal, { kind: 'body', path: body.path }),
      },
      200,
    )
  })

  app.openapi(childrenRoute, async (c) => {
    const { id } = c.req.valid('param')
    await authoriseBody(c, id, 'body.readTree')
    const children = await listChildren(c.var.deps.database.db, { bodyId: id })
    return c.json(
      {
        items: children.map((child) => ({
          ...presentBody(child),
          memberCount: child.memberCount,
          childCount: child.childCount,
        })),
      },
      200,
    )
  })

  app.openapi(subtreeRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseBody(c, id, 'body.readTree')
    const page = await listSubtree(c.var.deps.database.db, {
      rootId: id,
      limit: query.limit,
      ...(query.after !== undefined ? { after: query.after } : {}),
      ...(query.maxDepth !== undefined ? { maxDepth: query.maxDepth } : {}),
    })
    return c.json({ items: page.items.map(presentBody), nextCursor: page.nextCursor }, 200)
  })

  app.openapi(ancestorsRoute, async (c) => {
    const { id } = c.req.valid('param')
    await authoriseBody(c, id, 'body.read')
    const ancestors = await listAncestors(c.var.deps.database.db, { bodyId: id })
    return c.json({ items: ancestors.map(ref) }, 200)
  })

  registerBodyWriteRoutes(app)
}
