import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { createBody } from '../../core/orgs/create-body.ts'
import { dissolveBody } from '../../core/orgs/dissolve-body.ts'
import { moveBody } from '../../core/orgs/move-body.ts'
import { renameBody } from '../../core/orgs/rename-body.ts'
import { authoriseBody, inTransaction } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { BodySchema, errors, IdParams, idSchema, jsonBody, jsonContent, presentBody } from '../schemas.ts'

const NewBodySchema = z
  .object({
    parentId: idSchema,
    name: z.string().trim().min(1).max(200),
    level: z.string().min(1).max(40).optional(),
    kind: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .openapi({ description: 'Required for units: factory, village, …' }),
  })
  .openapi('NewBody')

const manage = 'Admins whose subtree holds the body.'

const createBodyRoute = createRoute({
  method: 'post',
  path: '/api/bodies',
  summary: 'Create a body under a parent',
  description: 'Admins whose subtree holds the parent. (The root is created by the CLI.)',
  security: [{ session: [] }],
  request: { body: jsonBody(NewBodySchema) },
  responses: { 201: jsonContent(BodySchema, 'Created'), ...errors(400, 401, 403, 404, 409, 422) },
})

const renameRoute = createRoute({
  method: 'patch',
  path: '/api/bodies/{id}',
  summary: 'Rename a body',
  description: manage,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(z.object({ name: z.string().trim().min(1).max(200) })) },
  responses: { 200: jsonContent(BodySchema, 'Renamed'), ...errors(400, 401, 403, 404, 409) },
})

const moveRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/move',
  summary: 'Move a body with its subtree and members under a new parent',
  description: 'Admins whose subtree holds both the body and the new parent.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(z.object({ newParentId: idSchema })) },
  responses: {
    200: jsonContent(
      z.object({
        body: BodySchema,
        bodiesMoved: z.number().int(),
        membersMoved: z.number().int(),
        contactsMoved: z.number().int(),
      }),
      'Moved',
    ),
    ...errors(400, 401, 403, 404, 409, 422),
  },
})

const dissolveRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/dissolve',
  summary: 'Dissolve a body and its subtree, transferring remaining members to a unit',
  description: `${manage} With transferMembersTo, also the right to manage members of that unit.`,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(z.object({ transferMembersTo: idSchema.optional() })) },
  responses: {
    200: jsonContent(
      z.object({
        bodiesDissolved: z.number().int(),
        membersTransferred: z.number().int(),
        eventId: z.number().int(),
      }),
      'Dissolved',
    ),
    ...errors(400, 401, 403, 404, 409, 422),
  },
})

export function registerBodyWriteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createBodyRoute, async (c) => {
    const input = c.req.valid('json')
    await authoriseBody(c, input.parentId, 'body.manage')
    const body = await inTransaction(c, (ctx) => createBody(ctx, input))
    return c.json(presentBody(body), 201)
  })

  app.openapi(renameRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { name } = c.req.valid('json')
    await authoriseBody(c, id, 'body.manage')
    const body = await inTransaction(c, (ctx) => renameBody(ctx, { bodyId: id, name }))
    return c.json(presentBody(body), 200)
  })

  app.openapi(moveRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { newParentId } = c.req.valid('json')
    await authoriseBody(c, id, 'body.manage')
    await authoriseBody(c, newParentId, 'body.manage')
    const result = await inTransaction(c, (ctx) => moveBody(ctx, { bodyId: id, newParentId }))
    return c.json({ ...result, body: presentBody(result.body) }, 200)
  })

  app.openapi(dissolveRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { transferMembersTo } = c.req.valid('json')
    await authoriseBody(c, id, 'body.manage')
    if (transferMembersTo !== undefined) await authoriseBody(c, transferMembersTo, 'members.manage')
    const result = await inTransaction(c, (ctx) =>
      dissolveBody(ctx, { bodyId: id, ...(transferMembersTo !== undefined ? { transferMembersTo } : {}) }),
    )
    return c.json(result, 200)
  })
}
