import { z } from 'zod'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { DELIBERATION_JOB_KINDS, loadQuestion, questionPlacement } from './question-lookups.ts'

const declassifyQuestionInputSchema = z.object({
  questionId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

export type DeclassifyQuestionInput = z.input<typeof declassifyQuestionInputSchema>

/**
 * The body declassifies a confidential question now, ahead of its date (deliberation.manage, the
 * caller's policy check): from today it is readable in the body's scope like any other. This is
 * how a body puts right a secret kept longer than the charter allows (a later version may shorten
 * the bound the question was raised under), and how it lifts a secret that no longer needs
 * keeping. Only the date moves: visibility follows it (question-visibility.ts), the named
 * audience stays on record, and the log gets `question.declassified` (the id only, as always),
 * so the scheduled job at the old date finds it logged and does nothing; it is cancelled anyway.
 * A question that is not confidential, or already declassified, is a CONFLICT.
 */
export async function declassifyQuestion(
  ctx: UseCaseContext,
  input: DeclassifyQuestionInput,
): Promise<QuestionRow> {
  const data = parseInput(declassifyQuestionInputSchema, input, 'declassification')
  const question = await loadQuestion(ctx.db, data.questionId, 'update')
  const today = toIsoDate(ctx.clock.now())
  if (!question.confidential || question.declassify_on === null || question.declassify_on <= today) {
    throw new AppError(
      'CONFLICT',
      question.confidential
        ? 'The question is already declassified'
        : 'The question is not confidential: there is nothing to declassify',
      { questionId: question.id, confidential: question.confidential, declassifyOn: question.declassify_on },
    )
  }
  const declassified = await ctx.db
    .updateTable('questions')
    .set({ declassify_on: today })
    .where('id', '=', question.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.declassify, subjectId: question.id })
  await appendEvent(
    ctx,
    { type: 'question.declassified', payload: { questionId: question.id } },
    questionPlacement(question),
  )
  return declassified
}
