import { z } from 'zod'
import type { MeetingRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { isoInstant } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { assertMeetingState, loadMeeting, meetingPlacement } from './meeting-lookups.ts'
import { MEETING_LIMITS } from './schedule-meeting.ts'

export const recordMinutesInputSchema = z.object({
  meetingId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  minutes: plainText(MEETING_LIMITS.minutes),
})

export type RecordMinutesInput = z.input<typeof recordMinutesInputSchema>

/**
 * Records a meeting's minutes, which marks it held. Only a scheduled meeting that has started can
 * be held (MEETING_WRONG_STATE otherwise): minutes written before the sitting would record what
 * did not happen yet. The minutes are the body's record, read by whoever reads the body; the
 * event carries no words of them.
 */
export async function recordMinutes(ctx: UseCaseContext, input: RecordMinutesInput): Promise<MeetingRow> {
  const data = parseInput(recordMinutesInputSchema, input, 'minutes')
  const meeting = await loadMeeting(ctx.db, data.meetingId, 'update')
  assertMeetingState(meeting, ['scheduled'])
  if (ctx.clock.now().getTime() < new Date(meeting.starts_at).getTime()) {
    throw new AppError('MEETING_WRONG_STATE', 'A meeting is held only once it has started', {
      meetingId: meeting.id,
      state: meeting.state,
      startsAt: isoInstant(meeting.starts_at),
    })
  }
  const held = await ctx.db
    .updateTable('meetings')
    .set((eb) => ({ state: 'held', minutes: data.minutes, sequence: eb('sequence', '+', 1) }))
    .where('id', '=', meeting.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'meeting.minutes_recorded', payload: { meetingId: meeting.id } },
    meetingPlacement(meeting),
  )
  return held
}
