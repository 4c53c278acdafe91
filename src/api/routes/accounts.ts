import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { getCookie } from 'hono/cookie'
import { changePassword } from '../../core/accounts/change-password.ts'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { ROLES } from '../../core/accounts/principal.ts'
import { revokeRole } from '../../core/accounts/revoke-role.ts'
import { can } from '../../core/policy/policy.ts'
import { AppError, invalidInput, isAppError } from '../../core/shared/errors.ts'
import { authoriseBody, authoriseMember, inTransaction, requirePrincipal, SESSION_COOKIE } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { FixedWindowLimiter } from '../rate-limit.ts'
import { errors, IdParams, idSchema, jsonBody, jsonContent } from '../schemas.ts'
import { registerAccessRoutes } from './access.ts'
import { SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS } from './session.ts'

const role = z.enum(ROLES)

const NewAccountSchema = z
  .object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200),
    password: z.string().min(10).max(1000),
    memberId: idSchema.optional(),
  })
  .openapi('NewAccount')

const AccountSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    memberId: z.number().int().nullable(),
  })
  .openapi('Account')

const RoleSchema = z.object({ role, bodyId: idSchema }).openapi('RoleGrant')

const createAccountRoute = createRoute({
  method: 'post',
  path: '/api/accounts',
  summary: 'Create a sign-in account',
  description:
    'Admins only: an admin of any body; when memberId is given, an admin whose subtree holds that member’s unit.',
  security: [{ session: [] }],
  request: { body: jsonBody(NewAccountSchema) },
  responses: { 201: jsonContent(AccountSchema, 'Created'), ...errors(400, 401, 403, 404, 409) },
})

const grantRoute = createRoute({
  method: 'post',
  path: '/api/accounts/{id}/roles',
  summary: 'Grant a role on a body (reaches its subtree)',
  description: 'An admin whose subtree holds the body.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(RoleSchema) },
  responses: {
    201: jsonContent(z.object({ id: z.number().int() }), 'Granted'),
    ...errors(400, 401, 403, 404, 409),
  },
})

const revokeRoute = createRoute({
  method: 'delete',
  path: '/api/accounts/{id}/roles',
  summary: 'Revoke a role on a body',
  description: 'An admin whose subtree holds the body.',
  security: [{ session: [] }],
  request: { params: IdParams, query: RoleSchema },
  responses: { 204: { description: 'Revoked' }, ...errors(400, 401, 403, 404) },
})

const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().min(10).max(1000),
  })
  .openapi('ChangePassword')

const changePasswordRoute = createRoute({
  method: 'patch',
  path: '/api/me/password',
  summary: 'Change your own password; your other sessions end',
  description:
    'Any signed-in account. A wrong current password is 400 VALIDATION_FAILED on currentPassword, not ' +
    `401: the session is valid, and a 401 would read as "signed out". At most ${SIGN_IN_ATTEMPTS} ` +
    'attempts per account per 15 minutes.',
  security: [{ session: [] }],
  request: { body: jsonBody(ChangePasswordSchema) },
  responses: { 204: { description: 'Changed' }, ...errors(400, 401, 429) },
})

export function registerAccountRoutes(app: OpenAPIHono<AppEnv>): void {
  // Guessing the current password from a stolen session is slowed as sign-in guessing is.
  const limiter = new FixedWindowLimiter(SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS, { now: () => new Date() })
  registerAccessRoutes(app)

  app.openapi(changePasswordRoute, async (c) => {
    const input = c.req.valid('json')
    const principal = requirePrincipal(c)
    const attempt = limiter.hit(String(principal.accountId))
    if (!attempt.allowed) {
      c.header('retry-after', String(Math.ceil(attempt.retryAfterMs / 1000)))
      throw new AppError('RATE_LIMITED', 'Too many attempts; try again later', {
        retryAfterSeconds: Math.ceil(attempt.retryAfterMs / 1000),
      })
    }
    const token = getCookie(c, SESSION_COOKIE)
    try {
      await inTransaction(c, (ctx) =>
        changePassword(ctx, {
          accountId: principal.accountId,
          ...input,
          ...(token ? { keepSessionToken: token } : {}),
        }),
      )
    } catch (error) {
      if (isAppError(error) && error.code === 'INVALID_CREDENTIALS') {
        throw invalidInput('The current password is wrong', [
          { path: 'currentPassword', message: 'is wrong' },
        ])
      }
      throw error
    }
    return c.body(null, 204)
  })

  app.openapi(createAccountRoute, async (c) => {
    const input = c.req.valid('json')
    const principal = requirePrincipal(c)
    if (input.memberId !== undefined) {
      const { member } = await authoriseMember(c, input.memberId, 'member.read')
      if (!can(principal, 'accounts.manage', { kind: 'body', path: member.unitPath })) {
        throw new AppError('FORBIDDEN', 'You may not do this here', { action: 'accounts.manage' })
      }
    } else if (!principal.grants.some((g) => g.role === 'admin')) {
      throw new AppError('FORBIDDEN', 'Only admins create accounts', { action: 'accounts.manage' })
    }
    const account = await inTransaction(c, (ctx) => createAccount(ctx, input))
    return c.json(account, 201)
  })

  app.openapi(grantRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, input.bodyId, 'accounts.manage')
    const grant = await inTransaction(c, (ctx) => grantRole(ctx, { accountId: id, ...input }))
    return c.json(grant, 201)
  })

  app.openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('query')
    await authoriseBody(c, input.bodyId, 'accounts.manage')
    await inTransaction(c, (ctx) => revokeRole(ctx, { accountId: id, ...input }))
    return c.body(null, 204)
  })
}
