import type { Executor } from '../../db/client.ts'
import type { MemberRow } from '../../db/schema.ts'
import { loadMember } from './member-lookups.ts'

export interface MemberStatusChange {
  readonly from: string
  readonly to: string
  readonly onDate: string
  readonly reason: string | null
  readonly eventId: number
}

export interface MemberTransfer {
  readonly fromUnitId: number
  readonly toUnitId: number
  readonly onDate: string
  readonly eventId: number
}

export interface MemberDetail {
  readonly member: MemberRow
  readonly statusHistory: readonly MemberStatusChange[]
  readonly transfers: readonly MemberTransfer[]
}

/** One member with their dated status history and transfers, oldest first (MEMBER_NOT_FOUND). */
export async function getMember(db: Executor, memberId: number): Promise<MemberDetail> {
  const member = await loadMember(db, memberId)
  const statusRows = await db
    .selectFrom('member_status_changes')
    .select(['from_status', 'to_status', 'on_date', 'reason', 'event_id'])
    .where('member_id', '=', memberId)
    .orderBy('on_date')
    .orderBy('id')
    .execute()
  const transferRows = await db
    .selectFrom('member_transfers')
    .select(['from_unit_id', 'to_unit_id', 'on_date', 'event_id'])
    .where('member_id', '=', memberId)
    .orderBy('on_date')
    .orderBy('id')
    .execute()
  return {
    member,
    statusHistory: statusRows.map((row) => ({
      from: row.from_status,
      to: row.to_status,
      onDate: row.on_date,
      reason: row.reason,
      eventId: row.event_id,
    })),
    transfers: transferRows.map((row) => ({
      fromUnitId: row.from_unit_id,
      toUnitId: row.to_unit_id,
      onDate: row.on_date,
      eventId: row.event_id,
    })),
  }
}
