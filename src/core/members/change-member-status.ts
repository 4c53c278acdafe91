import type { MemberRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { loadMember } from './member-lookups.ts'
import { isoDateSchema, type MemberStatus, memberStatusSchema, parseInput } from './schemas.ts'

/** The charter's status transitions; `left → applicant` is readmission. */
export const STATUS_TRANSITIONS: Readonly<Record<MemberStatus, readonly MemberStatus[]>> = {
  applicant: ['candidate', 'left'],
  candidate: ['full', 'left'],
  full: ['suspended', 'left'],
  suspended: ['full', 'left'],
  left: ['applicant'],
}

export interface ChangeMemberStatusInput {
  readonly memberId: number
  readonly to: MemberStatus
  readonly onDate: string
  readonly reason?: string | null
}

/**
 * Moves a member to another status on a date, keeps the dated history row (linked to its event),
 * and sets full_member_since on the first admission to full membership.
 */
export async function changeMemberStatus(
  ctx: UseCaseContext,
  input: ChangeMemberStatusInput,
): Promise<MemberRow> {
  const to = parseInput(memberStatusSchema, input.to, 'status')
  const onDate = parseInput(isoDateSchema, input.onDate, 'date')
  const reason = input.reason?.trim() || null
  const member = await loadMember(ctx.db, input.memberId, true)
  const allowed = STATUS_TRANSITIONS[member.status]
  if (!allowed.includes(to)) {
    throw new AppError('INVALID_STATUS_TRANSITION', `A member cannot go from ${member.status} to ${to}`, {
      memberId: member.id,
      from: member.status,
      to,
      allowed,
    })
  }
  if (onDate < member.status_since) {
    const message = `The change date ${onDate} precedes the current status date ${member.status_since}`
    throw invalidInput(message, [{ path: 'onDate', message }], { onDate, statusSince: member.status_since })
  }

  const eventId = await appendEvent(
    ctx,
    {
      type: 'member.status_changed',
      payload: { from: member.status, to, onDate, reasonGiven: reason !== null },
    },
    { bodyId: member.unit_id, regionId: member.region_id, subject: { kind: 'member', id: member.id } },
  )
  await ctx.db
    .insertInto('member_status_changes')
    .values({
      member_id: member.id,
      region_id: member.region_id,
      from_status: member.status,
      to_status: to,
      on_date: onDate,
      reason,
      event_id: eventId,
    })
    .execute()
  return ctx.db
    .updateTable('members')
    .set({
      status: to,
      status_since: onDate,
      full_member_since:
        to === 'full' && member.full_member_since === null ? onDate : member.full_member_since,
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', member.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
