import type { Executor } from '../../db/client.ts'
import type { Clock } from '../shared/clock.ts'
import { loadPrincipal, type Principal } from './principal.ts'
import { sessionId } from './sessions.ts'

/** The principal behind a session token, or null when the token is unknown or expired. */
export async function resolveSession(db: Executor, clock: Clock, token: string): Promise<Principal | null> {
  if (token.length === 0 || token.length > 200) return null
  const session = await db
    .selectFrom('sessions')
    .select(['account_id', 'expires_at'])
    .where('id', '=', sessionId(token))
    .executeTakeFirst()
  if (!session || new Date(session.expires_at).getTime() <= clock.now().getTime()) return null
  return loadPrincipal(db, session.account_id)
}
