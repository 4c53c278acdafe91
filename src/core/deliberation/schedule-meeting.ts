import { z } from 'zod'
import type { MeetingRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { getActiveBody } from '../orgs/get-body.ts'
import { bodyRegion } from '../orgs/tree.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { meetingPlacement } from './meeting-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** An instant: a Date, or ISO 8601 with a time and an offset (a bare local time would be ambiguous). */
export const meetingInstant = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
])

/** Limits on a meeting's words. Minutes are long (a whole sitting), still far below the 1 MB request limit. */
export const MEETING_LIMITS = { title: 200, place: 200, minutes: 50_000, agenda: 100 } as const

export const scheduleMeetingInputSchema = z.object({
  bodyId: id,
  title: plainText(MEETING_LIMITS.title),
  startsAt: meetingInstant,
  endsAt: meetingInstant,
  place: plainText(MEETING_LIMITS.place).nullish(),
  /** The questions to take up, in order; all of the meeting's body. */
  agendaQuestionIds: z
    .array(id)
    .max(MEETING_LIMITS.agenda)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, 'a question appears on the agenda once'),
})

export type ScheduleMeetingInput = z.input<typeof scheduleMeetingInputSchema>

/**
 * Schedules a meeting of a body with an agenda of the body's own questions, in order. A
 * confidential question may be on the agenda: who may read its title is decided when the agenda is
 * shown, not here. Past times are allowed, so a secretary can enter a sitting after the fact.
 */
export async function scheduleMeeting(ctx: UseCaseContext, input: ScheduleMeetingInput): Promise<MeetingRow> {
  const data = parseInput(scheduleMeetingInputSchema, input, 'meeting')
  if (data.startsAt.getTime() >= data.endsAt.getTime()) {
    throw invalidInput('A meeting ends after it starts', [
      { path: 'endsAt', message: 'must be after startsAt' },
    ])
  }
  const body = await getActiveBody(ctx.db, data.bodyId)
  const ids = data.agendaQuestionIds
  if (ids.length > 0) {
    const questions = await ctx.db
      .selectFrom('questions')
      .select(['id', 'body_id'])
      .where('id', 'in', ids)
      .execute()
    const missing = ids.filter((q) => !questions.some((row) => row.id === q))
    if (missing.length > 0) {
      throw new AppError('QUESTION_NOT_FOUND', `No question with id ${missing.join(', ')}`, {
        questionIds: missing,
      })
    }
    const foreign = ids.flatMap((q, index) =>
      questions.some((row) => row.id === q && row.body_id !== body.id) ? [index] : [],
    )
    if (foreign.length > 0) {
      throw invalidInput(
        'A meeting takes up only questions put to its own body',
        foreign.map((index) => ({
          path: `agendaQuestionIds.${index}`,
          message: 'a question of another body',
        })),
      )
    }
  }
  const meeting = await ctx.db
    .insertInto('meetings')
    .values({
      region_id: bodyRegion(body),
      body_id: body.id,
      title: data.title,
      place: data.place ?? '',
      starts_at: data.startsAt,
      ends_at: data.endsAt,
      state: 'scheduled',
      minutes: null,
      deciding_members: null,
      quorum_required: null,
      present_count: null,
      quorum_rule_id: null,
      created_at: ctx.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  if (ids.length > 0) {
    await ctx.db
      .insertInto('meeting_agenda')
      .values(
        ids.map((questionId, index) => ({
          meeting_id: meeting.id,
          position: index + 1,
          question_id: questionId,
        })),
      )
      .execute()
  }
  await appendEvent(
    ctx,
    {
      type: 'meeting.scheduled',
      payload: {
        meetingId: meeting.id,
        startsAt: data.startsAt.toISOString(),
        endsAt: data.endsAt.toISOString(),
        agenda: ids,
      },
    },
    meetingPlacement(meeting),
  )
  return meeting
}
