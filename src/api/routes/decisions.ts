import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { castDecisionVote } from '../../core/deliberation/cast-decision-vote.ts'
import { closeDecisionVote } from '../../core/deliberation/close-decision-vote.ts'
import { decideUrgently } from '../../core/deliberation/decide-urgently.ts'
import { getDecision } from '../../core/deliberation/get-decision.ts'
import { getDecisionVote } from '../../core/deliberation/get-decision-vote.ts'
import { listDecisions } from '../../core/deliberation/list-decisions.ts'
import { openDecisionVote } from '../../core/deliberation/open-decision-vote.ts'
import { loadQuestion } from '../../core/deliberation/question-lookups.ts'
import { canReadQuestion } from '../../core/deliberation/question-visibility.ts'
import { loadDecision, ratifyDecision } from '../../core/deliberation/ratify-decision.ts'
import { recordPastDeliberation } from '../../core/deliberation/record-past-deliberation.ts'
import { can } from '../../core/policy/policy.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { AppError } from '../../core/shared/errors.ts'
import { authoriseBody, inTransaction } from '../auth.ts'
import {
  BallotSchema,
  DecisionListItemSchema,
  DecisionPageSchema,
  DecisionReadSchema,
  DecisionSchema,
  DecisionVoteSchema,
  NewVoteSchema,
  PastDeliberationResultSchema,
  PastDeliberationSchema,
  RatificationSchema,
  RedactedDecisionSchema,
  UrgentDecisionSchema,
} from '../decision-schemas.ts'
import { type AuthorisedQuestion, authoriseQuestion } from '../deliberation-auth.ts'
import type { AppEnv } from '../env.ts'
import { NoInput } from '../question-schemas.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const manage =
  'Officers over the body (deliberation.manage) who may read the question: confidentiality binds them too (403 CONFIDENTIAL).'
const read =
  'Members over whom the body stands, and its officers. Outside a confidential question’s audience its decision is ' +
  'redacted to its id, body and date (RedactedDecision): not its kind, outcome, exception, quorum or ratification.'

const openRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/vote',
  summary:
    'Open the body’s vote on a question: yes-no, or a ranked choice among the proposal and counter-proposals',
  description:
    `${manage} A confidential question’s open discussion closes at once (the exception). Otherwise, from ` +
    'discussion a minor question closes its discussion once the minimum passed (409 DISCUSSION_TOO_EARLY); a ' +
    'major one needs its discussion completed, not cut short or recorded shorter than the minimum (422 ' +
    'DISCUSSION_REQUIRED with the `major` rule id). Where the charter requires a meeting: a meeting of the body ' +
    'with the question on its agenda (422 MEETING_REQUIRED with the rule id); any meeting named must have begun ' +
    '(409 MEETING_WRONG_STATE with startsAt). A choice needs a counter-proposal (400).',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewVoteSchema) },
  responses: { 201: jsonContent(DecisionVoteSchema, 'Opened'), ...errors(400, 401, 403, 404, 409, 415, 422) },
})

const castRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/votes',
  summary: 'Vote as a deciding member of the body (a roll call: each vote is recorded against its member)',
  description:
    'The caller’s own member, if a deciding member of the body (a unit’s voting members, a committee’s post ' +
    'holders; of a confidential question, those of them in its audience) and, at a meeting, present (403 ' +
    'NOT_IN_ELECTORATE); once ' +
    '(409 ALREADY_VOTED). yes-no takes `choice`, a choice vote a `ranking` of option indexes (422 INVALID_BALLOT).',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(BallotSchema) },
  responses: { 201: jsonContent(DecisionVoteSchema, 'Voted'), ...errors(400, 401, 403, 404, 409, 415, 422) },
})

const getVoteRoute = createRoute({
  method: 'get',
  path: '/api/questions/{id}/vote',
  summary: 'The open vote: its options, method, meeting, how many voted, and whether you voted or may vote',
  description:
    'Members over whom the body stands, and its officers. 409 QUESTION_WRONG_PHASE when no vote is open; ' +
    'outside a confidential question’s audience 403 CONFIDENTIAL in every phase, so the answer names none.',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(DecisionVoteSchema, 'The open vote'), ...errors(400, 401, 403, 404, 409) },
})

const closeRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/vote/close',
  summary: 'Close the vote and decide, if the charter’s quorum is met',
  description:
    `${manage} Short of the quorum (at a meeting: its attendees who may decide; otherwise those who voted; ` +
    'against the body’s full roll, a confidential question’s too) the vote stays open: 422 QUORUM_NOT_MET with ' +
    'details.ruleId, required, present, decidingMembers.',
  security: [{ session: [] }],
  request: { params: IdParams, body: NoInput },
  responses: { 200: jsonContent(DecisionSchema, 'Decided'), ...errors(400, 401, 403, 404, 409, 415, 422) },
})

const urgentRoute = createRoute({
  method: 'post',
  path: '/api/questions/{id}/urgent-decision',
  summary:
    'Decide a question at once under the urgent exception; the body must ratify it by the charter’s deadline',
  description:
    `${manage} A justification of 20 to 5,000 characters (400). Without an urgent rule in the charter: 422 ` +
    'DISCUSSION_REQUIRED with the `major` rule id for a major question, 400 otherwise.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(UrgentDecisionSchema) },
  responses: {
    201: jsonContent(DecisionSchema, 'Decided'),
    ...errors(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

const ratifyRoute = createRoute({
  method: 'post',
  path: '/api/decisions/{id}/ratification',
  summary: 'Ratify or reject an urgent decision (late ratification is recorded as late)',
  description:
    `${manage} Only an urgent decision still pending (409 NOT_AWAITING_RATIFICATION). The body ratifies: ` +
    'name a meeting of the body (422 MEETING_REQUIRED with the urgent rule id), begun (409 MEETING_WRONG_STATE), ' +
    'with its quorum present as a vote counts it (422 QUORUM_NOT_MET with the quorum rule id).',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(RatificationSchema) },
  responses: { 200: jsonContent(DecisionSchema, 'Ratified'), ...errors(400, 401, 403, 404, 409, 415, 422) },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/decisions/{id}',
  summary: 'A decision: its question, discussion, vote, meeting, quorum, ratification or record',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(DecisionReadSchema, 'The decision'), ...errors(400, 401, 403, 404) },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/decisions',
  summary: 'A body’s decisions, latest first; or its unratified urgent decisions, overdue first',
  description: `${read} includeSubtree needs an officer’s reach over the body.`,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      unratified: z.enum(['true', 'false']).default('false'),
      includeSubtree: z.enum(['true', 'false']).default('false'),
      after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: jsonContent(DecisionPageSchema, 'A page'), ...errors(400, 401, 403, 404) },
})

const pastRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/past-deliberations',
  summary: 'Enter past practice: a question discussed and/or decided before Charter kept the record',
  description:
    'Officers over the body (deliberation.manage). Recorded exactly as it happened, never refused for breaking ' +
    'the rules (the audit finds that). Dates before today and in order: raisedOn ≤ discussion.openedOn ≤ ' +
    'discussion.closedOn ≤ decision.decidedOn (400 naming each field).',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(PastDeliberationSchema) },
  responses: {
    201: jsonContent(PastDeliberationResultSchema, 'Recorded'),
    ...errors(400, 401, 403, 404, 409, 413, 415),
  },
})

/** Officers act on a question only if they may read it. */
function assertReadable(authorised: AuthorisedQuestion): void {
  if (authorised.readable) return
  throw new AppError('CONFIDENTIAL', 'This question is confidential: only its named audience may act on it', {
    questionId: authorised.question.id,
  })
}

/** The open vote as the caller sees it, with what they may do. */
async function presentVote(c: Context<AppEnv>, authorised: AuthorisedQuestion) {
  const { principal, body, question } = authorised
  const { database, clock } = c.var.deps
  const today = toIsoDate(clock.now())
  const view = await getDecisionVote(database.db, {
    questionId: question.id,
    viewerMemberId: principal.memberId,
    today,
  })
  const canClose = !view.redacted && can(principal, 'deliberation.manage', { kind: 'body', path: body.path })
  return DecisionVoteSchema.parse({ ...view, permissions: { canVote: view.me.mayVote, canClose } })
}

/**
 * A decision as the caller sees it, after checking they may read its body (404 / 403): whole with
 * what they may do, or redacted (RedactedDecision) outside a confidential question's audience.
 */
async function readDecision(c: Context<AppEnv>, decisionId: number) {
  const { database, clock } = c.var.deps
  const decision = await loadDecision(database.db, decisionId)
  const { principal, body } = await authoriseBody(c, decision.body_id, 'body.read')
  const view = await getDecision(database.db, {
    decisionId,
    viewerMemberId: principal.memberId,
    today: toIsoDate(clock.now()),
  })
  if (view.redacted) return RedactedDecisionSchema.parse(view)
  const pending = view.ratification?.state === 'pending' || view.ratification?.state === 'overdue'
  const canRatify = pending && can(principal, 'deliberation.manage', { kind: 'body', path: body.path })
  return DecisionSchema.parse({ ...view, permissions: { canRatify } })
}

/** The decision just taken or ratified by a caller who may read its question (the route checked). */
async function presentDecision(c: Context<AppEnv>, decisionId: number) {
  const view = await readDecision(c, decisionId)
  if (view.redacted) throw new Error(`Decision ${decisionId} read redacted by the caller who acted on it`)
  return view
}

export function registerDecisionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(openRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const authorised = await authoriseQuestion(c, id, 'deliberation.manage')
    assertReadable(authorised)
    await inTransaction(c, (ctx) => openDecisionVote(ctx, { ...input, questionId: id }))
    return c.json(await presentVote(c, authorised), 201)
  })

  app.openapi(castRoute, async (c) => {
    const { id } = c.req.valid('param')
    const ballot = c.req.valid('json')
    const authorised = await authoriseQuestion(c, id)
    const memberId = authorised.principal.memberId
    await inTransaction(c, (ctx) => castDecisionVote(ctx, { ...ballot, questionId: id, memberId }))
    return c.json(await presentVote(c, authorised), 201)
  })

  app.openapi(getVoteRoute, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await presentVote(c, await authoriseQuestion(c, id)), 200)
  })

  app.openapi(closeRoute, async (c) => {
    const { id } = c.req.valid('param')
    assertReadable(await authoriseQuestion(c, id, 'deliberation.manage'))
    const decision = await inTransaction(c, (ctx) => closeDecisionVote(ctx, { questionId: id }))
    return c.json(await presentDecision(c, decision.id), 200)
  })

  app.openapi(urgentRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    assertReadable(await authoriseQuestion(c, id, 'deliberation.manage'))
    const decision = await inTransaction(c, (ctx) => decideUrgently(ctx, { ...input, questionId: id }))
    return c.json(await presentDecision(c, decision.id), 201)
  })

  app.openapi(ratifyRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const { database, clock } = c.var.deps
    const decision = await loadDecision(database.db, id)
    const { principal } = await authoriseBody(c, decision.body_id, 'deliberation.manage')
    const question = await loadQuestion(database.db, decision.question_id)
    if (!(await canReadQuestion(database.db, question, principal.memberId, toIsoDate(clock.now())))) {
      throw new AppError(
        'CONFIDENTIAL',
        'This question is confidential: only its named audience may act on it',
        {
          questionId: question.id,
        },
      )
    }
    await inTransaction(c, (ctx) => ratifyDecision(ctx, { ...input, decisionId: id }))
    return c.json(await presentDecision(c, id), 200)
  })

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await readDecision(c, id), 200)
  })

  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const includeSubtree = query.includeSubtree === 'true'
    const { principal, body } = await authoriseBody(c, id, includeSubtree ? 'body.readTree' : 'body.read')
    const { database, clock } = c.var.deps
    const page = await listDecisions(database.db, {
      bodyId: id,
      viewerMemberId: principal.memberId,
      today: toIsoDate(clock.now()),
      unratified: query.unratified === 'true',
      includeSubtree,
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    })
    return c.json(
      DecisionPageSchema.parse({
        items: page.items.map((item) => DecisionListItemSchema.parse(item)),
        nextCursor: page.nextCursor,
        permissions: { canManage: can(principal, 'deliberation.manage', { kind: 'body', path: body.path }) },
      }),
      200,
    )
  })

  app.openapi(pastRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, id, 'deliberation.manage')
    const recorded = await inTransaction(c, (ctx) => recordPastDeliberation(ctx, { ...input, bodyId: id }))
    const decision = recorded.decision ? await presentDecision(c, recorded.decision.id) : null
    return c.json(PastDeliberationResultSchema.parse({ questionId: recorded.question.id, decision }), 201)
  })
}
