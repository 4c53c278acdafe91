import { z } from '@hono/zod-openapi'
import type { CommentView } from '../core/deliberation/list-comments.ts'
import { COMMENT_LIMITS } from '../core/deliberation/post-comment.ts'
import { COMMENT_KINDS, HIDE_REASONS } from '../db/schema-deliberation.ts'

const id = z.number().int()
const instant = z.string().openapi({ example: '1923-12-08T09:00:00.000Z' })
const kind = z.enum(COMMENT_KINDS as ['comment', 'counter-proposal', 'amendment'])

/**
 * What a member writes. The words are checked by the use case (trimmed, not empty, no control
 * characters, within the limits), so a refusal names the field the same way from every client.
 */
export const NewCommentSchema = z
  .object({
    kind: kind.default('comment'),
    body: z.string().openapi({ maxLength: COMMENT_LIMITS.body, example: 'Ten percent is too much.' }),
    parentId: id
      .positive()
      .nullable()
      .optional()
      .openapi({ description: 'Reply to a comment of this question' }),
    amendedProposal: z.string().nullable().optional().openapi({
      maxLength: COMMENT_LIMITS.amendedProposal,
      description: 'Amendments only, and required for them: the whole proposal as amended',
    }),
  })
  .openapi('NewComment')

export const HideCommentSchema = z
  .object({
    reason: z.string().openapi({
      description: `Conduct only: one of the charter criticism rule’s reasons (${HIDE_REASONS.join(', ')})`,
    }),
    note: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'For the author and auditors', maxLength: 2000 }),
  })
  .openapi('CommentHide')

const HiddenSchema = z
  .object({
    reason: z.enum(HIDE_REASONS),
    hiddenAt: instant,
    note: z.string().nullable().optional().openapi({ description: 'The author and auditors only' }),
    hiddenBy: z
      .object({ accountId: id, name: z.string() })
      .nullable()
      .optional()
      .openapi({ description: 'The author and auditors only' }),
  })
  .openapi('CommentHidden')

const SupportSchema = z.object({ count: id, supportedByMe: z.boolean() })

export const CommentSchema = z
  .object({
    id,
    questionId: id,
    parentId: id.nullable(),
    depth: id.openapi({ description: '0 for a comment on the question, 1 for a reply, …' }),
    author: z.object({ memberId: id, name: z.string() }).openapi({ description: 'Criticism is signed' }),
    kind,
    body: z.string().nullable().openapi({ description: 'Null when hidden from the caller' }),
    amendedProposal: z.string().nullable(),
    diff: z
      .array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() }))
      .nullable()
      .openapi({ description: 'Amendments: word-level changes to the question’s proposal' }),
    postedAt: instant,
    support: SupportSchema,
    hidden: HiddenSchema.nullable().openapi({ description: 'Everyone sees that it was hidden, and why' }),
    permissions: z.object({
      canHide: z.boolean().openapi({ description: 'A moderator over the body, and not hidden yet' }),
      canSupport: z.boolean().openapi({ description: 'The discussion is open and the caller takes part' }),
    }),
  })
  .openapi('Comment')

export const CommentPageSchema = z
  .object({
    questionId: id,
    proposalSupport: SupportSchema.openapi({ description: 'Support for the proposal itself' }),
    items: z.array(CommentSchema),
    nextCursor: z.string().nullable(),
    permissions: z.object({
      canComment: z.boolean().openapi({ description: 'The discussion is open and the caller takes part' }),
      canSupport: z.boolean(),
      canModerate: z.boolean().openapi({ description: 'Hide comments for conduct' }),
      canAudit: z.boolean().openapi({ description: 'Read hidden comments, their notes and who hid them' }),
    }),
  })
  .openapi('CommentPage')

export const SupportStateSchema = z
  .object({
    questionId: id,
    commentId: id.nullable().openapi({ description: 'Null: the proposal itself' }),
    supported: z.boolean(),
    count: id,
  })
  .openapi('SupportState')

/** What the caller may do, beside each comment. */
export interface CommentPermissions {
  readonly moderate: boolean
  readonly takePart: boolean
}

/** A comment as the API shows it, with what the caller may do with it. */
export function presentComment(view: CommentView, may: CommentPermissions): z.infer<typeof CommentSchema> {
  return CommentSchema.parse({
    ...view,
    permissions: { canHide: may.moderate && view.hidden === null, canSupport: may.takePart },
  })
}
