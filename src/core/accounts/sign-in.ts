import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'
import { newSessionToken, sessionId } from './sessions.ts'

export interface SignInInput {
  readonly email: string
  readonly password: string
  readonly ttlHours?: number
}

const DEFAULT_TTL_HOURS = 12

/**
 * Checks the credentials and opens a session. Unknown e-mail, wrong password and disabled account
 * give the same error and take about the same time (a dummy hash is verified), so sign-in does
 * not reveal which e-mails have accounts. Session expiry is on the organisation clock.
 */
export async function signIn(
  ctx: UseCaseContext,
  input: SignInInput,
): Promise<{ token: string; expiresAt: Date; accountId: number }> {
  const account = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'disabled'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.trim().toLowerCase()))
    .executeTakeFirst()
  // Verify against a dummy hash when the account is unknown, and ignore the result.
  const hashToCheck = account?.password_hash ?? (await dummyPasswordHash())
  const verified = await verifyPassword(hashToCheck, input.password)
  const ok = account !== undefined && verified
  if (!account || !ok || account.disabled) {
    throw new AppError('INVALID_CREDENTIALS', 'E-mail or password is wrong', {})
  }
  const token = newSessionToken()
  const now = ctx.clock.now()
  const expiresAt = new Date(now.getTime() + (input.ttlHours ?? DEFAULT_TTL_HOURS) * 3_600_000)
  await ctx.db
    .insertInto('sessions')
    .values({ id: sessionId(token), account_id: account.id, created_at: now, expires_at: expiresAt })
    .execute()
  const actorCtx: UseCaseContext = { ...ctx, actor: { kind: 'account', accountId: account.id } }
  await appendEvent(
    actorCtx,
    { type: 'account.signed_in', payload: {} },
    { subject: { kind: 'account', id: account.id } },
  )
  return { token, expiresAt, accountId: account.id }
}
