import type { Executor } from '../../db/client.ts'
import type { MeetingRow, MeetingState, QuestionState } from '../../db/schema-deliberation.ts'
import { toIsoDate } from '../shared/clock.ts'
import { isoInstant } from './meeting-lookups.ts'
import { contentVisibleSql, type RedactedQuestion, redactQuestion } from './question-visibility.ts'

/** How a meeting reads to one viewer: shared by the meeting, the list and the calendar export. */

/** A question on the agenda that the viewer may read. */
export interface AgendaQuestion {
  readonly id: number
  readonly bodyId: number
  readonly raisedOn: string
  readonly title: string
  readonly state: QuestionState
  readonly major: boolean
  readonly meetingRequired: boolean
  readonly confidential: boolean
  readonly redacted: false
}

export interface AgendaEntry {
  readonly position: number
  /** The question, or only that a confidential question is taken up (the visibility rule). */
  readonly question: AgendaQuestion | RedactedQuestion
}

/** The quorum as recorded with the attendance. */
export interface MeetingQuorum {
  readonly decidingMembers: number
  readonly required: number
  readonly present: number
  readonly quorate: boolean
  readonly ruleId: string | null
}

/** A meeting in a list: everything but the attendees' names and the minutes' text. */
export interface MeetingSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly title: string
  readonly place: string
  readonly startsAt: string
  readonly endsAt: string
  readonly state: MeetingState
  readonly sequence: number
  readonly createdAt: string
  readonly agenda: readonly AgendaEntry[]
  /** Null until attendance is recorded. */
  readonly quorum: MeetingQuorum | null
  readonly attendanceCount: number
  readonly hasMinutes: boolean
}

/** The title that replaces a confidential question's own wherever an outsider would read it. */
export const CONFIDENTIAL_TITLE = 'Confidential question'

/**
 * Free text of the body's record (a meeting's title, place, minutes) with the titles of agenda
 * questions the viewer may not read struck out, case-insensitively: the minutes are readable by
 * whoever reads the body, but a confidential question's title must reach only its audience.
 */
export function withoutTitles(text: string, hiddenTitles: readonly string[]): string {
  let result = text
  for (const title of hiddenTitles) {
    if (title === '') continue
    const pattern = new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu')
    result = result.replace(pattern, `[${CONFIDENTIAL_TITLE}]`)
  }
  return result
}

/** The agendas of some meetings as the viewer may read them, and the titles withheld from them per meeting. */
export async function loadAgendas(
  db: Executor,
  meetingIds: readonly number[],
  viewerMemberId: number | null,
  today: string,
): Promise<Map<number, { entries: AgendaEntry[]; hiddenTitles: string[] }>> {
  const agendas = new Map<number, { entries: AgendaEntry[]; hiddenTitles: string[] }>()
  for (const meetingId of meetingIds) agendas.set(meetingId, { entries: [], hiddenTitles: [] })
  if (meetingIds.length === 0) return agendas
  const rows = await db
    .selectFrom('meeting_agenda as a')
    .innerJoin('questions', 'questions.id', 'a.question_id')
    .select([
      'a.meeting_id',
      'a.position',
      'questions.id',
      'questions.body_id',
      'questions.raised_at',
      'questions.title',
      'questions.state',
      'questions.major',
      'questions.meeting_required',
      'questions.confidential',
      contentVisibleSql(viewerMemberId, today).as('readable'),
    ])
    .where('a.meeting_id', 'in', [...meetingIds])
    .orderBy('a.meeting_id')
    .orderBy('a.position')
    .execute()
  for (const row of rows) {
    const agenda = agendas.get(row.meeting_id)
    if (!agenda) continue
    if (row.readable) {
      agenda.entries.push({
        position: row.position,
        question: {
          id: row.id,
          bodyId: row.body_id,
          raisedOn: toIsoDate(new Date(row.raised_at)),
          title: row.title,
          state: row.state,
          major: row.major,
          meetingRequired: row.meeting_required,
          confidential: row.confidential,
          redacted: false,
        },
      })
    } else {
      agenda.entries.push({ position: row.position, question: redactQuestion(row) })
      agenda.hiddenTitles.push(row.title)
    }
  }
  return agendas
}

/** The recorded quorum of a meeting, or null before attendance. */
export function meetingQuorum(meeting: MeetingRow): MeetingQuorum | null {
  if (
    meeting.quorum_required === null ||
    meeting.present_count === null ||
    meeting.deciding_members === null
  ) {
    return null
  }
  return {
    decidingMembers: meeting.deciding_members,
    required: meeting.quorum_required,
    present: meeting.present_count,
    quorate: meeting.present_count >= meeting.quorum_required,
    ruleId: meeting.quorum_rule_id,
  }
}

/** A meeting row as a summary for one viewer (its agenda loaded by loadAgendas). */
export function presentMeetingSummary(
  meeting: MeetingRow & { readonly body_name: string; readonly attendance_count: number | string },
  agenda: { readonly entries: AgendaEntry[]; readonly hiddenTitles: readonly string[] },
): MeetingSummary {
  return {
    id: meeting.id,
    bodyId: meeting.body_id,
    bodyName: meeting.body_name,
    title: withoutTitles(meeting.title, agenda.hiddenTitles),
    place: withoutTitles(meeting.place, agenda.hiddenTitles),
    startsAt: isoInstant(meeting.starts_at),
    endsAt: isoInstant(meeting.ends_at),
    state: meeting.state,
    sequence: meeting.sequence,
    createdAt: isoInstant(meeting.created_at),
    agenda: agenda.entries,
    quorum: meetingQuorum(meeting),
    attendanceCount: Number(meeting.attendance_count),
    hasMinutes: meeting.minutes !== null,
  }
}
