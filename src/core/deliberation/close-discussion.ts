import { z } from 'zod'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
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

const closeDiscussionInputSchema = z.object({
  questionId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** `early`: the body closes it before the maximum; `maximum`: the scheduler, at the maximum. */
  reason: z.enum(['early', 'maximum']).default('early'),
})

export type CloseDiscussionInput = z.input<typeof closeDiscussionInputSchema>

/**
 * Closes a question's discussion; the question then awaits the body's vote. The body may close it
 * early, but never before the charter's minimum (DISCUSSION_TOO_EARLY with the limits rule id).
 * At the maximum the scheduler closes it; if the server was down then, the close records the
 * maximum as its time, because that is when the rules ended it (and no comment was accepted after
 * it: posting checks the maximum too). Closing early cancels the scheduled close.
 */
export async function closeDiscussion(
  ctx: UseCaseContext,
  input: CloseDiscussionInput,
): Promise<QuestionRow> {
  const data = parseInput(closeDiscussionInputSchema, input, 'discussion close')
  const question = await loadQuestion(ctx.db, data.questionId, 'update')
  assertQuestionState(question, ['discussion'])
  const now = ctx.clock.now()
  const earliest = question.discussion_earliest_close_at
  const latest = question.discussion_latest_close_at
  if (data.reason === 'early' && earliest !== null && now < earliest) {
    throw new AppError(
      'DISCUSSION_TOO_EARLY',
      `The discussion must stay open until ${earliest.toISOString()} (${question.limits_rule_id ?? 'the charter'})`,
      {
        ruleId: question.limits_rule_id,
        earliestCloseAt: earliest.toISOString(),
        minimumDays: question.minimum_days,
      },
    )
  }
  if (data.reason === 'maximum' && (latest === null || now < latest)) {
    throw new AppError('QUESTION_WRONG_PHASE', 'The discussion has not reached its maximum', {
      questionId: question.id,
      latestCloseAt: latest?.toISOString() ?? null,
    })
  }
  // A close asked for once the maximum has passed (the scheduler had not run yet) is the
  // maximum's close: the rules ended the discussion then, not when someone noticed.
  const pastMaximum = latest !== null && latest <= now
  const reason = pastMaximum ? 'maximum' : data.reason
  const closedAt = pastMaximum ? latest : now
  const closed = await ctx.db
    .updateTable('questions')
    .set({ state: 'discussed', discussion_closed_at: closedAt, discussion_close_reason: reason })
    .where('id', '=', question.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (data.reason === 'early') {
    await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.closeDiscussion, subjectId: question.id })
  }
  await appendEvent(
    ctx,
    { type: 'discussion.closed', payload: { questionId: question.id, reason } },
    questionPlacement(question),
  )
  return closed
}

/** Whether the discussion is open for contributions now: in discussion and before its maximum. */
export function isDiscussionOpen(question: QuestionRow, now: Date): boolean {
  if (question.state !== 'discussion') return false
  return question.discussion_latest_close_at === null || now < question.discussion_latest_close_at
}
