import { z } from 'zod'
import type { CommentRow, HideReason } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { criticismRuleFor, loadComment } from './criticism-lookups.ts'
import { assertCanReadQuestion, loadQuestion, questionPlacement } from './question-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const hideCommentInputSchema = z.object({
  commentId: id,
  /** Checked against the charter's list below, so the refusal can cite the rule and its reasons. */
  reason: z.string().max(60),
  /** The moderator's note for the author and auditors (members see only the reason). */
  note: plainText(2_000).nullable().optional(),
  /** The moderator as a member, for a confidential question's audience check (null: no member). */
  moderatorMemberId: id.nullable(),
})

export type HideCommentInput = z.input<typeof hideCommentInputSchema>

/**
 * Hides a comment for conduct, never for its opinion: the reason must be one the charter's
 * criticism rule lists (VALIDATION_FAILED citing the rule and the reasons allowed). The row keeps
 * its text for the author and auditors; members see that it was hidden and why, and the hide is
 * an event. A comment is hidden once (CONFLICT). Whoever may moderate is the route's policy
 * (`deliberation.moderate`); a confidential question's comments are judged only by its audience,
 * since nobody else may read them. Allowed in any phase: conduct does not expire with the discussion.
 */
export async function hideComment(ctx: UseCaseContext, input: HideCommentInput): Promise<CommentRow> {
  const data = parseInput(hideCommentInputSchema, input, 'hide')
  const comment = await loadComment(ctx.db, data.commentId, true)
  const question = await loadQuestion(ctx.db, comment.question_id)
  const now = ctx.clock.now()
  const today = toIsoDate(now)
  await assertCanReadQuestion(ctx.db, question, data.moderatorMemberId, today)
  const body = await getBody(ctx.db, question.body_id)
  const rule = await criticismRuleFor(ctx.db, body, today)
  if (!rule.hideReasons.includes(data.reason as HideReason)) {
    throw invalidInput(
      `Criticism is hidden only for conduct: ${rule.hideReasons.join(', ')} (${rule.ruleId ?? 'Charter'})`,
      [{ path: 'reason', message: `must be one of ${rule.hideReasons.join(', ')}` }],
      { ruleId: rule.ruleId, allowed: rule.hideReasons },
    )
  }
  if (comment.hidden_at !== null) {
    throw new AppError('CONFLICT', 'This comment is already hidden', {
      commentId: comment.id,
      hiddenAt: comment.hidden_at.toISOString(),
      reason: comment.hidden_reason,
    })
  }
  const reason = data.reason as HideReason
  const hidden = await ctx.db
    .updateTable('question_comments')
    .set({
      hidden_at: now,
      hidden_reason: reason,
      hidden_note: data.note ?? null,
      hidden_by_account_id: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
    })
    .where('id', '=', comment.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'comment.hidden', payload: { questionId: question.id, commentId: comment.id, reason } },
    questionPlacement(question),
  )
  return hidden
}
