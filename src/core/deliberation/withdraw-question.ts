import { z } from 'zod'
import type { QuestionRow, QuestionState } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import {
  assertQuestionState,
  DELIBERATION_JOB_KINDS,
  loadQuestion,
  questionPlacement,
} from './question-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const withdrawQuestionInputSchema = z.object({
  questionId: id,
  /**
   * The initiator withdrawing their own initiative (their member id). Absent: the body's officers
   * withdraw it (the caller has checked `deliberation.manage`).
   */
  initiatorMemberId: id.nullable().optional(),
})

export type WithdrawQuestionInput = z.input<typeof withdrawQuestionInputSchema>

/**
 * What the body may withdraw of the questions it put itself: anything not yet put to the vote.
 * Once voting opens the ballots belong to the decision, and a decided question is the
 * organisation's record. A members' initiative is never the body's to withdraw: that would let the
 * officers undo the one way members put a question without them.
 */
export const WITHDRAWABLE_BY_BODY: readonly QuestionState[] = ['collecting', 'discussion', 'discussed']
/** The initiator's own initiative, only while it still collects signatures (the members' question after). */
const WITHDRAWABLE_BY_INITIATOR: readonly QuestionState[] = ['collecting']

/**
 * Withdraws a question: the body's officers a question the body put, while it is discussed or
 * awaits the vote; its initiator their initiative, while it collects signatures (FORBIDDEN for
 * anyone else). A decided (or voting,
 * or already withdrawn) question cannot be withdrawn: QUESTION_WRONG_PHASE. The scheduled close of
 * its discussion is cancelled; the declassification date of a confidential question still stands
 * (visibility follows the date, whatever became of the question).
 */
export async function withdrawQuestion(
  ctx: UseCaseContext,
  input: WithdrawQuestionInput,
): Promise<QuestionRow> {
  const data = parseInput(withdrawQuestionInputSchema, input, 'withdrawal')
  const question = await loadQuestion(ctx.db, data.questionId, 'update')
  const initiator = data.initiatorMemberId ?? null
  if (initiator !== null) {
    if (question.origin !== 'initiative' || question.raised_by_member_id !== initiator) {
      throw new AppError('FORBIDDEN', 'Only its initiator or the body’s officers withdraw a question', {
        action: 'question.withdraw',
        questionId: question.id,
      })
    }
    assertQuestionState(question, WITHDRAWABLE_BY_INITIATOR)
  } else {
    if (question.origin !== 'body') {
      throw new AppError(
        'FORBIDDEN',
        'A members’ initiative is withdrawn only by its initiator, while it collects signatures',
        {
          action: 'question.withdraw',
          questionId: question.id,
        },
      )
    }
    assertQuestionState(question, WITHDRAWABLE_BY_BODY)
  }
  const withdrawn = await ctx.db
    .updateTable('questions')
    .set({ state: 'withdrawn' })
    .where('id', '=', question.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.closeDiscussion, subjectId: question.id })
  await appendEvent(
    ctx,
    { type: 'question.withdrawn', payload: { questionId: question.id, fromState: question.state } },
    questionPlacement(question),
  )
  return withdrawn
}
