import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Principal } from '../core/accounts/principal.ts'
import { resolveSession } from '../core/accounts/resolve-session.ts'
import { getBody } from '../core/orgs/get-body.ts'
import { type BodyAction, can, type MemberAction } from '../core/policy/policy.ts'
import type { Actor } from '../core/shared/actor.ts'
import type { UseCaseContext } from '../core/shared/context.ts'
import { AppError } from '../core/shared/errors.ts'
import type { Executor } from '../db/client.ts'
import type { BodyRow } from '../db/schema.ts'
import type { AppEnv } from './env.ts'

export const SESSION_COOKIE = 'charter_session'

/** Resolves the session cookie (if any) to a principal for the rest of the request. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const { database, clock } = c.var.deps
  c.set('principal', token ? await resolveSession(database.db, clock, token) : null)
  await next()
}

/**
 * Sets the session cookie: HTTP-only (no script reads it), SameSite=Strict (no cross-site request
 * carries it, which with the JSON-only rule for state changes is the CSRF defence), Path=/.
 */
export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date, now: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: c.var.deps.secureCookies,
    // Max-Age, not Expires: the organisation clock may live in 1923, the browser does not.
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.deps.secureCookies })
}

/** The signed-in principal, or UNAUTHENTICATED (401). */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.var.principal
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first')
  return principal
}

function forbidden(action: string): AppError {
  return new AppError('FORBIDDEN', 'You may not do this here', { action })
}

/**
 * Loads a body and checks the action on it. An id that does not exist is 404 BODY_NOT_FOUND; an
 * existing body outside the caller's scope is 403 FORBIDDEN (see core/policy/policy.ts).
 */
export async function authoriseBody(
  c: Context<AppEnv>,
  bodyId: number,
  action: BodyAction,
  db: Executor = c.var.deps.database.db,
): Promise<{ principal: Principal; body: BodyRow }> {
  const principal = requirePrincipal(c)
  const body = await getBody(db, bodyId)
  if (!can(principal, action, { kind: 'body', path: body.path })) throw forbidden(action)
  return { principal, body }
}

/** Loads a member's placement and checks the action on it (404 MEMBER_NOT_FOUND / 403 FORBIDDEN). */
export async function authoriseMember(
  c: Context<AppEnv>,
  memberId: number,
  action: MemberAction,
): Promise<{
  principal: Principal
  member: { id: number; unitPath: string; unitId: number; regionId: number }
}> {
  const principal = requirePrincipal(c)
  const row = await c.var.deps.database.db
    .selectFrom('members')
    .select(['id', 'unit_path', 'unit_id', 'region_id'])
    .where('id', '=', memberId)
    .executeTakeFirst()
  if (!row) throw new AppError('MEMBER_NOT_FOUND', `No member with id ${memberId}`, { memberId })
  const member = { id: row.id, unitPath: row.unit_path, unitId: row.unit_id, regionId: row.region_id }
  if (!can(principal, action, { kind: 'member', ...member })) throw forbidden(action)
  return { principal, member }
}

/** The actor for use cases: the signed-in account, or the system for anonymous requests. */
export function actorOf(principal: Principal | null): Actor {
  return principal ? { kind: 'account', accountId: principal.accountId } : { kind: 'system' }
}

/** Runs a use case in one transaction, as the caller: commit on success, roll back on any error. */
export function inTransaction<T>(c: Context<AppEnv>, work: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  const { database, clock } = c.var.deps
  const actor = actorOf(c.var.principal)
  return database.db.transaction().execute((trx) => work({ db: trx, clock, actor }))
}
