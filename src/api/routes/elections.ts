import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { answerNomination } from '../../core/elections/answer-nomination.ts'
import { vacuumBallotQueue } from '../../core/elections/ballot-queue.ts'
import { callElection } from '../../core/elections/call-election.ts'
import { cancelElection } from '../../core/elections/cancel-election.ts'
import { loadCandidate, loadElection } from '../../core/elections/election-lookups.ts'
import { getElection } from '../../core/elections/get-election.ts'
import { ELECTION_STATES, listElections } from '../../core/elections/list-elections.ts'
import { nominateCandidate } from '../../core/elections/nominate-candidate.ts'
import { can } from '../../core/policy/policy.ts'
import { AppError } from '../../core/shared/errors.ts'
import { authoriseBody, inTransaction, requirePrincipal } from '../auth.ts'
import { electionPermissions } from '../election-permissions.ts'
import {
  AnswerSchema,
  ElectionSchema,
  ElectionSummarySchema,
  NewElectionSchema,
  NewNominationSchema,
  NominationSchema,
  presentNomination,
} from '../election-schemas.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const manage = 'Admins and secretaries whose subtree holds the body.'
const read = 'Members whose own unit lies within the body, and the officers over it.'

const callRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/elections',
  summary: 'Call an election: posts and seats, counting method, nomination and voting windows',
  description:
    `${manage} Each post must exist at the body’s level in the charter in force on the voting-open date ` +
    '(UNKNOWN_POST), with no more seats than it has; the windows must be ordered and not in the past ' +
    '(VALIDATION_FAILED naming each field). The transitions then happen at their times.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewElectionSchema) },
  responses: { 201: jsonContent(ElectionSchema, 'Called'), ...errors(400, 401, 403, 404, 409, 422) },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/elections',
  summary: 'A body’s elections, latest voting close first',
  description: `${read} includeSubtree (every body below too) needs an officer’s reach over the body.`,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      includeSubtree: z.enum(['true', 'false']).default('false'),
      state: z.enum(ELECTION_STATES).optional(),
      after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        items: z.array(ElectionSummarySchema),
        nextCursor: z.string().nullable(),
        permissions: z.object({
          canCall: z
            .boolean()
            .openapi({ description: 'Whether the caller may call an election in this body' }),
        }),
      }),
      'A page',
    ),
    ...errors(400, 401, 403, 404),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/elections/{id}',
  summary: 'An election: state, windows, candidates, turnout, your own standing and permissions',
  description: `${read} Results are at /api/elections/{id}/results once closed.`,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(ElectionSchema, 'The election'), ...errors(400, 401, 403, 404) },
})

const nominateRoute = createRoute({
  method: 'post',
  path: '/api/elections/{id}/nominations',
  summary: 'Stand, or nominate another member, while nominations are open',
  description:
    'A signed-in member of the body stands (memberId omitted or their own) or nominates another member, ' +
    'who then accepts or declines. Officers over the body may record any nomination. An ineligible nominee ' +
    'is 422 NOT_ELIGIBLE with the reasons and rule ids; outside the window 409 ELECTION_WRONG_PHASE.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewNominationSchema) },
  responses: { 201: jsonContent(NominationSchema, 'Nominated'), ...errors(400, 401, 403, 404, 409, 422) },
})

const answerRoute = createRoute({
  method: 'post',
  path: '/api/nominations/{id}/answer',
  summary: 'Accept, decline or withdraw your nomination (until voting opens)',
  description: 'Only the nominee, through an account linked to them.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(AnswerSchema) },
  responses: { 200: jsonContent(NominationSchema, 'Answered'), ...errors(400, 401, 403, 404, 409) },
})

const cancelRoute = createRoute({
  method: 'post',
  path: '/api/elections/{id}/cancel',
  summary: 'Cancel an election, with a reason; ballots cast so far are discarded uncounted',
  description: `${manage} A closed election cannot be cancelled (409 ELECTION_CLOSED).`,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: jsonBody(z.object({ reason: z.string().trim().min(1).max(2000) }).openapi('ElectionCancellation')),
  },
  responses: { 200: jsonContent(ElectionSchema, 'Cancelled'), ...errors(400, 401, 403, 404, 409) },
})

/** The election as the caller sees it, with what they may do. */
async function present(c: Context<AppEnv>, electionId: number) {
  const principal = requirePrincipal(c)
  const { database, clock } = c.var.deps
  const view = await getElection(database.db, electionId, clock.now(), { memberId: principal.memberId })
  // Parsed through the schema: the response is checked against the documented shape.
  return ElectionSchema.parse({
    ...view,
    permissions: await electionPermissions(database.db, principal, view),
  })
}

export function registerElectionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(callRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, id, 'elections.manage')
    const election = await inTransaction(c, (ctx) => callElection(ctx, { ...input, bodyId: id }))
    return c.json(await present(c, election.id), 201)
  })

  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const includeSubtree = query.includeSubtree === 'true'
    const { principal, body } = await authoriseBody(c, id, includeSubtree ? 'body.readTree' : 'body.read')
    const page = await listElections(c.var.deps.database.db, {
      bodyId: id,
      includeSubtree,
      limit: query.limit,
      ...(query.state ? { state: query.state } : {}),
      ...(query.after ? { after: query.after } : {}),
    })
    return c.json(
      {
        items: page.items.map((item) => ElectionSummarySchema.parse(item)),
        nextCursor: page.nextCursor,
        permissions: {
          canCall:
            body.status === 'active' && can(principal, 'elections.manage', { kind: 'body', path: body.path }),
        },
      },
      200,
    )
  })

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    const election = await loadElection(c.var.deps.database.db, id)
    await authoriseBody(c, election.body_id, 'body.read')
    return c.json(await present(c, id), 200)
  })

  app.openapi(nominateRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const election = await loadElection(c.var.deps.database.db, id)
    const { principal, body } = await authoriseBody(c, election.body_id, 'body.read')
    const officer = can(principal, 'elections.manage', { kind: 'body', path: body.path })
    const contest = {
      ...(input.contestId !== undefined ? { contestId: input.contestId } : {}),
      ...(input.post !== undefined ? { post: input.post } : {}),
    }
    let memberId: number
    let nominatedByMemberId: number | null
    if (officer) {
      if (input.memberId === undefined && principal.memberId === null) {
        throw new AppError('VALIDATION_FAILED', 'Name the member nominated', {
          issues: [{ path: 'memberId', message: 'required' }],
        })
      }
      memberId = input.memberId ?? (principal.memberId as number)
      nominatedByMemberId = input.nominatedByMemberId ?? null
    } else {
      // A member acts for themselves only: they stand, or they are the nominator.
      const own = principal.memberId
      if (own === null || !(principal.memberUnitPath ?? '').startsWith(body.path)) {
        throw new AppError('FORBIDDEN', 'Only members of the body may stand or nominate', {
          action: 'elections.nominate',
        })
      }
      if (input.nominatedByMemberId != null && input.nominatedByMemberId !== own) {
        throw new AppError('FORBIDDEN', 'You may nominate only in your own name', {
          action: 'elections.nominate',
        })
      }
      memberId = input.memberId ?? own
      nominatedByMemberId = memberId === own ? null : own
    }
    const candidate = await inTransaction(c, (ctx) =>
      nominateCandidate(ctx, { electionId: id, ...contest, memberId, nominatedByMemberId }),
    )
    return c.json(presentNomination(candidate), 201)
  })

  app.openapi(answerRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { answer } = c.req.valid('json')
    const candidate = await loadCandidate(c.var.deps.database.db, id)
    const election = await loadElection(c.var.deps.database.db, candidate.electionId)
    const { principal } = await authoriseBody(c, election.body_id, 'body.read')
    if (principal.memberId !== candidate.member_id) {
      throw new AppError('FORBIDDEN', 'Only the nominee may answer a nomination', {
        action: 'nomination.answer',
      })
    }
    const memberId = principal.memberId
    const answered = await inTransaction(c, (ctx) =>
      answerNomination(ctx, { candidateId: id, memberId, answer }),
    )
    return c.json(presentNomination(answered), 200)
  })

  app.openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { reason } = c.req.valid('json')
    const election = await loadElection(c.var.deps.database.db, id)
    await authoriseBody(c, election.body_id, 'elections.manage')
    const result = await inTransaction(c, (ctx) => cancelElection(ctx, { electionId: id, reason }))
    // Discarded ballots leave dead rows carrying their voters' transaction ids: vacuum them away.
    if (result.discardedBallots > 0) await vacuumBallotQueue(c.var.deps.database.db)
    return c.json(await present(c, id), 200)
  })
}
