import type { Executor } from '../../db/client.ts'
import type { MeetingRow, MeetingState } from '../../db/schema-deliberation.ts'
import type { EventPlacement } from '../events/append-event.ts'
import { AppError } from '../shared/errors.ts'

/** Shared reads and guards of the meeting use cases. */

/** Loads a meeting, or MEETING_NOT_FOUND; `update` locks it for a change (changes bump its sequence). */
export async function loadMeeting(db: Executor, meetingId: number, lock?: 'update'): Promise<MeetingRow> {
  let query = db.selectFrom('meetings').selectAll().where('id', '=', meetingId)
  if (lock === 'update') query = query.forUpdate()
  const meeting = await query.executeTakeFirst()
  if (!meeting) throw new AppError('MEETING_NOT_FOUND', `No meeting with id ${meetingId}`, { meetingId })
  return meeting
}

/** MEETING_WRONG_STATE unless the meeting is in one of `expected`. */
export function assertMeetingState(meeting: MeetingRow, expected: readonly MeetingState[]): void {
  if (expected.includes(meeting.state)) return
  throw new AppError(
    'MEETING_WRONG_STATE',
    `The meeting is ${meeting.state}; this needs it to be ${expected.join(' or ')}`,
    { meetingId: meeting.id, state: meeting.state, expected },
  )
}

/**
 * MEETING_WRONG_STATE (with its startsAt) until the meeting has begun: who attended is known only
 * once it sits, and a vote "at a meeting" is taken while it does, not before.
 */
export function assertMeetingStarted(meeting: MeetingRow, now: Date): void {
  if (now >= new Date(meeting.starts_at)) return
  throw new AppError('MEETING_WRONG_STATE', 'The meeting has not started yet', {
    meetingId: meeting.id,
    state: meeting.state,
    startsAt: new Date(meeting.starts_at).toISOString(),
  })
}

/** Where a meeting's events go: its body, its region, and the meeting as subject. */
export function meetingPlacement(meeting: Pick<MeetingRow, 'id' | 'body_id' | 'region_id'>): EventPlacement {
  return {
    bodyId: meeting.body_id,
    regionId: meeting.region_id,
    subject: { kind: 'meeting', id: meeting.id },
  }
}
