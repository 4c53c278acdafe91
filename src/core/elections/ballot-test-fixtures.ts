import { sql } from 'kysely'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree } from '../../../test/support/tree.ts'
import type { Executor } from '../../db/client.ts'
import type { BodyRow, MemberRow } from '../../db/schema.ts'
import type { CountingMethodId } from '../counting/counting-method.ts'
import { adoptTestCharter } from '../mandates/test-charter.ts'
import { registerMember } from '../members/register-member.ts'
import { runDueJobs } from '../scheduler/run-due-jobs.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { callElection } from './call-election.ts'
import { type CastBallotInput, castBallot } from './cast-ballot.ts'
import { closeElection } from './close-election.ts'
import { electionJobHandlers } from './election-jobs.ts'
import { nominateCandidate } from './nominate-candidate.ts'

/** The organisation's day in the ballot tests: voting runs 1–5 December 1923. */
export const VOTING_OPEN_AT = '1923-12-01T09:00:00Z'
export const VOTING_CLOSE_AT = '1923-12-05T18:00:00Z'
export const DURING_VOTING = '1923-12-02T09:00:00Z'
export const AFTER_CLOSE = '1923-12-05T18:00:00Z'

/** Inserts `count` full members of a unit set-based (a 1,000-voter test must not take minutes). */
export async function insertMembers(
  db: Executor,
  unit: BodyRow,
  count: number,
  prefix: string,
): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    insert into members (region_id, unit_id, unit_path, full_name, joined_on, category, status,
      status_since, full_member_since, created_at, updated_at)
    select ${unit.region_id ?? unit.id}, ${unit.id}, ${unit.path}, ${prefix} || ' ' || n, '1920-01-01',
      'worker', 'full', '1920-01-01', '1920-01-01', now(), now()
    from generate_series(1, ${count}::int) as n
    order by n
    returning id`.execute(db)
  return rows.rows.map((row) => Number(row.id))
}

export interface BallotTestOptions {
  readonly method: CountingMethodId
  /** Full members of unit A1 who vote, besides the candidates (default 5). */
  readonly voters?: number
}

/**
 * An election in unit A1 on the test charter, brought to `voting` by the lifecycle use cases and
 * the scheduler (call, nominations, self-nominations, open voting): contests for the unit
 * secretary (1 seat; candidates Vera, Semyon, Pavel) and the bureau (2 seats; Vera, Semyon,
 * Pavel, Olga), the electorate frozen from A1 (full members vote, the candidate member is
 * consultative), a member of B1 outside it. The clock then reads 2 December 1923, during voting.
 */
export async function openBallotTest(options: BallotTestOptions) {
  const database = await createTestDatabase()
  const clock = new ManualClock('1923-11-20T09:00:00Z')
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
  /** Moves the clock and runs what fell due, as the server's scheduler would. */
  async function tick(to: string) {
    clock.set(to)
    const result = await runDueJobs({ db: database.db, clock }, electionJobHandlers)
    if (result.errors.length > 0) throw new Error(`scheduled jobs failed: ${String(result.errors[0]?.error)}`)
    return result
  }
  const tree = await createTestTree(database.db)
  const people = await run(async (ctx) => {
    await adoptTestCharter(ctx)
    const member = (unit: BodyRow, fullName: string, status: 'full' | 'candidate' = 'full') =>
      registerMember(ctx, { unitId: unit.id, fullName, joinedOn: '1917-03-01', category: 'worker', status })
    const vera = await member(tree.unitA1, 'Vera Veteran')
    const semyon = await member(tree.unitA1, 'Semyon Second')
    const pavel = await member(tree.unitA1, 'Pavel Third')
    const olga = await member(tree.unitA1, 'Olga Fourth')
    const consultative = await member(tree.unitA1, 'Kolya Candidate', 'candidate')
    const outsider = await member(tree.unitB1, 'Boris Outsider')
    const voters = await insertMembers(ctx.db, tree.unitA1, options.voters ?? 5, 'Voter')
    const election = await callElection(ctx, {
      bodyId: tree.unitA1.id,
      title: 'Unit A1 elections, December 1923',
      method: options.method,
      contests: [
        { post: 'unit-secretary', seats: 1 },
        { post: 'unit-bureau-member', seats: 2 },
      ],
      nominationsOpenAt: '1923-11-21T09:00:00Z',
      nominationsCloseAt: '1923-11-25T18:00:00Z',
      votingOpenAt: VOTING_OPEN_AT,
      votingCloseAt: VOTING_CLOSE_AT,
    })
    return { electionId: election.id, members: { vera, semyon, pavel, olga }, consultative, outsider, voters }
  })
  await tick('1923-11-22T09:00:00Z')
  const { electionId, members } = people
  const stand = (post: string, stood: readonly MemberRow[]) =>
    run(async (ctx) => {
      const candidates: number[] = []
      for (const member of stood) {
        const row = await nominateCandidate(ctx, { electionId, post, memberId: member.id })
        candidates.push(row.id)
      }
      const contest = await ctx.db
        .selectFrom('election_contests')
        .select(['id', 'seats'])
        .where('election_id', '=', electionId)
        .where('post', '=', post)
        .executeTakeFirstOrThrow()
      return { id: contest.id, post, seats: contest.seats, candidates }
    })
  const secretary = await stand('unit-secretary', [members.vera, members.semyon, members.pavel])
  const bureau = await stand('unit-bureau-member', [
    members.vera,
    members.semyon,
    members.pavel,
    members.olga,
  ])
  await tick(DURING_VOTING)
  const setup = {
    ...people,
    secretary,
    bureau,
    voters: [members.vera.id, members.semyon.id, members.pavel.id, members.olga.id, ...people.voters],
  }

  /** Casts a ballot in its own transaction, as the API does. */
  const cast = (memberId: number, contests: CastBallotInput['contests']) =>
    run((ctx) => castBallot(ctx, { electionId: setup.electionId, memberId, contests }))

  /**
   * Moves the clock to the close and closes by hand, as the close-voting job does, then runs the
   * VACUUM it asks for after commit. (The job itself, run later, finds the election closed.)
   */
  async function close() {
    clock.set(AFTER_CLOSE)
    const result = await run((ctx) => closeElection(ctx, setup.electionId))
    if (result.afterCommit) await result.afterCommit(database.db)
    return result
  }

  /** The error a piece of work throws, as an AppError (fails the test if it succeeds). */
  async function refusal(work: () => Promise<unknown>): Promise<AppError> {
    try {
      await work()
    } catch (error) {
      if (error instanceof AppError) return error
      throw error
    }
    throw new Error('expected a refusal, but the work succeeded')
  }

  /** Rows in the roll, the queue, the box, and ballot_cast events: what a refusal must not change. */
  async function counts() {
    const { rows } = await sql<{ voters: number; queue: number; box: number; events: number }>`
      select (select count(*)::int from election_voters) as voters,
        (select count(*)::int from ballot_queue) as queue,
        (select count(*)::int from ballot_box) as box,
        (select count(*)::int from events where type = 'election.ballot_cast') as events`.execute(database.db)
    return rows[0] as { voters: number; queue: number; box: number; events: number }
  }

  return { database, db: database.db, clock, run, tick, tree, ...setup, cast, close, refusal, counts }
}
