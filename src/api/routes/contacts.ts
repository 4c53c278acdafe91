import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { addContact } from '../../core/members/add-contact.ts'
import { listContacts } from '../../core/members/list-contacts.ts'
import { authoriseBody, inTransaction } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { ContactSchema, NewContactSchema, presentContact } from '../member-schemas.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const scoped = 'Admins and secretaries whose subtree holds the body.'

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/contacts',
  summary: 'Non-member contacts kept by a body, oldest first',
  description: scoped,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      after: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(ContactSchema), nextCursor: z.string().nullable() }),
      'A page',
    ),
    ...errors(400, 401, 403, 404),
  },
})

const addRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/contacts',
  summary: 'Add a non-member contact to a body',
  description: scoped,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewContactSchema) },
  responses: { 201: jsonContent(ContactSchema, 'Added'), ...errors(400, 401, 403, 404, 409) },
})

export function registerContactRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    await authoriseBody(c, id, 'contacts.read')
    const page = await listContacts(c.var.deps.database.db, {
      bodyId: id,
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    })
    return c.json({ items: page.items.map(presentContact), nextCursor: page.nextCursor }, 200)
  })

  app.openapi(addRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, id, 'contacts.manage')
    const contact = await inTransaction(c, (ctx) => addContact(ctx, { ...input, bodyId: id }))
    return c.json(presentContact(contact), 201)
  })
}
