import type { Executor } from '../../db/client.ts'
import type { MemberRow } from '../../db/schema.ts'
import { AppError } from '../shared/errors.ts'

/** Loads one member row, locked for update when `forUpdate`, or fails with MEMBER_NOT_FOUND. */
export async function loadMember(db: Executor, memberId: number, forUpdate = false): Promise<MemberRow> {
  let query = db.selectFrom('members').selectAll().where('id', '=', memberId)
  if (forUpdate) query = query.forUpdate()
  const member = await query.executeTakeFirst()
  if (!member) throw new AppError('MEMBER_NOT_FOUND', `No member with id ${memberId}`, { memberId })
  return member
}

/** DUPLICATE when another member (other than `exceptMemberId`) already holds `card`. */
export async function assertCardFree(db: Executor, card: string, exceptMemberId?: number): Promise<void> {
  const holder = await db.selectFrom('members').select('id').where('card', '=', card).executeTakeFirst()
  if (holder && holder.id !== exceptMemberId) {
    throw new AppError('DUPLICATE', `Card ${card} is already held by member ${holder.id}`, {
      field: 'card',
      memberId: holder.id,
    })
  }
}
