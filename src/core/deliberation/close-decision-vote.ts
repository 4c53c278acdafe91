import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { DecisionRow, VoteOption } from '../../db/schema-deliberation.ts'
import { countingMethods } from '../counting/methods.ts'
import { parseInput } from '../members/schemas.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { loadOpenVote } from './cast-decision-vote.ts'
import {
  decisionSetting,
  discussionRequired,
  isDiscussionCompleted,
  voteQuorum,
} from './decision-rules-check.ts'
import { loadQuestion } from './question-lookups.ts'
import { writeDecision } from './write-decision.ts'

const closeDecisionVoteInputSchema = z.object({
  questionId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

export type CloseDecisionVoteInput = z.input<typeof closeDecisionVoteInputSchema>

/**
 * The seed of a choice vote's recorded lot, derived from what the vote was when it opened (the
 * question and the instant), so anyone holding the record can redo the count and the draw.
 */
export function decisionTieBreakSeed(questionId: number, openedAt: Date): string {
  return createHash('sha256').update(`decision-vote\0${questionId}\0${openedAt.toISOString()}`).digest('hex')
}

/** The count of a choice vote: Schulze for one seat over the options; the winner is adopted. */
function countChoice(
  options: readonly VoteOption[],
  rankings: readonly (readonly number[])[],
  seed: string,
): { adopted: boolean; chosenCommentId: number | null; report: unknown } {
  const candidates = options.map((o) =>
    o.commentId === null ? 'proposal' : `counter-proposal ${o.commentId}`,
  )
  if (rankings.length === 0) {
    // Nobody ranked anything (a quorate meeting where no one voted): nothing is adopted.
    return {
      adopted: false,
      chosenCommentId: null,
      report: { method: 'schulze', tieBreakSeed: seed, options, ballots: 0 },
    }
  }
  // Identical rankings are grouped: the counting module counts weighted ballots.
  const grouped = new Map<string, { weight: number; preferences: readonly number[] }>()
  for (const ranking of rankings) {
    const key = ranking.join(',')
    const entry = grouped.get(key)
    if (entry) entry.weight += 1
    else grouped.set(key, { weight: 1, preferences: ranking })
  }
  const result = countingMethods.schulze.count({
    candidates,
    withdrawn: [],
    seats: 1,
    ballots: [...grouped.values()],
    tieBreakSeed: seed,
  })
  const winner = result.elected[0]
  const option = winner === undefined ? undefined : options[winner]
  return {
    adopted: option !== undefined,
    chosenCommentId: option?.commentId ?? null,
    report: {
      method: 'schulze',
      tieBreakSeed: seed,
      options,
      candidates,
      ballots: rankings.length,
      elected: result.elected,
      ranking: result.ranking,
      rounds: result.rounds,
      tieBreaks: result.tieBreaks,
      pairwise: result.pairwise,
    },
  }
}

/**
 * Closes the body's vote and decides the question (deliberation.manage). The charter's quorum
 * applies, counted by voteQuorum: at a meeting, its attendees who may decide; otherwise, those who
 * voted; against `share` of the body's full roll today. Short of it the vote stays open, unchanged
 * (QUORUM_NOT_MET with the rule id, the numbers required and present). A yes-no vote adopts the
 * proposal when more vote yes than no; a choice vote adopts the Schulze winner among the proposal
 * and its counter-proposals. The decision links the discussion (whether it was completed, and the
 * confidential exception when a major question's was skipped), the vote, the meeting and the
 * quorum. The vote's record (question_votes, decision_ballots) is kept.
 */
export async function closeDecisionVote(
  ctx: UseCaseContext,
  input: CloseDecisionVoteInput,
): Promise<DecisionRow> {
  const data = parseInput(closeDecisionVoteInputSchema, input, 'vote close')
  const question = await loadQuestion(ctx.db, data.questionId, 'update')
  const vote = await loadOpenVote(ctx.db, question)
  const now = ctx.clock.now()
  const setting = await decisionSetting(ctx.db, question, toIsoDate(now))
  const ballots = await ctx.db
    .selectFrom('decision_ballots')
    .select(['member_id', 'choice', 'ranking'])
    .where('question_id', '=', question.id)
    .orderBy('member_id')
    .execute()

  const quorum = await voteQuorum(
    ctx.db,
    setting,
    vote.meeting_id === null ? { ballotsOfQuestionId: question.id } : { meetingId: vote.meeting_id },
  )
  if (quorum.present < quorum.required) {
    throw new AppError(
      'QUORUM_NOT_MET',
      `${quorum.required} of the ${quorum.decidingMembers} deciding members make a quorum; ${quorum.present} ${vote.meeting_id === null ? 'voted' : 'present'}`,
      { ...quorum, questionId: question.id, meetingId: vote.meeting_id },
    )
  }
  const { version } = setting

  const completed = isDiscussionCompleted(question)
  // openDecisionVote lets a major question vote without a completed discussion only under the
  // confidential exception; checked again here so no path decides one otherwise.
  if (question.major && !completed && !question.confidential) throw discussionRequired(question)
  const exception = question.major && !completed ? 'confidential' : null

  if (vote.method === 'yes-no') {
    const counts = { yes: 0, no: 0, abstain: 0 }
    for (const ballot of ballots) if (ballot.choice) counts[ballot.choice] += 1
    return writeDecision(ctx, {
      question,
      kind: 'vote',
      outcome: counts.yes > counts.no ? 'adopted' : 'rejected',
      exception,
      discussionCompleted: completed,
      charterVersionId: version.versionId,
      decidedAt: now,
      method: 'yes-no',
      meetingId: vote.meeting_id,
      counts,
      quorum,
    })
  }
  const seed = decisionTieBreakSeed(question.id, new Date(vote.opened_at))
  const rankings = ballots.flatMap((b) => (b.ranking ? [b.ranking] : []))
  const count = countChoice(vote.options, rankings, seed)
  return writeDecision(ctx, {
    question,
    kind: 'vote',
    outcome: count.adopted ? 'adopted' : 'rejected',
    exception,
    discussionCompleted: completed,
    charterVersionId: version.versionId,
    decidedAt: now,
    method: 'choice',
    chosenCommentId: count.chosenCommentId,
    meetingId: vote.meeting_id,
    countReport: count.report,
    quorum,
  })
}
