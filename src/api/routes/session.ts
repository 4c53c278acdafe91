import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { getCookie } from 'hono/cookie'
import { loadPrincipal, type Principal, ROLES } from '../../core/accounts/principal.ts'
import { signIn } from '../../core/accounts/sign-in.ts'
import { signOut } from '../../core/accounts/sign-out.ts'
import { AppError } from '../../core/shared/errors.ts'
import {
  clearSessionCookie,
  inTransaction,
  requirePrincipal,
  SESSION_COOKIE,
  setSessionCookie,
} from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { FixedWindowLimiter } from '../rate-limit.ts'
import { errors, jsonBody, jsonContent } from '../schemas.ts'

export const PrincipalSchema = z
  .object({
    accountId: z.number().int(),
    displayName: z.string(),
    memberId: z.number().int().nullable(),
    grants: z.array(
      z.object({
        role: z.enum(ROLES),
        bodyId: z.number().int(),
        bodyPath: z.string(),
        bodyName: z.string(),
      }),
    ),
  })
  .openapi('Principal')

const SignInSchema = z
  .object({
    email: z.string().min(1).max(320),
    password: z.string().min(1).max(1000),
  })
  .openapi('SignIn')

/** Sign-in attempts allowed per e-mail address per window (in-memory, per process). */
export const SIGN_IN_ATTEMPTS = 10
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000

const signInRoute = createRoute({
  method: 'post',
  path: '/api/session',
  summary: 'Sign in: sets the HTTP-only charter_session cookie',
  description: `Public. At most ${SIGN_IN_ATTEMPTS} attempts per e-mail per 15 minutes (in memory).`,
  request: { body: jsonBody(SignInSchema) },
  responses: {
    200: jsonContent(z.object({ principal: PrincipalSchema, expiresAt: z.string() }), 'Signed in'),
    ...errors(400, 401, 429),
  },
})

const signOutRoute = createRoute({
  method: 'delete',
  path: '/api/session',
  summary: 'Sign out: ends the session and clears the cookie',
  description: 'Public (a no-op without a session).',
  responses: { 204: { description: 'Signed out' } },
})

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in account with its role grants',
  description: 'Any signed-in account.',
  security: [{ session: [] }],
  responses: { 200: jsonContent(PrincipalSchema, 'The principal'), ...errors(401) },
})

/** The principal with each grant's body name, for the client's scope picker. */
async function presentPrincipal(c: Parameters<typeof requirePrincipal>[0], principal: Principal) {
  const ids = principal.grants.map((g) => g.bodyId)
  const names = new Map<number, string>()
  if (ids.length > 0) {
    const rows = await c.var.deps.database.db
      .selectFrom('bodies')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute()
    for (const row of rows) names.set(row.id, row.name)
  }
  return {
    accountId: principal.accountId,
    displayName: principal.displayName,
    memberId: principal.memberId,
    grants: principal.grants.map((g) => ({ ...g, bodyName: names.get(g.bodyId) ?? '' })),
  }
}

export function registerSessionRoutes(app: OpenAPIHono<AppEnv>): void {
  const limiter = new FixedWindowLimiter(SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS, { now: () => new Date() })

  app.openapi(signInRoute, async (c) => {
    const input = c.req.valid('json')
    const attempt = limiter.hit(input.email.trim().toLowerCase())
    if (!attempt.allowed) {
      c.header('retry-after', String(Math.ceil(attempt.retryAfterMs / 1000)))
      throw new AppError('RATE_LIMITED', 'Too many sign-in attempts; try again later', {
        retryAfterSeconds: Math.ceil(attempt.retryAfterMs / 1000),
      })
    }
    const session = await inTransaction(c, (ctx) => signIn(ctx, input))
    const principal = await loadPrincipal(c.var.deps.database.db, session.accountId)
    if (!principal) throw new AppError('INVALID_CREDENTIALS', 'E-mail or password is wrong')
    setSessionCookie(c, session.token, session.expiresAt, c.var.deps.clock.now())
    return c.json(
      { principal: await presentPrincipal(c, principal), expiresAt: session.expiresAt.toISOString() },
      200,
    )
  })

  app.openapi(signOutRoute, async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await signOut(c.var.deps.database.db, token)
    clearSessionCookie(c)
    return c.body(null, 204)
  })

  app.openapi(meRoute, async (c) => c.json(await presentPrincipal(c, requirePrincipal(c)), 200))
}
