import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { eventSchema } from '../events/catalogue.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { checkBallot, isMethod } from './ballot-rules.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** Bounds on a ballot's size, far above any real election, so a request cannot be made huge. */
export const MAX_CONTESTS_PER_BALLOT = 100
export const MAX_MARKS_PER_CONTEST = 500

export const castBallotInputSchema = z.object({
  electionId: id,
  memberId: id,
  /**
   * One entry per contest the voter marks: candidate ids (election_candidates.id), most preferred
   * first. A contest left out, or given no preferences, is cast blank.
   */
  contests: z
    .array(z.object({ contestId: id, preferences: z.array(id).max(MAX_MARKS_PER_CONTEST) }))
    .max(MAX_CONTESTS_PER_BALLOT),
})

export type CastBallotInput = z.input<typeof castBallotInputSchema>

/** The voter's receipt: shown once, stored only on the ballot rows, never in the roll or the log. */
export interface CastBallotResult {
  readonly tracker: string
}

/** A receipt: 16 random bytes as 32 lower-case hex digits; the only thing a ballot carries besides its marks. */
function newTracker(): string {
  return randomBytes(16).toString('hex')
}

/** What a cast needs to know of its election; fixed once voting is open. */
interface VotingElection {
  readonly id: number
  readonly state: string
  readonly method: string
  readonly votingOpenAt: Date
  readonly votingCloseAt: Date
  readonly contests: readonly { readonly id: number; readonly seats: number; readonly candidates: number[] }[]
}

// Once voting is open an election's method, windows, contests and standing candidates cannot
// change (nominations and answers end when voting opens), so they are cached per database handle
// for the voting phase; whether it is still open is checked by the database on every cast. The
// key is the handle (a WeakMap): one process may open several databases whose ids coincide.
const votingElections = new WeakMap<Executor, Map<number, VotingElection>>()

async function loadVotingElection(db: Executor, electionId: number): Promise<VotingElection | null> {
  const cached = votingElections.get(db)?.get(electionId)
  if (cached) return cached
  const row = await db
    .selectFrom('elections as e')
    .select((eb) => [
      'e.id',
      'e.state',
      'e.method',
      'e.voting_open_at',
      'e.voting_close_at',
      jsonArrayFrom(
        eb
          .selectFrom('election_contests as c')
          .select([
            'c.id',
            'c.seats',
            sql<number[]>`array(select ca.id from election_candidates ca
              where ca.contest_id = c.id and ca.state = 'accepted' order by ca.id)`.as('candidates'),
          ])
          .whereRef('c.election_id', '=', 'e.id')
          .orderBy('c.id'),
      ).as('contests'),
    ])
    .where('e.id', '=', electionId)
    .executeTakeFirst()
  if (!row) return null
  const election: VotingElection = {
    id: row.id,
    state: row.state,
    method: row.method,
    votingOpenAt: new Date(row.voting_open_at),
    votingCloseAt: new Date(row.voting_close_at),
    contests: row.contests,
  }
  if (election.state === 'voting') {
    let forDb = votingElections.get(db)
    if (!forDb) {
      forDb = new Map()
      votingElections.set(db, forDb)
    }
    forDb.set(electionId, election)
  }
  return election
}

/** The one event a cast writes, checked against the catalogue like every appended event. */
const BALLOT_CAST_PAYLOAD = JSON.stringify(
  eventSchema.parse({ type: 'election.ballot_cast', payload: {} }).payload,
)

/**
 * Casts a member's secret ballot. Refusals, before anything is written: ELECTION_NOT_FOUND;
 * ELECTION_CLOSED once the election is closed or cancelled or its close time has passed on the
 * organisation's clock; ELECTION_WRONG_PHASE before voting is open (the state must be `voting`
 * AND `voting_open_at ≤ now`); INVALID_BALLOT for an unknown contest or candidate, a repeat, or
 * more marks than the method allows; NOT_IN_ELECTORATE unless the member is a frozen elector
 * with a vote (a consultative voice cannot vote); ALREADY_VOTED.
 *
 * The write is one call of the `cast_ballot` database function (migration 0703), atomic on its
 * own and inside a caller's transaction alike: under the election's shared queue lock it re-checks
 * the phase, writes the roll row (who voted; its primary key makes concurrent casts by one voter
 * yield one ballot), one queue row per contest of the election (a contest the voter left out is
 * cast blank, so every contest's box holds one ballot per voter), all with one fresh tracker, and
 * `election.ballot_cast` with an empty payload. One round trip, because round trips are what a
 * ballot costs (docs/PERFORMANCE.md).
 */
export async function castBallot(ctx: UseCaseContext, input: CastBallotInput): Promise<CastBallotResult> {
  const data = parseInput(castBallotInputSchema, input, 'ballot')
  const election = await loadVotingElection(ctx.db, data.electionId)
  if (!election) {
    throw new AppError('ELECTION_NOT_FOUND', `No election with id ${data.electionId}`, {
      electionId: data.electionId,
    })
  }
  const closed = () =>
    new AppError('ELECTION_CLOSED', 'Voting in this election is over', {
      votingCloseAt: election.votingCloseAt.toISOString(),
    })
  const notOpen = (state: string) =>
    new AppError('ELECTION_WRONG_PHASE', 'Voting in this election is not open yet', {
      state,
      expected: 'voting',
      votingOpenAt: election.votingOpenAt.toISOString(),
    })
  const now = ctx.clock.now()
  if (election.state === 'closed' || election.state === 'cancelled' || now >= election.votingCloseAt)
    throw closed()
  if (election.state !== 'voting' || now < election.votingOpenAt) throw notOpen(election.state)
  if (!isMethod(election.method)) {
    throw new Error(`election ${election.id} has an unknown counting method ${election.method}`)
  }
  const ballot = [...checkBallot(election.method, election.contests, data.contests)]
  const tracker = newTracker()
  const { rows } = await sql<{ outcome: string }>`
    select cast_ballot(
      ${election.id}::int8, ${data.memberId}::int8,
      ${ballot.map(([contestId]) => contestId)}::int8[],
      ${ballot.map(([, preferences]) => `{${preferences.join(',')}}`)}::text[],
      ${tracker}, ${now}::timestamptz, ${ctx.actor.kind},
      ${ctx.actor.kind === 'account' ? ctx.actor.accountId : null}::int8,
      ${BALLOT_CAST_PAYLOAD}::jsonb
    ) as outcome`.execute(ctx.db)
  const outcome = rows[0]?.outcome
  switch (outcome) {
    case 'cast':
      return { tracker }
    case 'closed':
      throw closed()
    case 'wrong-phase':
      throw notOpen('voting')
    case 'not-found':
      throw new AppError('ELECTION_NOT_FOUND', `No election with id ${data.electionId}`, {
        electionId: data.electionId,
      })
    case 'consultative':
      throw new AppError(
        'NOT_IN_ELECTORATE',
        'A consultative voice takes part in the meeting but does not vote',
        {
          memberId: data.memberId,
          voice: 'consultative',
        },
      )
    case 'not-in-electorate':
      throw new AppError('NOT_IN_ELECTORATE', 'You are not in this election’s electorate', {
        memberId: data.memberId,
        voice: null,
      })
    case 'already-voted':
      throw new AppError('ALREADY_VOTED', 'You have already voted in this election', {
        electionId: election.id,
      })
    default:
      throw new Error(`cast_ballot answered ${String(outcome)}`)
  }
}
