import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { castBallot } from '../../core/elections/cast-ballot.ts'
import { loadElection } from '../../core/elections/election-lookups.ts'
import { exportBlt } from '../../core/elections/export-blt.ts'
import { getResults } from '../../core/elections/get-results.ts'
import {
  BALLOTS_PAGE_DEFAULT,
  BALLOTS_PAGE_MAX,
  listPublishedBallots,
} from '../../core/elections/list-published-ballots.ts'
import { verifyTracker } from '../../core/elections/verify-tracker.ts'
import { AppError } from '../../core/shared/errors.ts'
import { actorOf, authoriseBody, requirePrincipal } from '../auth.ts'
import {
  BallotSchema,
  ElectionResultsSchema,
  PublishedBallotSchema,
  PublishedBallotsSchema,
  ReceiptSchema,
} from '../ballot-schemas.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, idSchema, jsonBody, jsonContent } from '../schemas.ts'

const published =
  'Whoever may read the election’s body (its members among them). Before the close: 409 RESULTS_HIDDEN, ' +
  'for everyone, administrators included.'

const castRoute = createRoute({
  method: 'post',
  path: '/api/elections/{id}/ballots',
  summary: 'Cast your secret ballot; the answer holds your tracker, shown this once',
  description:
    'The signed-in account’s member votes, if they are in the electorate with a vote. A contest left ' +
    'out is cast blank. Refusals: ELECTION_WRONG_PHASE, ELECTION_CLOSED, NOT_IN_ELECTORATE (also for an ' +
    'account linked to no member), INVALID_BALLOT, ALREADY_VOTED; nothing is stored on a refusal.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(BallotSchema) },
  responses: { 201: jsonContent(ReceiptSchema, 'Cast'), ...errors(400, 401, 403, 404, 409, 422) },
})

const resultsRoute = createRoute({
  method: 'get',
  path: '/api/elections/{id}/results',
  summary: 'A closed election’s results: elected in order, the count round by round, seed and turnout',
  description: published,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(ElectionResultsSchema, 'Results'), ...errors(400, 401, 403, 404, 409) },
})

const ballotsRoute = createRoute({
  method: 'get',
  path: '/api/elections/{id}/ballots',
  summary: 'The published ballots of a closed election, by tracker, one page at a time',
  description: published,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(BALLOTS_PAGE_MAX).default(BALLOTS_PAGE_DEFAULT),
    }),
  },
  responses: { 200: jsonContent(PublishedBallotsSchema, 'A page'), ...errors(400, 401, 403, 404, 409) },
})

const trackerRoute = createRoute({
  method: 'get',
  path: '/api/elections/{id}/trackers/{tracker}',
  summary: 'Check that the ballot with your tracker was counted, as you cast it',
  description: `${published} An unknown tracker is 404 NOT_FOUND.`,
  security: [{ session: [] }],
  request: {
    params: IdParams.extend({
      tracker: z
        .string()
        .max(64)
        .openapi({ param: { name: 'tracker', in: 'path' } }),
    }),
  },
  responses: { 200: jsonContent(PublishedBallotSchema, 'Counted'), ...errors(400, 401, 403, 404, 409) },
})

const bltRoute = createRoute({
  method: 'get',
  path: '/api/elections/{id}/contests/{contestId}/ballots.blt',
  summary: 'A closed contest’s ballots in the ERS/OpenSTV BLT format, to recount with any STV counter',
  description: `${published} Blank ballots are left out, as they are from the count.`,
  security: [{ session: [] }],
  request: {
    params: IdParams.extend({
      contestId: idSchema.openapi({ param: { name: 'contestId', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'The BLT file', content: { 'text/plain': { schema: z.string() } } },
    ...errors(400, 401, 403, 404, 409),
  },
})

/** ELECTION_NOT_FOUND, then the body's read permission (403), before anything of the election shows. */
async function authoriseElectionRead(c: Context<AppEnv>, electionId: number): Promise<void> {
  const election = await loadElection(c.var.deps.database.db, electionId)
  await authoriseBody(c, election.body_id, 'body.read')
}

export function registerBallotRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(castRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { contests } = c.req.valid('json')
    const principal = requirePrincipal(c)
    // Voting is the member's act: the electorate check in castBallot is the authorisation.
    if (principal.memberId === null) {
      throw new AppError('NOT_IN_ELECTORATE', 'Your account is not linked to a member, so it cannot vote', {
        memberId: null,
      })
    }
    const memberId = principal.memberId
    // No explicit transaction: the cast is one statement (the cast_ballot function), atomic on its
    // own, and begin/commit would be two more round trips per ballot (docs/PERFORMANCE.md).
    const { database, clock } = c.var.deps
    const receipt = await castBallot(
      { db: database.db, clock, actor: actorOf(principal) },
      { electionId: id, memberId, contests },
    )
    // The receipt must not linger in a shared cache or a browser's back button.
    c.header('cache-control', 'no-store')
    return c.json({ tracker: receipt.tracker }, 201)
  })

  app.openapi(resultsRoute, async (c) => {
    const { id } = c.req.valid('param')
    await authoriseElectionRead(c, id)
    const results = await getResults(c.var.deps.database.db, id)
    return c.json(ElectionResultsSchema.parse(results), 200)
  })

  app.openapi(ballotsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { after, limit } = c.req.valid('query')
    await authoriseElectionRead(c, id)
    const page = await listPublishedBallots(c.var.deps.database.db, {
      electionId: id,
      limit,
      ...(after ? { after } : {}),
    })
    return c.json(PublishedBallotsSchema.parse(page), 200)
  })

  app.openapi(trackerRoute, async (c) => {
    const { id, tracker } = c.req.valid('param')
    await authoriseElectionRead(c, id)
    const ballot = await verifyTracker(c.var.deps.database.db, { electionId: id, tracker })
    if (!ballot)
      throw new AppError('NOT_FOUND', 'No ballot of this election carries that tracker', { tracker })
    return c.json(PublishedBallotSchema.parse(ballot), 200)
  })

  app.openapi(bltRoute, async (c) => {
    const { id, contestId } = c.req.valid('param')
    await authoriseElectionRead(c, id)
    const text = await exportBlt(c.var.deps.database.db, { electionId: id, contestId })
    return c.text(text, 200, {
      'content-disposition': `attachment; filename="election-${id}-contest-${contestId}.blt"`,
    })
  })
}
