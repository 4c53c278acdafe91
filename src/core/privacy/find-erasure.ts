import type { Executor } from '../../db/client.ts'
import type { ErasureReason } from './erasure-reasons.ts'

/** When and why a member's personal data was erased. */
export interface Erasure {
  readonly eventId: number
  readonly erasedAt: string
  readonly reason: ErasureReason
}

/**
 * The member's erasure, or null. The `member.erased` event is the record of it (found through
 * the events_subject index), so erasure needs no column of its own.
 */
export async function findErasure(db: Executor, memberId: number): Promise<Erasure | null> {
  const row = await db
    .selectFrom('events')
    .select(['id', 'occurred_at', 'payload'])
    .where('subject_kind', '=', 'member')
    .where('subject_id', '=', memberId)
    .where('type', '=', 'member.erased')
    .orderBy('id')
    .executeTakeFirst()
  if (!row) return null
  const payload = row.payload as { reason: ErasureReason }
  return { eventId: row.id, erasedAt: new Date(row.occurred_at).toISOString(), reason: payload.reason }
}
