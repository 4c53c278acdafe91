import { daysAfterInstant } from '../shared/clock.ts'
import { AppError } from '../shared/errors.ts'
import { castDecisionVote } from './cast-decision-vote.ts'
import { closeDecisionVote } from './close-decision-vote.ts'
import { closeDiscussion } from './close-discussion.ts'
import { openDecisionVote } from './open-decision-vote.ts'
import { type RaiseQuestionInput, raiseQuestion } from './raise-question.ts'
import { recordAttendance } from './record-attendance.ts'
import { scheduleMeeting } from './schedule-meeting.ts'
import type { DeliberationTest } from './test-fixture.ts'

/** Steps the decision tests repeat, over one deliberation test database (unit A1 unless told). */
export function decisionSteps(t: DeliberationTest) {
  const raise = (input: Partial<RaiseQuestionInput> & { readonly topic: string }) =>
    t.run((ctx) =>
      raiseQuestion(ctx, {
        bodyId: t.tree.unitA1.id,
        title: `A question on ${input.topic}`,
        text: 'What the members are asked to decide.',
        proposal: 'The proposal as put.',
        origin: 'body',
        ...input,
      }),
    )

  /** A question raised now whose discussion ran its minimum (7 days) and was closed by the body. */
  async function discussed(topic: string, bodyId = t.tree.unitA1.id) {
    const question = await raise({ topic, bodyId })
    t.clock.advanceDays(7)
    await t.run((ctx) => closeDiscussion(ctx, { questionId: question.id }))
    return question
  }

  const open = (questionId: number, method: 'yes-no' | 'choice' = 'yes-no', meetingId?: number) =>
    t.run((ctx) => openDecisionVote(ctx, { questionId, method, ...(meetingId ? { meetingId } : {}) }))

  const cast = (
    questionId: number,
    memberId: number | null,
    ballot: { choice?: 'yes' | 'no' | 'abstain'; ranking?: number[] },
  ) => t.run((ctx) => castDecisionVote(ctx, { questionId, memberId, ...ballot }))

  const close = (questionId: number) => t.run((ctx) => closeDecisionVote(ctx, { questionId }))

  /** A meeting of the body tomorrow with these questions on its agenda. */
  const meeting = (agendaQuestionIds: number[], bodyId = t.tree.unitA1.id) => {
    const startsAt = daysAfterInstant(t.clock.now(), 1)
    return t.run((ctx) =>
      scheduleMeeting(ctx, {
        bodyId,
        title: 'General meeting',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        agendaQuestionIds,
      }),
    )
  }

  /** Moves the clock to the meeting's start, as the body sits: attendance and a vote at it need that. */
  const sit = (meeting: { readonly starts_at: Date }) => {
    const startsAt = new Date(meeting.starts_at)
    if (t.clock.now() < startsAt) t.clock.set(startsAt)
  }

  const attend = (meetingId: number, memberIds: number[]) =>
    t.run((ctx) => recordAttendance(ctx, { meetingId, memberIds }))

  const questionRow = (questionId: number) =>
    t.db.selectFrom('questions').selectAll().where('id', '=', questionId).executeTakeFirstOrThrow()

  const decisionOf = (questionId: number) =>
    t.db.selectFrom('decisions').selectAll().where('question_id', '=', questionId).executeTakeFirst()

  const ballotCount = async (questionId: number) =>
    (
      await t.db
        .selectFrom('decision_ballots')
        .select('member_id')
        .where('question_id', '=', questionId)
        .execute()
    ).length

  /** The AppError a step fails with (fails the test if it succeeds). */
  async function refused(step: Promise<unknown>): Promise<AppError> {
    try {
      await step
    } catch (error) {
      if (error instanceof AppError) return error
      throw error
    }
    throw new Error('expected a refusal, but the step succeeded')
  }

  return {
    refused,
    raise,
    discussed,
    open,
    cast,
    close,
    meeting,
    sit,
    attend,
    questionRow,
    decisionOf,
    ballotCount,
  }
}
