import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { loadMeeting } from './meeting-lookups.ts'
import { meetingQuorumBasis } from './meeting-quorum.ts'
import { EMPTY_AGENDA, loadAgendas, type MeetingSummary, presentMeetingSummary } from './meeting-view.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const getMeetingInputSchema = z.object({
  meetingId: id,
  /** The reader's own member (null: an account without one reads no confidential question). */
  viewerMemberId: id.nullable(),
  today: isoDateSchema,
})

export type GetMeetingInput = z.input<typeof getMeetingInputSchema>

/** Someone who attended, and whether they counted toward the quorum (a deciding member of the body). */
export interface Attendee {
  readonly memberId: number
  readonly fullName: string
  readonly counts: boolean
}

/** A meeting with its attendees and minutes, as one viewer may read it. */
export interface MeetingView extends MeetingSummary {
  readonly attendance: readonly Attendee[]
  /** The body's record; null before it is recorded, or when withheld (see `withheld`). */
  readonly minutes: string | null
}

/**
 * One meeting for one viewer: its agenda by the visibility rule (a confidential question the
 * viewer may not read shows only that it exists), who attended and who of them counted, the
 * quorum as recorded, and the minutes. If the agenda holds a question the viewer may not read,
 * the meeting's title, place and minutes are withheld whole (see MeetingAgenda). Whether an attendee counts is worked out again from the
 * body's deciding members on the meeting's date; the quorum figures are those recorded.
 */
export async function getMeeting(db: Executor, input: GetMeetingInput): Promise<MeetingView> {
  const data = parseInput(getMeetingInputSchema, input, 'meeting query')
  const meeting = await loadMeeting(db, data.meetingId)
  const body = await db
    .selectFrom('bodies')
    .select('name')
    .where('id', '=', meeting.body_id)
    .executeTakeFirstOrThrow()
  const attendees = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['m.id', 'm.full_name'])
    .where('a.meeting_id', '=', meeting.id)
    .orderBy('m.full_name')
    .orderBy('m.id')
    .execute()
  const deciding =
    attendees.length > 0 ? new Set((await meetingQuorumBasis(db, meeting)).decidingIds) : new Set<number>()
  const agendas = await loadAgendas(db, [meeting.id], data.viewerMemberId, data.today)
  const agenda = agendas.get(meeting.id) ?? EMPTY_AGENDA
  const summary = presentMeetingSummary(
    { ...meeting, body_name: body.name, attendance_count: attendees.length },
    agenda,
  )
  return {
    ...summary,
    attendance: attendees.map((a) => ({ memberId: a.id, fullName: a.full_name, counts: deciding.has(a.id) })),
    minutes: agenda.withheld ? null : meeting.minutes,
  }
}
