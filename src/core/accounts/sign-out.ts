import type { Executor } from '../../db/client.ts'
import { sessionId } from './sessions.ts'

/**
 * Ends a session. Not an event: a sign-out changes no organisational state, and logging it would
 * only add a timing trail of each member's activity.
 */
export async function signOut(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId(token)).execute()
}
