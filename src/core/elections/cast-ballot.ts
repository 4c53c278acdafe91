import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { z } from 'zod'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { sharedQueueLock } from './ballot-queue.ts'
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
export function newTracker(): string {
  return randomBytes(16).toString('hex')
}

/**
 * Casts a member's secret ballot. Every refusal comes before anything is written, in this order:
 * ELECTION_NOT_FOUND; ELECTION_CLOSED once the election is closed or cancelled or its close time
 * has passed on the organisation's clock; ELECTION_WRONG_PHASE before voting is open (the state
 * must be `voting` AND `voting_open_at ≤ now`); NOT_IN_ELECTORATE unless the member is a frozen
 * elector with a vote (a consultative voice cannot vote); INVALID_BALLOT for an unknown contest
 * or candidate, a repeat, or more marks than the method allows; ALREADY_VOTED.
 *
 * Then, in the caller's transaction: the roll row (who voted; its primary key makes concurrent
 * casts by one voter yield one ballot), one queue row per contest of the election (a contest the
 * voter left out is cast blank, so every contest's box holds one ballot per voter), all with one
 * fresh tracker, and `election.ballot_cast` with an empty payload.
 */
export async function castBallot(ctx: UseCaseContext, input: CastBallotInput): Promise<CastBallotResult> {
  const data = parseInput(castBallotInputSchema, input, 'ballot')
  // One round trip: the queue's shared lock, the election, the voter's elector row, and each
  // contest's standing candidates. (The write below re-checks the state under the lock.)
  const election = await ctx.db
    .selectFrom(sharedQueueLock(data.electionId))
    .innerJoin('elections as e', (join) => join.onTrue())
    .leftJoin('election_electors as ee', (join) =>
      join.onRef('ee.election_id', '=', 'e.id').on('ee.member_id', '=', data.memberId),
    )
    .select((eb) => [
      'e.id',
      'e.state',
      'e.method',
      'e.body_id',
      'e.region_id',
      'e.voting_open_at',
      'e.voting_close_at',
      'ee.voice',
      'ee.region_id as voter_region_id',
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
    .where('e.id', '=', data.electionId)
    .executeTakeFirst()
  if (!election) {
    throw new AppError('ELECTION_NOT_FOUND', `No election with id ${data.electionId}`, {
      electionId: data.electionId,
    })
  }
  const now = ctx.clock.now().getTime()
  const closesAt = new Date(election.voting_close_at)
  const closed = () =>
    new AppError('ELECTION_CLOSED', 'Voting in this election is over', {
      votingCloseAt: closesAt.toISOString(),
    })
  if (election.state === 'closed' || election.state === 'cancelled' || now >= closesAt.getTime())
    throw closed()
  const opensAt = new Date(election.voting_open_at)
  if (election.state !== 'voting' || now < opensAt.getTime()) {
    throw new AppError('ELECTION_WRONG_PHASE', 'Voting in this election is not open yet', {
      state: election.state,
      expected: 'voting',
      votingOpenAt: opensAt.toISOString(),
    })
  }
  const voice = election.voice
  if (voice !== 'vote' || election.voter_region_id === null) {
    throw new AppError(
      'NOT_IN_ELECTORATE',
      voice === 'consultative'
        ? 'A consultative voice takes part in the meeting but does not vote'
        : 'You are not in this election’s electorate',
      { memberId: data.memberId, voice },
    )
  }
  if (!isMethod(election.method)) {
    throw new Error(`election ${election.id} has an unknown counting method ${election.method}`)
  }
  const ballot = [...checkBallot(election.method, election.contests, data.contests)]
  const tracker = newTracker()

  // One statement: the roll row, then (only if it was written) the queue rows. The roll's primary
  // key decides a race between casts by one voter: `on conflict do nothing` waits for the other
  // cast to end and writes nothing if it committed. The state is checked again here, under the
  // lock: a close that committed while this cast waited leaves it nothing to write. The queue
  // carries the election's region, never the voter's, which would narrow down who cast a ballot.
  const { rows } = await sql<{ enrolled: number }>`
    with voter as (
      insert into election_voters (election_id, member_id, region_id)
      select ${election.id}::int8, ${data.memberId}::int8, ${election.voter_region_id}::int8
      where exists (select from elections where id = ${election.id}::int8 and state = 'voting')
      on conflict do nothing
      returning member_id
    ), queued as (
      insert into ballot_queue (election_id, contest_id, region_id, preferences, tracker)
      select ${election.id}::int8, c.contest_id, ${election.region_id}::int8, c.preferences::int4[], ${tracker}
      from voter, unnest(${ballot.map(([contestId]) => contestId)}::int8[],
        ${ballot.map(([, preferences]) => `{${preferences.join(',')}}`)}::text[]) as c(contest_id, preferences)
    )
    select (select count(*) from voter)::int4 as enrolled`.execute(ctx.db)
  if (Number(rows[0]?.enrolled) !== 1) {
    const state = await ctx.db
      .selectFrom('elections')
      .select('state')
      .where('id', '=', election.id)
      .executeTakeFirstOrThrow()
    if (state.state !== 'voting') throw closed()
    throw new AppError('ALREADY_VOTED', 'You have already voted in this election', {
      electionId: election.id,
    })
  }
  await appendEvent(
    ctx,
    { type: 'election.ballot_cast', payload: {} },
    {
      bodyId: election.body_id,
      regionId: election.region_id,
      subject: { kind: 'election', id: election.id },
    },
  )
  return { tracker }
}
