import type { Executor } from '../../db/client.ts'
import type { MeetingRow, MeetingState, QuestionState } from '../../db/schema-deliberation.ts'
import { isoInstant, toIsoDate } from '../shared/clock.ts'
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

/** Why a meeting's own words are withheld from a viewer (the only reason there is). */
export const WITHHELD_REASON = 'the agenda has a confidential item'

/**
 * A meeting in a list: everything but the attendees' names and the minutes' text. Its title and
 * place are null (and `withheld`) for a viewer who may not read every question on its agenda.
 */
export interface MeetingSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  /** Null when withheld. */
  readonly title: string | null
  /** Null when withheld; '' when the meeting has none. */
  readonly place: string | null
  /** The meeting's own words (title, place, minutes) are kept from this viewer. */
  readonly withheld: boolean
  /** WITHHELD_REASON when withheld, else null. */
  readonly withheldReason: string | null
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

/** The title that stands for a confidential question on an agenda an outsider reads. */
export const CONFIDENTIAL_TITLE = 'Confidential question'

/**
 * A meeting's agenda for one viewer, and whether the meeting's own words are withheld from them.
 * They are withheld whenever any agenda question is one the viewer may not read: the officer who
 * wrote the title, place or minutes may have named or paraphrased it there, and no text matching
 * can tell (striking out the exact title both missed paraphrases and let an officer probe a
 * guessed title by scheduling a meeting named after it).
 */
export interface MeetingAgenda {
  readonly entries: AgendaEntry[]
  readonly withheld: boolean
}

/** The agendas of some meetings as the viewer may read them, per meeting. */
export async function loadAgendas(
  db: Executor,
  meetingIds: readonly number[],
  viewerMemberId: number | null,
  today: string,
): Promise<Map<number, MeetingAgenda>> {
  const agendas = new Map<number, { entries: AgendaEntry[]; withheld: boolean }>()
  for (const meetingId of meetingIds) agendas.set(meetingId, { entries: [], withheld: false })
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
      agenda.withheld = true
    }
  }
  return agendas
}

/** The recorded quorum of a meeting, or null before attendance. */
function meetingQuorum(meeting: MeetingRow): MeetingQuorum | null {
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

/** An agenda with nothing on it (a meeting the agenda query found no rows for). */
export const EMPTY_AGENDA: MeetingAgenda = { entries: [], withheld: false }

/** A meeting row as a summary for one viewer (its agenda loaded by loadAgendas). */
export function presentMeetingSummary(
  meeting: MeetingRow & { readonly body_name: string; readonly attendance_count: number | string },
  agenda: MeetingAgenda,
): MeetingSummary {
  return {
    id: meeting.id,
    bodyId: meeting.body_id,
    bodyName: meeting.body_name,
    title: agenda.withheld ? null : meeting.title,
    place: agenda.withheld ? null : meeting.place,
    withheld: agenda.withheld,
    withheldReason: agenda.withheld ? WITHHELD_REASON : null,
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
