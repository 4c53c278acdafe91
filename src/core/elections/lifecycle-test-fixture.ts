import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree } from '../../../test/support/tree.ts'
import type { EventRow } from '../../db/schema.ts'
import { adoptTestCharter } from '../mandates/test-charter.ts'
import { registerMember } from '../members/register-member.ts'
import { runDueJobs } from '../scheduler/run-due-jobs.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { type CallElectionInput, callElection } from './call-election.ts'
import { electionJobHandlers } from './election-jobs.ts'

/** The organisation's clock when each lifecycle test starts. */
export const NOW = '1923-12-02T09:00:00Z'
/** The windows of the standard call: nominations 3–6 December, voting 8–10 December 1923. */
export const WINDOWS = {
  nominationsOpenAt: '1923-12-03T09:00:00Z',
  nominationsCloseAt: '1923-12-06T18:00:00Z',
  votingOpenAt: '1923-12-08T09:00:00Z',
  votingCloseAt: '1923-12-10T18:00:00Z',
} as const
/** Instants inside each phase of the standard call. */
export const DURING = {
  nominations: '1923-12-04T12:00:00Z',
  betweenWindows: '1923-12-07T12:00:00Z',
  voting: '1923-12-09T12:00:00Z',
  afterClose: '1923-12-11T09:00:00Z',
} as const

/**
 * A database with the test tree and the mandates' test charter (full members vote and stand,
 * candidates have a consultative voice; a unit secretary and bureau need a year's membership),
 * and members of unit A1: two veterans, a newcomer who joined in June 1923, a candidate member;
 * a veteran of unit A2 (district A's scope, not A1's) and one of unit B1 (outside both).
 */
export async function openLifecycleTest() {
  const database = await createTestDatabase()
  const clock = new ManualClock(NOW)
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
  const tree = await createTestTree(database.db)
  const people = await run(async (ctx) => {
    await adoptTestCharter(ctx)
    const member = (
      unitId: number,
      fullName: string,
      joinedOn: string,
      status: 'full' | 'candidate' = 'full',
    ) => registerMember(ctx, { unitId, fullName, joinedOn, category: 'worker', status })
    return {
      vera: await member(tree.unitA1.id, 'Vera Veteran', '1917-03-01'),
      semyon: await member(tree.unitA1.id, 'Semyon Second', '1918-05-01'),
      nina: await member(tree.unitA1.id, 'Nina Newcomer', '1923-06-02'),
      kolya: await member(tree.unitA1.id, 'Kolya Candidate', '1920-01-01', 'candidate'),
      anton: await member(tree.unitA2.id, 'Anton Neighbour', '1917-03-01'),
      boris: await member(tree.unitB1.id, 'Boris Outsider', '1917-03-01'),
    }
  })

  /** The standard call in unit A1: the secretary (1 seat) and the bureau (2 seats), by Scottish STV. */
  function callInput(overrides: Partial<CallElectionInput> = {}): CallElectionInput {
    return {
      bodyId: tree.unitA1.id,
      title: 'Unit A1 elections, December 1923',
      method: 'scottish-stv',
      contests: [
        { post: 'unit-secretary', seats: 1 },
        { post: 'unit-bureau-member', seats: 2 },
      ],
      ...WINDOWS,
      ...overrides,
    }
  }

  /** Calls the standard election (with overrides) in its own transaction. */
  function call(overrides: Partial<CallElectionInput> = {}) {
    return run((ctx) => callElection(ctx, callInput(overrides)))
  }

  /** Moves the clock and runs what fell due, as the server's scheduler would. */
  async function tick(to: string) {
    clock.set(to)
    return runDueJobs({ db: database.db, clock }, electionJobHandlers)
  }

  /** The error a piece of work throws, as an AppError (fails the test if it succeeds). */
  async function refusal(work: (ctx: UseCaseContext) => Promise<unknown>): Promise<AppError> {
    try {
      await run(work)
    } catch (error) {
      if (error instanceof AppError) return error
      throw error
    }
    throw new Error('expected a refusal, but the work succeeded')
  }

  async function state(electionId: number) {
    const row = await database.db
      .selectFrom('elections')
      .select('state')
      .where('id', '=', electionId)
      .executeTakeFirstOrThrow()
    return row.state
  }

  async function eventsOf(electionId: number): Promise<EventRow[]> {
    return database.db
      .selectFrom('events')
      .selectAll()
      .where('subject_kind', '=', 'election')
      .where('subject_id', '=', electionId)
      .orderBy('id')
      .execute()
  }

  async function jobsOf(electionId: number) {
    return database.db
      .selectFrom('scheduled_jobs')
      .select(['kind', 'state', 'attempts', 'last_error'])
      .where('subject_id', '=', electionId)
      .where('kind', 'like', 'election.%')
      .orderBy('due_at')
      .orderBy('id')
      .execute()
  }

  return {
    database,
    db: database.db,
    clock,
    run,
    tree,
    ...people,
    callInput,
    call,
    tick,
    refusal,
    state,
    eventsOf,
    jobsOf,
  }
}
