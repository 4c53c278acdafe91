import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { attended, decisionSetting } from './decision-rules-check.ts'
import { assertQuestionState, loadQuestion, questionPlacement } from './question-lookups.ts'
import { canReadQuestion } from './question-visibility.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const castDecisionVoteInputSchema = z.object({
  questionId: id,
  /** The member voting (the signed-in account's member); null is refused NOT_IN_ELECTORATE. */
  memberId: id.nullable(),
  /** A yes-no vote: for, against, or abstaining. */
  choice: z.enum(['yes', 'no', 'abstain']).optional(),
  /** A choice vote: option indexes (as the open vote lists them), most preferred first. */
  ranking: z.array(z.number().int().min(0).max(1000)).max(1000).optional(),
})

export type CastDecisionVoteInput = z.input<typeof castDecisionVoteInputSchema>

/** The open vote on a question, or QUESTION_WRONG_PHASE when none is open. */
export async function loadOpenVote(db: Executor, question: QuestionRow) {
  assertQuestionState(question, ['voting'])
  return db
    .selectFrom('question_votes')
    .selectAll()
    .where('question_id', '=', question.id)
    .executeTakeFirstOrThrow()
}

function invalidBallot(message: string, details: object): AppError {
  return new AppError('INVALID_BALLOT', message, details)
}

/** INVALID_BALLOT unless the ballot fits the method: a choice for yes-no, a ranking of known options otherwise. */
function checkBallot(
  method: 'yes-no' | 'choice',
  optionCount: number,
  choice: 'yes' | 'no' | 'abstain' | undefined,
  ranking: readonly number[] | undefined,
): void {
  if (method === 'yes-no') {
    if (choice === undefined || ranking !== undefined) {
      throw invalidBallot('This vote is yes, no or abstain: send `choice` only', { method })
    }
    return
  }
  if (ranking === undefined || choice !== undefined) {
    throw invalidBallot('This vote ranks the options: send `ranking` only', { method })
  }
  if (ranking.length === 0) throw invalidBallot('Rank at least one option', { method })
  const unknown = ranking.filter((index) => index >= optionCount)
  if (unknown.length > 0) {
    throw invalidBallot(`No option ${unknown.join(', ')}: the options are 0 to ${optionCount - 1}`, {
      method,
      unknownOptions: unknown,
    })
  }
  if (new Set(ranking).size !== ranking.length) {
    throw invalidBallot('Each option is ranked at most once', { method })
  }
}

/**
 * A deciding member votes on the question before the body. A body's vote is a roll call, not a
 * secret ballot: each vote is recorded against the member (decision_ballots), because members
 * answer to the organisation for how they decided in its bodies. Only the body's deciding members
 * vote (of a confidential question, those of them in its audience: others named there read and
 * comment, no more), and at a meeting only those present
 * (NOT_IN_ELECTORATE); each once (ALREADY_VOTED: the primary key decides between two concurrent
 * votes of the same member, so a race cannot count twice).
 */
export async function castDecisionVote(ctx: UseCaseContext, input: CastDecisionVoteInput): Promise<void> {
  const data = parseInput(castDecisionVoteInputSchema, input, 'vote')
  // A share lock: the vote cannot close under a ballot being cast.
  const question = await loadQuestion(ctx.db, data.questionId, 'share')
  const now = ctx.clock.now()
  const memberId = data.memberId
  const notDeciding = () =>
    new AppError('NOT_IN_ELECTORATE', 'Only the deciding members of the body vote on its questions', {
      questionId: question.id,
      memberId,
    })
  // A confidential question's voters are all in its audience: anyone outside it is refused before
  // loadOpenVote could tell them its phase, which its redacted shape withholds.
  if (!(await canReadQuestion(ctx.db, question, memberId, toIsoDate(now)))) throw notDeciding()
  const vote = await loadOpenVote(ctx.db, question)
  const { deciding } = await decisionSetting(ctx.db, question, toIsoDate(now))
  if (memberId === null || !deciding.includes(memberId)) throw notDeciding()
  if (vote.meeting_id !== null && !(await attended(ctx.db, vote.meeting_id, memberId))) {
    throw new AppError('NOT_IN_ELECTORATE', 'This vote is taken at a meeting: only those present vote', {
      questionId: question.id,
      memberId,
      meetingId: vote.meeting_id,
    })
  }
  checkBallot(vote.method, vote.options.length, data.choice, data.ranking)
  const inserted = await ctx.db
    .insertInto('decision_ballots')
    .values({
      question_id: question.id,
      member_id: memberId,
      region_id: question.region_id,
      choice: data.choice ?? null,
      ranking: data.ranking ?? null,
      cast_at: now,
    })
    .onConflict((oc) => oc.columns(['question_id', 'member_id']).doNothing())
    .returning('member_id')
    .executeTakeFirst()
  if (!inserted) {
    throw new AppError('ALREADY_VOTED', 'You have already voted on this question', {
      questionId: question.id,
      memberId,
    })
  }
  await appendEvent(
    ctx,
    { type: 'decision.vote_cast', payload: { questionId: question.id, memberId } },
    questionPlacement(question),
  )
}
