import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { addPerson } from '../../core/accounts/add-person.ts'
import { findAccountByEmail } from '../../core/accounts/find-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { type AccessGrant, listAccess, MAX_ACCESS_PAGE } from '../../core/accounts/list-access.ts'
import { ROLES } from '../../core/accounts/principal.ts'
import { authoriseBody, inTransaction } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const role = z.enum(ROLES)
const admins = 'Admins whose subtree holds the body.'

const AccessGrantSchema = z
  .object({
    grantId: z.number().int(),
    accountId: z.number().int(),
    displayName: z.string(),
    email: z.string(),
    disabled: z.boolean(),
    role,
    bodyId: z.number().int(),
    bodyName: z.string(),
    bodyPath: z.string(),
    grantedAt: z.string(),
  })
  .openapi('AccessGrant')

const GrantByEmailSchema = z
  .object({ email: z.string().trim().min(1).max(320), role })
  .openapi('GrantByEmail')

const NewPersonSchema = z
  .object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200),
    password: z.string().min(10).max(1000),
    role,
  })
  .openapi('NewPerson')

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/access',
  summary: 'Who holds which role on the body and the bodies below it, in tree order',
  description: admins,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      after: z.string().max(2000).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(MAX_ACCESS_PAGE).default(100),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(AccessGrantSchema), nextCursor: z.string().nullable() }),
      'A page',
    ),
    ...errors(400, 401, 403, 404),
  },
})

const grantRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/access',
  summary: 'Grant a role on the body to an existing account, named by its e-mail',
  description: `${admins} An unknown e-mail is 404 ACCOUNT_NOT_FOUND.`,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(GrantByEmailSchema) },
  responses: {
    201: jsonContent(z.object({ grantId: z.number().int(), accountId: z.number().int() }), 'Granted'),
    ...errors(400, 401, 403, 404, 409),
  },
})

const addPersonRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/people',
  summary: 'Create an account and grant it a role on the body, in one step',
  description: `${admins} Both happen or neither does.`,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewPersonSchema) },
  responses: {
    201: jsonContent(
      z.object({
        account: z.object({
          id: z.number().int(),
          email: z.string(),
          displayName: z.string(),
          memberId: z.number().int().nullable(),
        }),
        grantId: z.number().int(),
      }),
      'Added',
    ),
    ...errors(400, 401, 403, 404, 409),
  },
})

function presentGrant(grant: AccessGrant): z.infer<typeof AccessGrantSchema> {
  return { ...grant, grantedAt: grant.grantedAt.toISOString() }
}

/** People with access: the grants of a subtree, adding a person, granting by e-mail. */
export function registerAccessRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const { body } = await authoriseBody(c, id, 'accounts.manage')
    const page = await listAccess(c.var.deps.database.db, {
      scopePath: body.path,
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    })
    return c.json({ items: page.items.map(presentGrant), nextCursor: page.nextCursor }, 200)
  })

  app.openapi(grantRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, id, 'accounts.manage')
    const result = await inTransaction(c, async (ctx) => {
      const account = await findAccountByEmail(ctx.db, input.email)
      const grant = await grantRole(ctx, { accountId: account.id, role: input.role, bodyId: id })
      return { grantId: grant.id, accountId: account.id }
    })
    return c.json(result, 201)
  })

  app.openapi(addPersonRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, id, 'accounts.manage')
    const added = await inTransaction(c, (ctx) => addPerson(ctx, { ...input, bodyId: id }))
    return c.json(added, 201)
  })
}
