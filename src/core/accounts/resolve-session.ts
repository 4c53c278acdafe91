import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { Clock } from '../shared/clock.ts'
import type { Grant, Principal } from './principal.ts'
import { sessionId } from './sessions.ts'

/**
 * The principal behind a session token, or null when the token is unknown, expired, or its
 * account disabled. Every request runs this, so it is one round trip: the session, its account,
 * the linked member's unit and the grants (aggregated as JSON) come back in a single row.
 */
export async function resolveSession(db: Executor, clock: Clock, token: string): Promise<Principal | null> {
  if (token.length === 0 || token.length > 200) return null
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .leftJoin('members', 'members.id', 'accounts.member_id')
    .select([
      'sessions.expires_at',
      'accounts.id',
      'accounts.display_name',
      'accounts.member_id',
      'accounts.disabled',
      'members.unit_path',
      sql<Grant[]>`coalesce((
        select json_agg(json_build_object('role', g.role, 'bodyId', g.body_id, 'bodyPath', b.path) order by g.id)
        from role_grants g join bodies b on b.id = g.body_id
        where g.account_id = accounts.id), '[]'::json)`.as('grants'),
    ])
    .where('sessions.id', '=', sessionId(token))
    .executeTakeFirst()
  if (!row || row.disabled || new Date(row.expires_at).getTime() <= clock.now().getTime()) return null
  return {
    accountId: row.id,
    displayName: row.display_name,
    memberId: row.member_id,
    memberUnitPath: row.unit_path ?? null,
    // json_build_object keeps bigint body ids as JSON numbers, so they parse as numbers on both drivers.
    grants: row.grants.map((g) => ({ role: g.role, bodyId: Number(g.bodyId), bodyPath: g.bodyPath })),
  }
}
