import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { SealableEvent } from './seal-hash.ts'

/**
 * One keyset page of events in id order: ids above `afterId` (and at most `upToId` when given).
 * occurred_at is formatted in SQL at microsecond precision so an edit below the millisecond still
 * changes the digest; the format itself does not depend on session settings.
 */
export async function readSealableEvents(
  db: Executor,
  afterId: number,
  limit: number,
  upToId: number | null = null,
): Promise<SealableEvent[]> {
  let query = db
    .selectFrom('events')
    .select([
      'id',
      sql<string>`tx_id::text`.as('tx_id'),
      'type',
      sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('occurred_at'),
      'actor_kind',
      'actor_account_id',
      'body_id',
      'subject_kind',
      'subject_id',
      'region_id',
      'payload',
    ])
    .where('id', '>', afterId)
  if (upToId !== null) query = query.where('id', '<=', upToId)
  return query.orderBy('id').limit(limit).execute()
}
