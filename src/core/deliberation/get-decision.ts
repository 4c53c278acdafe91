import type { Executor } from '../../db/client.ts'
import type { VoteOption } from '../../db/schema-deliberation.ts'
import { AppError } from '../shared/errors.ts'
import {
  type DecisionJoinedRow,
  type DecisionView,
  presentReadableDecision,
  type RedactedDecision,
  redactDecision,
  selectDecisions,
} from './present-decision.ts'

/** One option of a choice vote as decided: the proposal or a counter-proposal, with its words. */
export interface DecidedOption {
  readonly index: number
  /** Null for the proposal itself. */
  readonly commentId: number | null
  /** The words put to the vote; null when a moderator later hid the counter-proposal for conduct. */
  readonly text: string | null
  readonly chosen: boolean
}

/** A decision in full: the list's view plus the options voted on and the count's report. */
export interface DecisionDetail extends DecisionView {
  /** Choice votes only, and only for those who may read the question. */
  readonly options: readonly DecidedOption[] | null
  /** The count's round report (Schulze: pairwise tallies, strongest paths, tie-breaks and seed). */
  readonly countReport: unknown
}

/**
 * One decision as the viewer may see it (DECISION_NOT_FOUND for an unknown id): whole, with a
 * choice vote's options in their words, or outside a confidential question's audience redacted to
 * its id, body and date.
 */
export async function getDecision(
  db: Executor,
  input: { readonly decisionId: number; readonly viewerMemberId: number | null; readonly today: string },
): Promise<DecisionDetail | RedactedDecision> {
  const row: DecisionJoinedRow | undefined = await selectDecisions(db, input.viewerMemberId, input.today)
    .where('decisions.id', '=', input.decisionId)
    .executeTakeFirst()
  if (!row) {
    throw new AppError('DECISION_NOT_FOUND', `No decision with id ${input.decisionId}`, {
      decisionId: input.decisionId,
    })
  }
  if (!row.readable) return redactDecision(row)
  const view = presentReadableDecision(row, input.today)
  let options: DecidedOption[] | null = null
  if (row.method === 'choice') {
    const vote = await db
      .selectFrom('question_votes')
      .innerJoin('questions', 'questions.id', 'question_votes.question_id')
      .select(['question_votes.options', 'questions.proposal'])
      .where('question_votes.question_id', '=', row.question_id)
      .executeTakeFirst()
    const voted: readonly VoteOption[] = vote?.options ?? []
    const ids = voted.flatMap((o) => (o.commentId === null ? [] : [o.commentId]))
    const comments =
      ids.length === 0
        ? []
        : await db
            .selectFrom('question_comments')
            .select(['id', 'body', 'hidden_at'])
            .where('id', 'in', ids)
            .execute()
    options = voted.map((option, index) => {
      const comment = comments.find((c) => c.id === option.commentId)
      const text =
        option.commentId === null
          ? (vote?.proposal ?? null)
          : comment && !comment.hidden_at
            ? comment.body
            : null
      return {
        index,
        commentId: option.commentId,
        text,
        chosen: row.outcome === 'adopted' && option.commentId === row.chosen_comment_id,
      }
    })
  }
  return { ...view, options, countReport: row.count_report ?? null }
}
