import type { Executor } from '../../db/client.ts'
import { AppError } from '../shared/errors.ts'
import { loadOpenVote } from './cast-decision-vote.ts'
import { attended, decisionSetting } from './decision-rules-check.ts'
import { quorumFor } from './deliberation-rules.ts'
import { loadMeeting } from './meeting-lookups.ts'
import { loadQuestion } from './question-lookups.ts'
import { canReadQuestion } from './question-visibility.ts'

/** The body's open vote on a question, as one viewer sees it. */
export interface DecisionVoteView {
  readonly questionId: number
  /** Null when redacted (a choice would tell outsiders there are counter-proposals). */
  readonly method: 'yes-no' | 'choice' | null
  readonly meetingId: number | null
  readonly openedAt: string
  /**
   * What is being voted on, by index (a choice ballot ranks these indexes): the proposal, then
   * the counter-proposals. Null outside a confidential question's audience.
   */
  readonly options:
    | readonly { readonly index: number; readonly commentId: number | null; readonly text: string | null }[]
    | null
  /** How many have voted (a roll call: who voted is open); null when redacted. */
  readonly votesCast: number | null
  readonly decidingMembers: number | null
  /**
   * The quorum closing the vote will need, counted as closeDecisionVote counts it: at a meeting,
   * its deciding members present; otherwise, the deciding members who voted. Null when redacted.
   */
  readonly quorum: {
    readonly decidingMembers: number
    readonly required: number
    readonly present: number
    readonly ruleId: string | null
  } | null
  /** The viewer's standing: voted already, and whether they may vote now. */
  readonly me: { readonly hasVoted: boolean; readonly mayVote: boolean }
  readonly redacted: boolean
}

/**
 * The open vote (QUESTION_NOT_FOUND, or QUESTION_WRONG_PHASE when none is open). A member may
 * vote when they are a deciding member, present at the vote's meeting if it has one, and have not
 * voted yet: the same tests castDecisionVote applies.
 */
export async function getDecisionVote(
  db: Executor,
  input: { readonly questionId: number; readonly viewerMemberId: number | null; readonly today: string },
): Promise<DecisionVoteView> {
  const question = await loadQuestion(db, input.questionId)
  const readable = await canReadQuestion(db, question, input.viewerMemberId, input.today)
  // Outside a confidential question's audience its phase is withheld too (the redacted shape has
  // none), so "no vote open" must not name the state the way loadOpenVote's refusal does.
  if (!readable && question.state !== 'voting') {
    throw new AppError('QUESTION_WRONG_PHASE', 'No vote is open on this question', {
      questionId: question.id,
    })
  }
  const vote = await loadOpenVote(db, question)
  const { deciding, rules } = await decisionSetting(db, question, input.today)
  const viewer = input.viewerMemberId
  const ballots = await db
    .selectFrom('decision_ballots')
    .select('member_id')
    .where('question_id', '=', question.id)
    .execute()
  const hasVoted = viewer !== null && ballots.some((b) => b.member_id === viewer)
  const present =
    vote.meeting_id === null || (viewer !== null && (await attended(db, vote.meeting_id, viewer)))
  const mayVote = viewer !== null && deciding.includes(viewer) && present && !hasVoted
  let options: DecisionVoteView['options'] = null
  if (readable) {
    const ids = vote.options.flatMap((o) => (o.commentId === null ? [] : [o.commentId]))
    const comments =
      ids.length === 0
        ? []
        : await db
            .selectFrom('question_comments')
            .select(['id', 'body', 'hidden_at'])
            .where('id', 'in', ids)
            .execute()
    options = vote.options.map((option, index) => {
      const comment = comments.find((c) => c.id === option.commentId)
      const text =
        option.commentId === null ? question.proposal : comment && !comment.hidden_at ? comment.body : null
      return { index, commentId: option.commentId, text }
    })
  }
  const decidingSet = new Set(deciding)
  const counted =
    vote.meeting_id === null
      ? ballots.filter((b) => decidingSet.has(b.member_id)).length
      : ((await loadMeeting(db, vote.meeting_id)).present_count ?? 0)
  const quorum = readable
    ? {
        decidingMembers: deciding.length,
        required: quorumFor(rules.quorum?.share ?? 0, deciding.length),
        present: counted,
        ruleId: rules.quorum?.id ?? null,
      }
    : null
  return {
    questionId: question.id,
    method: readable ? vote.method : null,
    meetingId: vote.meeting_id,
    openedAt: new Date(vote.opened_at).toISOString(),
    options,
    votesCast: readable ? ballots.length : null,
    decidingMembers: readable ? deciding.length : null,
    quorum,
    me: { hasVoted, mayVote },
    redacted: !readable,
  }
}
