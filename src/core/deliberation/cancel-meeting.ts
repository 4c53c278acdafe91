import { z } from 'zod'
import type { MeetingRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { assertMeetingState, loadMeeting, meetingPlacement } from './meeting-lookups.ts'

export const cancelMeetingInputSchema = z.object({
  meetingId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

export type CancelMeetingInput = z.input<typeof cancelMeetingInputSchema>

/**
 * Cancels a scheduled meeting (MEETING_WRONG_STATE once held or cancelled). A meeting at which a
 * vote was opened or a decision taken evidently sat, so it cannot be cancelled (CONFLICT): the
 * decision record points at it. The calendar export then carries STATUS:CANCELLED with a higher
 * SEQUENCE, so subscribers' calendars strike it rather than keep a stale copy.
 */
export async function cancelMeeting(ctx: UseCaseContext, input: CancelMeetingInput): Promise<MeetingRow> {
  const data = parseInput(cancelMeetingInputSchema, input, 'meeting cancellation')
  const meeting = await loadMeeting(ctx.db, data.meetingId, 'update')
  assertMeetingState(meeting, ['scheduled'])
  const used = await ctx.db
    .selectFrom('decisions')
    .select('id')
    .where((eb) => eb.or([eb('meeting_id', '=', meeting.id), eb('ratification_meeting_id', '=', meeting.id)]))
    .union(
      ctx.db.selectFrom('question_votes').select('question_id as id').where('meeting_id', '=', meeting.id),
    )
    .executeTakeFirst()
  if (used) {
    throw new AppError('CONFLICT', 'A vote or decision was taken at this meeting: it cannot be cancelled', {
      meetingId: meeting.id,
    })
  }
  const cancelled = await ctx.db
    .updateTable('meetings')
    .set((eb) => ({ state: 'cancelled', sequence: eb('sequence', '+', 1) }))
    .where('id', '=', meeting.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'meeting.cancelled', payload: { meetingId: meeting.id } },
    meetingPlacement(meeting),
  )
  return cancelled
}
