import { z } from 'zod'
import { COMMENT_KINDS, type CommentRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { beginContribution } from './criticism-lookups.ts'
import { questionPlacement } from './question-lookups.ts'
import { QUESTION_LIMITS } from './raise-question.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** A comment is a member's say, not a document: long enough for a reasoned objection. */
export const COMMENT_LIMITS = { body: 10_000, amendedProposal: QUESTION_LIMITS.proposal } as const

export const postCommentInputSchema = z
  .object({
    questionId: id,
    /** The member speaking: criticism is signed. Null (an account with no member) is refused. */
    memberId: id.nullable(),
    kind: z.enum(COMMENT_KINDS as [CommentRow['kind'], ...CommentRow['kind'][]]),
    body: plainText(COMMENT_LIMITS.body),
    /** A reply: a comment of the same question. */
    parentId: id.nullable().optional(),
    /** Amendments only, and required for them: the whole proposal text as amended. */
    amendedProposal: plainText(COMMENT_LIMITS.amendedProposal).nullable().optional(),
  })
  .superRefine((data, ctx) => {
    const amendment = data.kind === 'amendment'
    const hasText = data.amendedProposal !== undefined && data.amendedProposal !== null
    if (amendment && !hasText) {
      ctx.addIssue({
        code: 'custom',
        path: ['amendedProposal'],
        message: 'an amendment carries the amended text',
      })
    }
    if (!amendment && hasText) {
      ctx.addIssue({ code: 'custom', path: ['amendedProposal'], message: 'only an amendment carries one' })
    }
  })

export type PostCommentInput = z.input<typeof postCommentInputSchema>

/**
 * Posts criticism of a question: a comment, a counter-proposal, or an amendment carrying the whole
 * proposal as amended (diffed on read). Only while the discussion is open, which means before its
 * maximum even if the scheduler has not closed it yet; only by a member or candidate in the
 * body's scope (NOT_IN_SCOPE with the criticism rule), and for a confidential question only by
 * its audience (CONFIDENTIAL). The readability check comes before anything that compares with the
 * question's words, so a refusal never tells an outsider about the proposal.
 */
export async function postComment(ctx: UseCaseContext, input: PostCommentInput): Promise<CommentRow> {
  const data = parseInput(postCommentInputSchema, input, 'comment')
  const { question, member: author, now } = await beginContribution(ctx, data.questionId, data.memberId)
  const parentId = data.parentId ?? null
  if (parentId !== null) {
    const parent = await ctx.db
      .selectFrom('question_comments')
      .select('id')
      .where('id', '=', parentId)
      .where('question_id', '=', question.id)
      .executeTakeFirst()
    if (!parent) {
      throw new AppError('COMMENT_NOT_FOUND', `No comment ${parentId} on this question to reply to`, {
        commentId: parentId,
        questionId: question.id,
      })
    }
  }
  const amendedProposal = data.amendedProposal ?? null
  if (amendedProposal !== null && amendedProposal === question.proposal.trim()) {
    throw invalidInput('The amendment changes nothing: it is the proposal as it stands', [
      { path: 'amendedProposal', message: 'identical to the proposal' },
    ])
  }
  const comment = await ctx.db
    .insertInto('question_comments')
    .values({
      question_id: question.id,
      region_id: question.region_id,
      parent_id: parentId,
      author_member_id: author.id,
      kind: data.kind,
      body: data.body,
      amended_proposal: amendedProposal,
      posted_at: now,
      hidden_at: null,
      hidden_reason: null,
      hidden_note: null,
      hidden_by_account_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    {
      type: 'comment.posted',
      payload: { questionId: question.id, commentId: comment.id, kind: comment.kind, parentId },
    },
    questionPlacement(question),
  )
  return comment
}
