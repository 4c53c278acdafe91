import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Principal } from '../../core/accounts/principal.ts'
import { closeDiscussion } from '../../core/deliberation/close-discussion.ts'
import { exportQuestions } from '../../core/deliberation/export-questions.ts'
import { getQuestion } from '../../core/deliberation/get-question.ts'
import { listQuestions } from '../../core/deliberation/list-questions.ts'
import { loadQuestion } from '../../core/deliberation/question-lookups.ts'
import { raiseQuestion } from '../../core/deliberation/raise-question.ts'
import { signQuestion } from '../../core/deliberation/sign-question.ts'
import { withdrawQuestion } from '../../core/deliberation/withdraw-question.ts'
import { getBody } from '../../core/orgs/get-body.ts'
import { can } from '../../core/policy/policy.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { AppError } from '../../core/shared/errors.ts'
import { QUESTION_STATES, type QuestionState } from '../../db/schema-deliberation.ts'
import { authoriseBody, inTransaction, requirePrincipal } from '../auth.ts'
import { csvDownload } from '../csv-response.ts'
import type { AuthorisedQuestion } from '../deliberation-auth.ts'
import { authoriseQuestion } from '../deliberation-auth.ts'
import type { AppEnv } from '../env.ts'
import { NO_QUESTION_PERMISSIONS, questionPermissions, takesPart } from '../question-permissions.ts'
import {
  NewInitiativeSchema,
  NewQuestionSchema,
  NoInput,
  QuestionPageSchema,
  QuestionSchema,
  QuestionSummarySchema,
  RedactedQuestionSchema,
} from '../question-schemas.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const manage = 'Admins and secretaries whose subtree holds the body (deliberation.manage).'
const read = 'Members whose own unit lies within the body, and the officers over it (body.read).'
const confidential =
  'A confidential question reads as the redacted shape (id, body, date) to everyone outside its named ' +
  'audience, officers included, until its declassification date; acting on it is 403 CONFIDENTIAL.'
const flag = z.enum(['true', 'false']).default('false')

const raiseRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/questions',
  summary: 'Put a question to the body: title, text, proposal, topic; its discussion opens at once',
  description:
    `${manage} Major or minor follows the charter’s criteria on the topic. A confidential question ` +
    '(the charter’s topics only: 422 CONFIDENTIAL_NOT_ALLOWED) names its audience and a declassification date.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewQuestionSchema) },
  responses: {
    201: jsonContent(QuestionSchema, 'Raised'),
    ...errors(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

const initiativeRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/initiatives',
  summary: 'Start a members’ initiative: it collects signatures until the charter’s share is reached',
  description:
    'The caller’s own member, a candidate or full member within the body, starts it and signs first ' +
    '(otherwise 403 NOT_IN_SCOPE with the initiative rule id). The discussion opens with the last signature needed.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewInitiativeSchema) },
  responses: { 201: jsonContent(QuestionSchema, 'Started'), ...errors(400, 401, 403, 404, 409, 413, 415) },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/questions',
  summary: 'A body’s questions, latest first, with counts per state; search by words',
  description:
    `${read} includeSubtree needs an officer’s reach (body.readTree). ${confidential} The search and the ` +
    'state filter match only questions the caller may read.',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      state: z.enum(QUESTION_STATES as [QuestionState, ...QuestionState[]]).optional(),
      q: z.string().max(200).optional().openapi({ description: 'Words in the title, text or proposal' }),
      includeSubtree: flag,
      after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: jsonContent(QuestionPageSchema, 'A page'), ...errors(400, 401, 403, 404) },
})

const exportRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/questions.csv',
  summary: 'Export a body’s questions as CSV, one row per question',
  description: `${manage} A confidential question the caller may not read is a row of id, date, body and "confidential".`,
  security: [{ session: [] }],
  request: { params: IdParams, query: z.object({ includeSubtree: flag }) },
  responses: {
    200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } },
    ...errors(400, 401, 403, 404),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/questions/{id}',
  summary: 'A question: its words, classification, signatures, discussion, support and what you may do',
  description: `${read} ${confidential}`,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(QuestionSchema, 'The question'), ...errors(400, 401, 403, 404) },
})

const signRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/signatures',
  summary: 'Sign an initiative (once per member, while it collects signatures)',
  description:
    'The caller’s own member signs: a candidate or full member within the body (else 403 NOT_IN_SCOPE with ' +
    'the initiative rule id); a second signature is 409 ALREADY_SIGNED; once collected, 409 QUESTION_WRONG_PHASE.',
  security: [{ session: [] }],
  request: { params: IdParams, body: NoInput },
  responses: { 201: jsonContent(QuestionSchema, 'Signed'), ...errors(400, 401, 403, 404, 409) },
})

const closeRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/discussion/close',
  summary: 'Close the discussion early (never before the charter’s minimum)',
  description:
    `${manage} Before the minimum: 409 DISCUSSION_TOO_EARLY with the limits rule id. At the maximum it ` +
    'closes by itself.',
  security: [{ session: [] }],
  request: { params: IdParams, body: NoInput },
  responses: { 200: jsonContent(QuestionSchema, 'Closed'), ...errors(400, 401, 403, 404, 409) },
})

const withdrawRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/withdraw',
  summary: 'Withdraw a question (officers one the body put, before the vote; the initiator while collecting)',
  description:
    `${manage} for a question the body put. A members’ initiative only by its initiator, while it collects ` +
    'signatures (403 FORBIDDEN for the officers). A question voted on or decided is 409 QUESTION_WRONG_PHASE.',
  security: [{ session: [] }],
  request: { params: IdParams, body: NoInput },
  responses: { 200: jsonContent(QuestionSchema, 'Withdrawn'), ...errors(400, 401, 403, 404, 409) },
})

/** The question as the caller reads it now, with what they may do. */
async function present(c: Context<AppEnv>, questionId: number) {
  const principal = requirePrincipal(c)
  const { database, clock } = c.var.deps
  const db = database.db
  const now = clock.now()
  const view = await getQuestion(db, { questionId, viewerMemberId: principal.memberId, now })
  if (view.redacted) return QuestionSchema.parse({ ...view, permissions: NO_QUESTION_PERMISSIONS })
  const question = await loadQuestion(db, questionId)
  const body = await getBody(db, question.body_id)
  const permissions = await questionPermissions(db, {
    principal,
    question,
    body,
    readable: true,
    now,
    signedByViewer: view.signatures.signedByViewer,
  })
  return QuestionSchema.parse({ ...view, permissions })
}

/** Officers act on a question only if they may read it: confidentiality binds them too. */
function assertReadable(authorised: AuthorisedQuestion): void {
  if (authorised.readable) return
  throw new AppError('CONFIDENTIAL', 'This question is confidential: only its named audience may act on it', {
    questionId: authorised.question.id,
  })
}

function isOfficer(principal: Principal, path: string): boolean {
  return can(principal, 'deliberation.manage', { kind: 'body', path })
}

export function registerQuestionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(raiseRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const { principal } = await authoriseBody(c, id, 'deliberation.manage')
    const question = await inTransaction(c, (ctx) =>
      raiseQuestion(ctx, {
        ...input,
        confidential: input.confidential ?? null,
        bodyId: id,
        origin: 'body',
        raisedByMemberId: principal.memberId,
      }),
    )
    return c.json(await present(c, question.id), 201)
  })

  app.openapi(initiativeRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const { principal } = await authoriseBody(c, id, 'body.read')
    const question = await inTransaction(c, (ctx) =>
      raiseQuestion(ctx, {
        ...input,
        bodyId: id,
        origin: 'initiative',
        raisedByMemberId: principal.memberId,
      }),
    )
    return c.json(await present(c, question.id), 201)
  })

  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const includeSubtree = query.includeSubtree === 'true'
    const { principal, body } = await authoriseBody(c, id, includeSubtree ? 'body.readTree' : 'body.read')
    const { database, clock } = c.var.deps
    const page = await listQuestions(database.db, {
      bodyId: id,
      viewerMemberId: principal.memberId,
      today: toIsoDate(clock.now()),
      includeSubtree,
      limit: query.limit,
      ...(query.state ? { state: query.state } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.after ? { after: query.after } : {}),
    })
    const active = body.status === 'active'
    return c.json(
      {
        items: page.items.map((item) =>
          item.redacted ? RedactedQuestionSchema.parse(item) : QuestionSummarySchema.parse(item),
        ),
        nextCursor: page.nextCursor,
        counts: page.counts,
        permissions: {
          canRaise: active && isOfficer(principal, body.path),
          canStartInitiative: active && (await takesPart(database.db, principal, body)),
          canExport: isOfficer(principal, body.path),
        },
      },
      200,
    )
  })

  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { includeSubtree } = c.req.valid('query')
    const { principal } = await authoriseBody(c, id, 'deliberation.manage')
    const { database, clock } = c.var.deps
    const chunks = exportQuestions(database.db, {
      bodyId: id,
      viewerMemberId: principal.memberId,
      today: toIsoDate(clock.now()),
      includeSubtree: includeSubtree === 'true',
    })
    return csvDownload(c, chunks, `questions-${id}.csv`)
  })

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    await authoriseQuestion(c, id)
    return c.json(await present(c, id), 200)
  })

  app.openapi(signRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal } = await authoriseQuestion(c, id)
    await inTransaction(c, (ctx) => signQuestion(ctx, { questionId: id, memberId: principal.memberId }))
    return c.json(await present(c, id), 201)
  })

  app.openapi(closeRoute, async (c) => {
    const { id } = c.req.valid('param')
    assertReadable(await authoriseQuestion(c, id, 'deliberation.manage'))
    await inTransaction(c, (ctx) => closeDiscussion(ctx, { questionId: id, reason: 'early' }))
    return c.json(await present(c, id), 200)
  })

  app.openapi(withdrawRoute, async (c) => {
    const { id } = c.req.valid('param')
    const authorised = await authoriseQuestion(c, id)
    const { principal, body, question } = authorised
    const isInitiator =
      question.origin === 'initiative' &&
      principal.memberId !== null &&
      question.raised_by_member_id === principal.memberId
    if (!isInitiator && isOfficer(principal, body.path)) {
      assertReadable(authorised)
      await inTransaction(c, (ctx) => withdrawQuestion(ctx, { questionId: id }))
    } else {
      if (principal.memberId === null) {
        throw new AppError('FORBIDDEN', 'Only its initiator or the body’s officers withdraw a question', {
          action: 'question.withdraw',
        })
      }
      const initiatorMemberId = principal.memberId
      await inTransaction(c, (ctx) => withdrawQuestion(ctx, { questionId: id, initiatorMemberId }))
    }
    return c.json(await present(c, id), 200)
  })
}
