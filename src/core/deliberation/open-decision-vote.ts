import { z } from 'zod'
import type { QuestionRow, VoteOption } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { invalidInput } from '../shared/errors.ts'
import { closeDiscussion } from './close-discussion.ts'
import { discussionRequired, isDiscussionCompleted, meetingForVote } from './decision-rules-check.ts'
import {
  assertQuestionState,
  DELIBERATION_JOB_KINDS,
  loadQuestion,
  questionPlacement,
} from './question-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const openDecisionVoteInputSchema = z.object({
  questionId: id,
  /** `yes-no`: for or against the proposal; `choice`: a ranking of the proposal and its counter-proposals. */
  method: z.enum(['yes-no', 'choice']),
  /** The meeting the vote is taken at (required where the charter says the question is decided at one). */
  meetingId: id.nullable().optional(),
})

export type OpenDecisionVoteInput = z.input<typeof openDecisionVoteInputSchema>

/** What a vote is open on: the question as it stands once its discussion closed, and the vote's record. */
export interface OpenedVote {
  readonly question: QuestionRow
  readonly method: 'yes-no' | 'choice'
  readonly meetingId: number | null
  readonly options: readonly VoteOption[]
}

/**
 * The confidential exception: a confidential question (major or minor) is decided by the body
 * without a public discussion, so its open discussion closes now whatever the minimum (a major
 * one's decision records the exception; the discussion counts as completed only if the minimum
 * had passed anyway).
 */
async function closeForConfidentialDecision(ctx: UseCaseContext, question: QuestionRow): Promise<void> {
  await ctx.db
    .updateTable('questions')
    .set({ state: 'discussed', discussion_closed_at: ctx.clock.now(), discussion_close_reason: 'early' })
    .where('id', '=', question.id)
    .execute()
  await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.closeDiscussion, subjectId: question.id })
  await appendEvent(
    ctx,
    { type: 'discussion.closed', payload: { questionId: question.id, reason: 'early' } },
    questionPlacement(question),
  )
}

/**
 * Ends the discussion, if it is still open, so the vote may start. A discussion past its maximum
 * closes as the scheduler would have closed it. Otherwise a confidential question's closes now
 * (the exception, checked first: it applies to minor and major questions alike); a minor
 * question's closes early through closeDiscussion (DISCUSSION_TOO_EARLY before the minimum); and
 * a major question is refused DISCUSSION_REQUIRED until the body has closed its discussion.
 */
async function endDiscussion(ctx: UseCaseContext, question: QuestionRow): Promise<void> {
  if (question.state !== 'discussion') return
  const latest = question.discussion_latest_close_at
  if (latest !== null && ctx.clock.now() >= latest) {
    await closeDiscussion(ctx, { questionId: question.id, reason: 'maximum' })
  } else if (question.confidential) {
    await closeForConfidentialDecision(ctx, question)
  } else if (!question.major) {
    await closeDiscussion(ctx, { questionId: question.id, reason: 'early' })
  } else {
    throw discussionRequired(question)
  }
}

/**
 * The options of a choice vote: the proposal itself, then every counter-proposal still shown, in
 * the order they were posted. A hidden counter-proposal was hidden for conduct and is not put to
 * the vote; its author may post it again in proper form while the discussion lasts.
 */
async function choiceOptions(ctx: UseCaseContext, question: QuestionRow): Promise<VoteOption[]> {
  const counters = await ctx.db
    .selectFrom('question_comments')
    .select('id')
    .where('question_id', '=', question.id)
    .where('kind', '=', 'counter-proposal')
    .where('hidden_at', 'is', null)
    .orderBy('id')
    .execute()
  return [{ commentId: null }, ...counters.map((c) => ({ commentId: c.id }))]
}

/**
 * Opens the body's vote on a question (deliberation.manage). From `discussed`, or from
 * `discussion` as endDiscussion allows. A major question that is not confidential needs its
 * discussion completed (DISCUSSION_REQUIRED citing the `major` rule), checked here and not only at
 * the close, so no ballot is cast in a vote that could never decide: a recorded discussion shorter
 * than the minimum does not count. Where the charter requires a meeting, at a meeting of the body
 * with the question on its agenda (MEETING_REQUIRED citing the `major` rule); at a meeting, only
 * once it has begun (MEETING_WRONG_STATE). A choice vote
 * needs the proposal and at least one counter-proposal (VALIDATION_FAILED). The options are fixed
 * here: later comments do not change what is being voted on.
 */
export async function openDecisionVote(
  ctx: UseCaseContext,
  input: OpenDecisionVoteInput,
): Promise<OpenedVote> {
  const data = parseInput(openDecisionVoteInputSchema, input, 'vote')
  const question = await loadQuestion(ctx.db, data.questionId, 'update')
  assertQuestionState(question, ['discussion', 'discussed'])
  // The rules first, then anything that changes: a refusal leaves the discussion as it was.
  if (question.major && !question.confidential) {
    const latest = question.discussion_latest_close_at
    const pastMaximum = latest !== null && ctx.clock.now() >= latest
    if (question.state === 'discussion' ? !pastMaximum : !isDiscussionCompleted(question)) {
      throw discussionRequired(question)
    }
  }
  const meeting = await meetingForVote(ctx.db, question, data.meetingId ?? null, ctx.clock.now())
  const options = data.method === 'choice' ? await choiceOptions(ctx, question) : [{ commentId: null }]
  if (data.method === 'choice' && options.length < 2) {
    throw invalidInput('A choice needs the proposal and at least one counter-proposal', [
      { path: 'method', message: 'there is no counter-proposal to choose from: vote yes or no' },
    ])
  }
  await endDiscussion(ctx, question)
  const now = ctx.clock.now()
  await ctx.db
    .insertInto('question_votes')
    .values({
      question_id: question.id,
      method: data.method,
      meeting_id: meeting?.id ?? null,
      options: JSON.stringify(options),
      opened_at: now,
    })
    .execute()
  const opened = await ctx.db
    .updateTable('questions')
    .set({ state: 'voting' })
    .where('id', '=', question.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    {
      type: 'decision.vote_opened',
      payload: {
        questionId: question.id,
        method: data.method,
        meetingId: meeting?.id ?? null,
        options: options.length,
      },
    },
    questionPlacement(question),
  )
  return { question: opened, method: data.method, meetingId: meeting?.id ?? null, options }
}
