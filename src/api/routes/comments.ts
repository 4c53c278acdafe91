import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { isDiscussionOpen } from '../../core/deliberation/close-discussion.ts'
import { loadComment } from '../../core/deliberation/criticism-lookups.ts'
import { deleteComment } from '../../core/deliberation/delete-comment.ts'
import { hideComment } from '../../core/deliberation/hide-comment.ts'
import { getComment, listComments } from '../../core/deliberation/list-comments.ts'
import { postComment } from '../../core/deliberation/post-comment.ts'
import { setSupport } from '../../core/deliberation/set-support.ts'
import { memberTakesPart } from '../../core/deliberation/take-part.ts'
import { can } from '../../core/policy/policy.ts'
import { inTransaction, requirePrincipal } from '../auth.ts'
import {
  CommentPageSchema,
  type CommentPermissions,
  CommentSchema,
  HideCommentSchema,
  NewCommentSchema,
  presentComment,
  SupportStateSchema,
} from '../comment-schemas.ts'
import { type AuthorisedQuestion, authoriseQuestion } from '../deliberation-auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const takePart =
  'The caller’s own member, if a full member or candidate in the body’s scope (403 NOT_IN_SCOPE with the ' +
  'criticism rule), and for a confidential question only its audience (403 CONFIDENTIAL), while the ' +
  'discussion is open (409 QUESTION_WRONG_PHASE, also past its maximum before the scheduler closed it).'
const noBody = 'Send Content-Type: application/json; the body may be empty.'

const listRoute = createRoute({
  method: 'get',
  path: '/api/questions/{id}/comments',
  summary: 'A question’s criticism in posting order (build the tree from parentId), with supports',
  description:
    'Members over whom the body stands, and its officers. A hidden comment shows its reason and date with ' +
    'its text null; its author and auditors read the text, the note and who hid it. A confidential ' +
    'question outside its audience is 403 CONFIDENTIAL (no comments, no counts).',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
  },
  responses: { 200: jsonContent(CommentPageSchema, 'A page of the thread'), ...errors(400, 401, 403, 404) },
})

const postRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/comments',
  summary: 'Criticise: a comment, a reply, a counter-proposal, or an amendment of the proposal',
  description:
    `${takePart} Text: body up to 10,000 characters, amendedProposal (amendments only, and then required, ` +
    'not identical to the proposal) up to 20,000 (400 naming the field). An unknown parent is 404.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewCommentSchema) },
  responses: { 201: jsonContent(CommentSchema, 'Posted'), ...errors(400, 401, 403, 404, 409, 413, 415) },
})

const hideRoute = createRoute({
  method: 'post',
  path: '/api/comments/{id}/hide',
  summary: 'Hide a comment for conduct, with a reason from the charter’s list',
  description:
    'Moderators over the question’s body (deliberation.moderate). Only a reason the charter’s criticism ' +
    'rule lists (400 with details.ruleId and the reasons allowed); a comment is hidden once (409). The ' +
    'text stays for its author and auditors, and everyone sees that it was hidden and why.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(HideCommentSchema) },
  responses: { 200: jsonContent(CommentSchema, 'Hidden'), ...errors(400, 401, 403, 404, 409) },
})

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/comments/{id}',
  summary: 'Criticism cannot be deleted (always 409 CRITICISM_PROTECTED)',
  description:
    'For anyone, the criticised body and administrators included: 409 CRITICISM_PROTECTED with ' +
    'details.ruleId. A moderator may only hide a comment for conduct (POST /api/comments/{id}/hide).',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { ...errors(400, 401, 404, 409) },
})

const supportResponses = {
  200: jsonContent(SupportStateSchema, 'The support as it now stands'),
  ...errors(400, 401, 403, 404, 409, 415),
}

const supportProposalRoute = createRoute({
  method: 'put',
  path: '/api/questions/{id}/support',
  summary: 'Support the question’s proposal (idempotent)',
  description: `${takePart} ${noBody}`,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: supportResponses,
})

const withdrawProposalRoute = createRoute({
  ...supportProposalRoute,
  method: 'delete',
  summary: 'Withdraw support from the question’s proposal (idempotent)',
  description: takePart,
})

const supportCommentRoute = createRoute({
  method: 'put',
  path: '/api/comments/{id}/support',
  summary: 'Support a comment, counter-proposal or amendment (idempotent)',
  description: `${takePart} ${noBody}`,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: supportResponses,
})

const withdrawCommentRoute = createRoute({
  ...supportCommentRoute,
  method: 'delete',
  summary: 'Withdraw support from a comment, counter-proposal or amendment (idempotent)',
  description: takePart,
})

/** Whether the caller may take part in the question's discussion now, and moderate or audit it. */
async function permissionsOn(
  c: Context<AppEnv>,
  { principal, question, body, readable }: AuthorisedQuestion,
): Promise<CommentPermissions & { audit: boolean }> {
  const { database, clock } = c.var.deps
  const now = clock.now()
  // A confidential question takes part only its audience: those who may read it.
  const takePart =
    readable &&
    isDiscussionOpen(question, now) &&
    (await memberTakesPart(database.db, principal.memberId, body.path))
  const target = { kind: 'body', path: body.path } as const
  return {
    takePart,
    moderate: can(principal, 'deliberation.moderate', target),
    audit: can(principal, 'deliberation.audit', target),
  }
}

/** One comment as the caller sees it, with their permissions. */
async function present(c: Context<AppEnv>, commentId: number, questionId: number) {
  const authorised = await authoriseQuestion(c, questionId)
  const { principal, today } = authorised
  const may = await permissionsOn(c, authorised)
  const view = await getComment(c.var.deps.database.db, {
    commentId,
    viewerMemberId: principal.memberId,
    viewerMayAudit: may.audit,
    today,
  })
  return presentComment(view, may)
}

/** Sets the caller's support of the proposal (commentId null) or of a comment. */
async function support(c: Context<AppEnv>, questionId: number, commentId: number | null, supported: boolean) {
  const principal = requirePrincipal(c)
  const state = await inTransaction(c, (ctx) =>
    setSupport(ctx, { questionId, commentId, memberId: principal.memberId, supported }),
  )
  return c.json(SupportStateSchema.parse(state), 200)
}

export function registerCommentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const authorised = await authoriseQuestion(c, id)
    const { principal, today } = authorised
    const may = await permissionsOn(c, authorised)
    const page = await listComments(c.var.deps.database.db, {
      questionId: id,
      viewerMemberId: principal.memberId,
      viewerMayAudit: may.audit,
      today,
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    })
    return c.json(
      CommentPageSchema.parse({
        ...page,
        items: page.items.map((view) => presentComment(view, may)),
        permissions: {
          canComment: may.takePart,
          canSupport: may.takePart,
          canModerate: may.moderate,
          canAudit: may.audit,
        },
      }),
      200,
    )
  })

  // Taking part is not a role: the use case decides who may (NOT_IN_SCOPE or CONFIDENTIAL with the rule).
  app.openapi(postRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const principal = requirePrincipal(c)
    const comment = await inTransaction(c, (ctx) =>
      postComment(ctx, { ...input, questionId: id, memberId: principal.memberId }),
    )
    return c.json(await present(c, comment.id, id), 201)
  })

  app.openapi(hideRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const comment = await loadComment(c.var.deps.database.db, id)
    const { principal } = await authoriseQuestion(c, comment.question_id, 'deliberation.moderate')
    await inTransaction(c, (ctx) =>
      hideComment(ctx, {
        commentId: id,
        reason: input.reason,
        note: input.note ?? null,
        moderatorMemberId: principal.memberId,
      }),
    )
    return c.json(await present(c, id, comment.question_id), 200)
  })

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param')
    // Always refused, and only to someone who may read the question (403 otherwise): the use case
    // answers CRITICISM_PROTECTED with the rule, and changes nothing.
    const comment = await loadComment(c.var.deps.database.db, id)
    await authoriseQuestion(c, comment.question_id)
    return inTransaction(c, (ctx) => deleteComment(ctx, { commentId: id }))
  })

  app.openapi(supportProposalRoute, async (c) => support(c, c.req.valid('param').id, null, true))
  app.openapi(withdrawProposalRoute, async (c) => support(c, c.req.valid('param').id, null, false))

  app.openapi(supportCommentRoute, async (c) => {
    const { id } = c.req.valid('param')
    requirePrincipal(c)
    const comment = await loadComment(c.var.deps.database.db, id)
    return support(c, comment.question_id, id, true)
  })
  app.openapi(withdrawCommentRoute, async (c) => {
    const { id } = c.req.valid('param')
    requirePrincipal(c)
    const comment = await loadComment(c.var.deps.database.db, id)
    return support(c, comment.question_id, id, false)
  })
}
