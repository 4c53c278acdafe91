import { z } from '@hono/zod-openapi'
import { WITHHELD_REASON } from '../core/deliberation/meeting-view.ts'
import { MEETING_LIMITS } from '../core/deliberation/schedule-meeting.ts'
import { plainText } from '../core/shared/text.ts'
import { QUESTION_STATES, type QuestionState } from '../db/schema-deliberation.ts'
import { RedactedQuestionSchema } from './question-schemas.ts'

const id = z.number().int()
const instant = z.string().openapi({ example: '1923-12-08T15:00:00.000Z' })
const instantInput = z.iso
  .datetime({ offset: true })
  .openapi({ example: '1923-12-08T18:00:00+03:00', description: 'ISO 8601 with an offset' })
const date = z.iso.date().openapi({ example: '1923-12-08' })

export const NewMeetingSchema = z
  .object({
    title: plainText(MEETING_LIMITS.title).openapi({ example: 'General meeting of the mill unit' }),
    startsAt: instantInput,
    endsAt: instantInput,
    place: plainText(MEETING_LIMITS.place).optional().openapi({ example: 'Mill canteen' }),
    agendaQuestionIds: z
      .array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))
      .max(MEETING_LIMITS.agenda)
      .default([])
      .openapi({ description: 'Questions of this body, in the order they are taken up' }),
  })
  .openapi('NewMeeting')

export const AttendanceSchema = z
  .object({
    memberIds: z
      .array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))
      .max(10_000)
      .openapi({ description: 'Everyone who came; replaces any earlier list' }),
  })
  .openapi('Attendance')

export const MinutesSchema = z
  .object({ minutes: plainText(MEETING_LIMITS.minutes).openapi({ example: 'Present: 3 of 4. Agreed: …' }) })
  .openapi('Minutes')

export const MeetingListQuery = z.object({
  from: date.optional().openapi({ description: 'Meetings starting on or after this date' }),
  to: date.optional().openapi({ description: 'Meetings starting on or before this date' }),
  after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

const AgendaQuestionSchema = z
  .object({
    id,
    bodyId: id,
    raisedOn: z.string(),
    title: z.string(),
    state: z.enum(QUESTION_STATES as [QuestionState, ...QuestionState[]]),
    major: z.boolean(),
    meetingRequired: z.boolean(),
    confidential: z.boolean(),
    redacted: z.literal(false),
  })
  .openapi('AgendaQuestion')

const AgendaEntrySchema = z
  .object({ position: id, question: z.union([AgendaQuestionSchema, RedactedQuestionSchema]) })
  .openapi('AgendaEntry')

const QuorumSchema = z
  .object({
    decidingMembers: id,
    required: id,
    present: id.openapi({ description: 'Attendees who are deciding members of the body' }),
    quorate: z.boolean(),
    ruleId: z.string().nullable(),
  })
  .openapi('MeetingQuorum')

/** What the caller may do with a meeting (the policy's answer and the meeting's state). */
export const MeetingPermissionsSchema = z
  .object({
    canManage: z.boolean().openapi({ description: 'Officer over the body (deliberation.manage)' }),
    canRecordAttendance: z.boolean().openapi({ description: 'Manager, and the meeting is not cancelled' }),
    canRecordMinutes: z
      .boolean()
      .openapi({ description: 'Manager, the meeting is scheduled and has started' }),
    canCancel: z.boolean().openapi({ description: 'Manager, and the meeting is still scheduled' }),
  })
  .openapi('MeetingPermissions')

const summaryFields = {
  id,
  bodyId: id,
  bodyName: z.string(),
  title: z.string().nullable().openapi({ description: 'Null when withheld' }),
  place: z
    .string()
    .nullable()
    .openapi({ description: 'Null when withheld; empty when the meeting has none' }),
  withheld: z.boolean().openapi({
    description:
      'The agenda holds a question the caller may not read: the meeting’s title, place and minutes are withheld',
  }),
  withheldReason: z
    .literal(WITHHELD_REASON)
    .nullable()
    .openapi({ description: 'Why the meeting’s words are withheld; null when they are not' }),
  startsAt: instant,
  endsAt: instant,
  state: z.enum(['scheduled', 'held', 'cancelled']),
  sequence: id.openapi({ description: 'Counts changes (iCalendar SEQUENCE)' }),
  createdAt: instant,
  agenda: z.array(AgendaEntrySchema),
  quorum: QuorumSchema.nullable().openapi({ description: 'Null until attendance is recorded' }),
  attendanceCount: id,
  hasMinutes: z.boolean(),
}

export const MeetingSummarySchema = z.object(summaryFields).openapi('MeetingSummary')

export const MeetingSchema = z
  .object({
    ...summaryFields,
    attendance: z.array(
      z.object({
        memberId: id,
        fullName: z.string(),
        counts: z
          .boolean()
          .openapi({ description: 'A deciding member of the body: counts toward the quorum' }),
      }),
    ),
    minutes: z.string().nullable().openapi({
      description: 'The body’s record; null until recorded (see hasMinutes) or when withheld',
    }),
    permissions: MeetingPermissionsSchema,
  })
  .openapi('Meeting')

export const MeetingPageSchema = z
  .object({
    items: z.array(MeetingSummarySchema),
    nextCursor: z.string().nullable(),
    permissions: z.object({ canSchedule: z.boolean() }),
  })
  .openapi('MeetingPage')

/** An iCalendar response. */
export const calendarContent = {
  description: 'iCalendar (RFC 5545): one VEVENT per meeting, UID meeting-<id>@<host>, SEQUENCE, STATUS',
  content: { 'text/calendar': { schema: z.string() } },
} as const
