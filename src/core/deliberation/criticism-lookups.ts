import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { type CommentRow, HIDE_REASONS, type HideReason } from '../../db/schema-deliberation.ts'
import { findCharterInForce } from '../charter/charter-in-force.ts'
import { AppError } from '../shared/errors.ts'
import { deliberationRules } from './deliberation-rules.ts'

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
export function discussionNotOpen(questionId: number, state: string, latestCloseAt: Date | null): AppError {
  return new AppError(
    'QUESTION_WRONG_PHASE',
    state === 'discussion'
      ? 'The discussion has reached its maximum: it takes no more contributions'
      : `The question is ${state}: contributions are taken only while its discussion is open`,
    { questionId, state, expected: ['discussion'], latestCloseAt: latestCloseAt?.toISOString() ?? null },
  )
}
