import type { Executor } from '../../db/client.ts'
import type { BodyRow, MemberRow } from '../../db/schema.ts'
import {
  type CommentRow,
  HIDE_REASONS,
  type HideReason,
  type QuestionRow,
} from '../../db/schema-deliberation.ts'
import { findCharterInForce } from '../charter/charter-in-force.ts'
import { getBody } from '../orgs/get-body.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { isDiscussionOpen } from './close-discussion.ts'
import { deliberationRules } from './deliberation-rules.ts'
import { loadQuestion } from './question-lookups.ts'
import { assertMayTakePart } from './take-part.ts'

/** Shared reads of the free-criticism use cases: the charter's criticism rule and one comment. */

/** The criticism rule that applies to a body today: its id (cited by refusals) and the hide reasons it allows. */
export interface CriticismRule {
  readonly ruleId: string | null
  readonly hideReasons: readonly HideReason[]
}

/**
 * The charter in force today governs taking part and moderating (not the version the question was
 * raised under: a moderator acts under today's rules). Without a criticism rule the refusals cite
 * no rule id, and hiding is still bounded by Charter's fixed list of conduct reasons, because
 * hiding for an opinion is never allowed whatever the charter says.
 */
export async function criticismRuleFor(
  db: Executor,
  body: Pick<BodyRow, 'level'>,
  today: string,
): Promise<CriticismRule> {
  const version = await findCharterInForce(db, today)
  const rule = version ? deliberationRules(version.document, body.level).criticism : null
  return { ruleId: rule?.id ?? null, hideReasons: rule ? rule.hideReasons : HIDE_REASONS }
}

/** Loads a comment, or COMMENT_NOT_FOUND; `lock` when the row is about to change (a hide). */
export async function loadComment(db: Executor, commentId: number, lock = false): Promise<CommentRow> {
  let query = db.selectFrom('question_comments').selectAll().where('id', '=', commentId)
  if (lock) query = query.forUpdate()
  const comment = await query.executeTakeFirst()
  if (!comment) throw new AppError('COMMENT_NOT_FOUND', `No comment with id ${commentId}`, { commentId })
  return comment
}

/** QUESTION_WRONG_PHASE: contributions are accepted only while the discussion is open. */
function discussionNotOpen(questionId: number, state: string, latestCloseAt: Date | null): AppError {
  return new AppError(
    'QUESTION_WRONG_PHASE',
    state === 'discussion'
      ? 'The discussion has reached its maximum: it takes no more contributions'
      : `The question is ${state}: contributions are taken only while its discussion is open`,
    { questionId, state, expected: ['discussion'], latestCloseAt: latestCloseAt?.toISOString() ?? null },
  )
}

/** A member about to contribute to an open discussion, with what the contribution needs. */
export interface Contribution {
  readonly question: QuestionRow
  readonly body: BodyRow
  readonly member: MemberRow
  readonly rule: CriticismRule
  readonly now: Date
}

/**
 * The checks every contribution (a comment, a support) makes, in the order that leaks nothing:
 * the question (share-locked, so its discussion cannot close under the contribution), the member
 * taking part (NOT_IN_SCOPE with the criticism rule; CONFIDENTIAL outside a confidential
 * question's audience) before anything about its words, then the discussion being open
 * (before its maximum even if the scheduler has not closed it yet).
 */
export async function beginContribution(
  ctx: UseCaseContext,
  questionId: number,
  memberId: number | null,
): Promise<Contribution> {
  const question = await loadQuestion(ctx.db, questionId, 'share')
  const body = await getBody(ctx.db, question.body_id)
  const now = ctx.clock.now()
  const today = toIsoDate(now)
  const rule = await criticismRuleFor(ctx.db, body, today)
  const member = await assertMayTakePart(ctx.db, { memberId, body, ruleId: rule.ruleId, question, today })
  if (!isDiscussionOpen(question, now)) {
    throw discussionNotOpen(question.id, question.state, question.discussion_latest_close_at)
  }
  return { question, body, member, rule, now }
}
