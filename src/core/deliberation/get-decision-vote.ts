import type { Executor } from '../../db/client.ts'
import { AppError } from '../shared/errors.ts'
import { loadOpenVote } from './cast-decision-vote.ts'
import { attended, decisionSetting, type VoteQuorum, voteQuorum } from './decision-rules-check.ts'
import { loadQuestion } from './question-lookups.ts'
import { canReadQuestion } from './question-visibility.ts'

/** The body's open vote on a question, as one viewer who may read the question sees it. */
export interface DecisionVoteView {
  readonly questionId: number
  readonly method: 'yes-no' | 'choice'
  readonly meetingId: number | null
  readonly openedAt: string
  /**
   * What is being voted on, by index (a choice ballot ranks these indexes): the proposal, then
   * the counter-proposals (text null for one hidden since).
   */
  readonly options: readonly {
    readonly index: number
    readonly commentId: number | null
    readonly text: string | null
  }[]
  /** How many have voted (a roll call: who voted is open). */
  readonly votesCast: number
  /** How many may vote: the body's roll, or a confidential question's roll members in its audience. */
  readonly decidingMembers: number
  /** The quorum closing the vote will need, counted as closeDecisionVote counts it (voteQuorum). */
  readonly quorum: VoteQuorum
  /** The viewer's standing: voted already, and whether they may vote now. */
  readonly me: { readonly hasVoted: boolean; readonly mayVote: boolean }
  /** Always false: outsiders to a confidential question are refused, not shown a redacted vote. */
  readonly redacted: false
}

/**
 * The open vote (QUESTION_NOT_FOUND, or QUESTION_WRONG_PHASE when none is open). Outside a
 * confidential question's audience the answer is CONFIDENTIAL whatever the question's phase, so
 * the answer cannot tell whether a vote is open. A member may vote when they are a deciding
 * member, present at the vote's meeting if it has one, and have not voted yet: the same tests
 * castDecisionVote applies.
 */
export async function getDecisionVote(
  db: Executor,
  input: { readonly questionId: number; readonly viewerMemberId: number | null; readonly today: string },
): Promise<DecisionVoteView> {
  const question = await loadQuestion(db, input.questionId)
  if (!(await canReadQuestion(db, question, input.viewerMemberId, input.today))) {
    throw new AppError('CONFIDENTIAL', 'This question is confidential: only its named audience may see it', {
      questionId: question.id,
    })
  }
  const vote = await loadOpenVote(db, question)
  const setting = await decisionSetting(db, question, input.today)
  const viewer = input.viewerMemberId
  const ballots = await db
    .selectFrom('decision_ballots')
    .select('member_id')
    .where('question_id', '=', question.id)
    .execute()
  const hasVoted = viewer !== null && ballots.some((b) => b.member_id === viewer)
  const present =
    vote.meeting_id === null || (viewer !== null && (await attended(db, vote.meeting_id, viewer)))
  const mayVote = viewer !== null && setting.deciding.includes(viewer) && present && !hasVoted
  const ids = vote.options.flatMap((o) => (o.commentId === null ? [] : [o.commentId]))
  const comments =
    ids.length === 0
      ? []
      : await db
          .selectFrom('question_comments')
          .select(['id', 'body', 'hidden_at'])
          .where('id', 'in', ids)
          .execute()
  const options = vote.options.map((option, index) => {
    const comment = comments.find((c) => c.id === option.commentId)
    const text =
      option.commentId === null ? question.proposal : comment && !comment.hidden_at ? comment.body : null
    return { index, commentId: option.commentId, text }
  })
  const quorum = await voteQuorum(
    db,
    setting,
    vote.meeting_id === null ? { ballotsOfQuestionId: question.id } : { meetingId: vote.meeting_id },
  )
  return {
    questionId: question.id,
    method: vote.method,
    meetingId: vote.meeting_id,
    openedAt: new Date(vote.opened_at).toISOString(),
    options,
    votesCast: ballots.length,
    decidingMembers: setting.deciding.length,
    quorum,
    me: { hasVoted, mayVote },
    redacted: false,
  }
}
