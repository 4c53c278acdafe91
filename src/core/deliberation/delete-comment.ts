import { getBody } from '../orgs/get-body.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { criticismRuleFor, loadComment } from './criticism-lookups.ts'
import { loadQuestion } from './question-lookups.ts'

/**
 * There is no deletion of criticism, for anyone: the body whose proposal is criticised must not be
 * able to make criticism disappear, and an administrator is no exception (the database has no
 * delete path for comments either). The request is answered, not ignored: an unknown comment is
 * COMMENT_NOT_FOUND, any other CRITICISM_PROTECTED citing the criticism rule, and nothing changes.
 */
export async function deleteComment(
  ctx: UseCaseContext,
  input: { readonly commentId: number },
): Promise<never> {
  const comment = await loadComment(ctx.db, input.commentId)
  const question = await loadQuestion(ctx.db, comment.question_id)
  const body = await getBody(ctx.db, question.body_id)
  const rule = await criticismRuleFor(ctx.db, body, toIsoDate(ctx.clock.now()))
  throw new AppError(
    'CRITICISM_PROTECTED',
    'Criticism cannot be deleted; a moderator may only hide it for conduct, with a reason',
    { ruleId: rule.ruleId, commentId: comment.id, hideReasons: rule.hideReasons },
  )
}
