import { z } from 'zod'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { beginContribution } from './criticism-lookups.ts'
import { questionPlacement } from './question-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const setSupportInputSchema = z.object({
  questionId: id,
  /** Null: the proposal itself; otherwise a comment, counter-proposal or amendment of the question. */
  commentId: id.nullable(),
  memberId: id.nullable(),
  supported: z.boolean(),
})

export type SetSupportInput = z.input<typeof setSupportInputSchema>

/** The support of one proposal or comment after a change: how many support it, and whether the member does. */
export interface SupportState {
  readonly questionId: number
  readonly commentId: number | null
  readonly supported: boolean
  readonly count: number
  /** Whether this call changed anything (a repeated call does not, and logs nothing). */
  readonly changed: boolean
}

/**
 * A member in scope supports, or withdraws support from, the proposal or a piece of criticism,
 * while the discussion is open. Idempotent: one row per member (the primary key), and an event only
 * when the row appeared or went, so the log counts acts rather than clicks.
 */
export async function setSupport(ctx: UseCaseContext, input: SetSupportInput): Promise<SupportState> {
  const data = parseInput(setSupportInputSchema, input, 'support')
  const { question, member } = await beginContribution(ctx, data.questionId, data.memberId)
  let changed: boolean
  let count: number
  if (data.commentId === null) {
    if (data.supported) {
      const inserted = await ctx.db
        .insertInto('question_supports')
        .values({ question_id: question.id, member_id: member.id, region_id: question.region_id })
        .onConflict((oc) => oc.columns(['question_id', 'member_id']).doNothing())
        .returning('member_id')
        .execute()
      changed = inserted.length > 0
    } else {
      const deleted = await ctx.db
        .deleteFrom('question_supports')
        .where('question_id', '=', question.id)
        .where('member_id', '=', member.id)
        .returning('member_id')
        .execute()
      changed = deleted.length > 0
    }
    const row = await ctx.db
      .selectFrom('question_supports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('question_id', '=', question.id)
      .executeTakeFirstOrThrow()
    count = Number(row.n)
  } else {
    const commentId = data.commentId
    const comment = await ctx.db
      .selectFrom('question_comments')
      .select('id')
      .where('id', '=', commentId)
      .where('question_id', '=', question.id)
      .executeTakeFirst()
    if (!comment) {
      throw new AppError('COMMENT_NOT_FOUND', `No comment ${commentId} on this question`, {
        commentId,
        questionId: question.id,
      })
    }
    if (data.supported) {
      const inserted = await ctx.db
        .insertInto('comment_supports')
        .values({ comment_id: commentId, member_id: member.id, region_id: question.region_id })
        .onConflict((oc) => oc.columns(['comment_id', 'member_id']).doNothing())
        .returning('member_id')
        .execute()
      changed = inserted.length > 0
    } else {
      const deleted = await ctx.db
        .deleteFrom('comment_supports')
        .where('comment_id', '=', commentId)
        .where('member_id', '=', member.id)
        .returning('member_id')
        .execute()
      changed = deleted.length > 0
    }
    const row = await ctx.db
      .selectFrom('comment_supports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('comment_id', '=', commentId)
      .executeTakeFirstOrThrow()
    count = Number(row.n)
  }
  if (changed) {
    await appendEvent(
      ctx,
      {
        type: 'support.changed',
        payload: { questionId: question.id, commentId: data.commentId, supported: data.supported },
      },
      questionPlacement(question),
    )
  }
  return { questionId: question.id, commentId: data.commentId, supported: data.supported, count, changed }
}
