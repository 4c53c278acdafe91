import { z } from 'zod'
import type { MeetingRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { quorumFor } from './deliberation-rules.ts'
import { assertMeetingStarted, assertMeetingState, loadMeeting, meetingPlacement } from './meeting-lookups.ts'
import { meetingQuorumBasis } from './meeting-quorum.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const recordAttendanceInputSchema = z.object({
  meetingId: id,
  /** Everyone who came: deciding members count toward the quorum; guests and candidates are recorded only. */
  memberIds: z
    .array(id)
    .max(10_000)
    .refine((ids) => new Set(ids).size === ids.length, 'each member is listed once'),
})

export type RecordAttendanceInput = z.input<typeof recordAttendanceInputSchema>

/**
 * Records who attended a meeting, replacing any earlier list (a correction is a new full list),
 * and computes the quorum against the body's deciding members on the meeting's date: present are
 * the attendees who are deciding members; anyone else who came (a candidate, a guest from another
 * unit) is recorded but does not count. Allowed once the meeting has begun (MEETING_WRONG_STATE
 * with its startsAt before: who came is known only when it sits, and a vote at the meeting must
 * not run ahead of it) while it is scheduled or held, not once cancelled. Without a quorum rule in
 * the charter, one deciding member present is a quorum.
 */
export async function recordAttendance(
  ctx: UseCaseContext,
  input: RecordAttendanceInput,
): Promise<MeetingRow> {
  const data = parseInput(recordAttendanceInputSchema, input, 'attendance')
  const meeting = await loadMeeting(ctx.db, data.meetingId, 'update')
  assertMeetingState(meeting, ['scheduled', 'held'])
  assertMeetingStarted(meeting, ctx.clock.now())
  if (data.memberIds.length > 0) {
    const known = await ctx.db.selectFrom('members').select('id').where('id', 'in', data.memberIds).execute()
    const missing = data.memberIds.filter((m) => !known.some((k) => k.id === m))
    if (missing.length > 0) {
      throw new AppError('MEMBER_NOT_FOUND', `No member with id ${missing.join(', ')}`, {
        memberIds: missing,
      })
    }
  }
  const basis = await meetingQuorumBasis(ctx.db, meeting)
  const deciding = new Set(basis.decidingIds)
  const present = data.memberIds.filter((m) => deciding.has(m)).length
  const required = quorumFor(basis.share, deciding.size)

  await ctx.db.deleteFrom('meeting_attendance').where('meeting_id', '=', meeting.id).execute()
  if (data.memberIds.length > 0) {
    await ctx.db
      .insertInto('meeting_attendance')
      .values(
        data.memberIds.map((memberId) => ({
          meeting_id: meeting.id,
          member_id: memberId,
          region_id: meeting.region_id,
        })),
      )
      .execute()
  }
  const updated = await ctx.db
    .updateTable('meetings')
    .set((eb) => ({
      deciding_members: deciding.size,
      quorum_required: required,
      present_count: present,
      quorum_rule_id: basis.ruleId,
      sequence: eb('sequence', '+', 1),
    }))
    .where('id', '=', meeting.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    {
      type: 'meeting.attendance_recorded',
      payload: {
        meetingId: meeting.id,
        present,
        decidingMembers: deciding.size,
        quorumRequired: required,
        quorate: present >= required,
      },
    },
    meetingPlacement(meeting),
  )
  return updated
}
