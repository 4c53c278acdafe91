import type { MemberRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { bodyRegion } from '../orgs/tree.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { invalidInput } from '../shared/errors.ts'
import { loadActiveUnit } from './active-unit.ts'
import { alignHistoryRegion } from './align-history-region.ts'
import { loadMember } from './member-lookups.ts'
import { isoDateSchema, parseInput } from './schemas.ts'

export interface TransferMemberInput {
  readonly memberId: number
  readonly toUnitId: number
  readonly onDate: string
}

/** Moves a member to another active unit on a date, keeping the transfer in their history. */
export async function transferMember(ctx: UseCaseContext, input: TransferMemberInput): Promise<MemberRow> {
  const onDate = parseInput(isoDateSchema, input.onDate, 'date')
  const member = await loadMember(ctx.db, input.memberId, true)
  const unit = await loadActiveUnit(ctx.db, input.toUnitId)
  if (unit.id === member.unit_id) {
    const message = `Member ${member.id} already belongs to unit ${unit.id}`
    throw invalidInput(message, [{ path: 'toUnitId', message }], { memberId: member.id, unitId: unit.id })
  }
  const regionId = bodyRegion(unit)
  // The event sits with the receiving unit; the payload names the unit the member left.
  const eventId = await appendEvent(
    ctx,
    { type: 'member.transferred', payload: { fromUnitId: member.unit_id, toUnitId: unit.id, onDate } },
    { bodyId: unit.id, regionId, subject: { kind: 'member', id: member.id } },
  )
  await ctx.db
    .insertInto('member_transfers')
    .values({
      member_id: member.id,
      region_id: regionId,
      from_unit_id: member.unit_id,
      to_unit_id: unit.id,
      on_date: onDate,
      event_id: eventId,
    })
    .execute()
  const moved = await ctx.db
    .updateTable('members')
    .set({ unit_id: unit.id, unit_path: unit.path, region_id: regionId, updated_at: ctx.clock.now() })
    .where('id', '=', member.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (regionId !== member.region_id) await alignHistoryRegion(ctx.db, regionId, { memberId: member.id })
  return moved
}
