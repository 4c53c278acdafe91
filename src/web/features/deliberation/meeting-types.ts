/** Response shapes of the meeting routes (src/api/meeting-schemas.ts), as the web app reads them. */

import type { QuestionState, RedactedQuestion } from './types.ts'

export type MeetingState = 'scheduled' | 'held' | 'cancelled'

/** A question on the agenda, for those who may read it. */
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
  readonly question: AgendaQuestion | RedactedQuestion
}

/** The quorum once attendance is recorded: deciding members present against those required. */
export interface MeetingQuorum {
  readonly decidingMembers: number
  readonly required: number
  /** Attendees who are deciding members of the body. */
  readonly present: number
  readonly quorate: boolean
  readonly ruleId: string | null
}

/**
 * A meeting in GET /bodies/:id/meetings. When its agenda holds a question the caller may not read,
 * its title, place and minutes are withheld (null, `withheld`).
 */
export interface MeetingSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly title: string | null
  /** Null when withheld; '' when the meeting has none. */
  readonly place: string | null
  readonly withheld: boolean
  /** Why the meeting's words are withheld ('the agenda has a confidential item'), else null. */
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

/** GET /meetings/:id. */
export interface Meeting extends MeetingSummary {
  readonly attendance: readonly {
    readonly memberId: number
    readonly fullName: string
    /** A deciding member of the body: counts toward the quorum. */
    readonly counts: boolean
  }[]
  /** Null until recorded (see hasMinutes) or when withheld. */
  readonly minutes: string | null
  readonly permissions: {
    readonly canManage: boolean
    readonly canRecordAttendance: boolean
    readonly canRecordMinutes: boolean
    readonly canCancel: boolean
  }
}

/** GET /bodies/:id/meetings: latest start first. */
export interface MeetingListPage {
  readonly items: readonly MeetingSummary[]
  readonly nextCursor: string | null
  readonly permissions: { readonly canSchedule: boolean }
}
