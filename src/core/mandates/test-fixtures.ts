import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree } from '../../../test/support/tree.ts'
import type { EventRow } from '../../db/schema.ts'
import { registerMember } from '../members/register-member.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { adoptTestCharter } from './test-charter.ts'

/** Today in the mandate tests. */
export const TODAY = '1923-12-02'

/**
 * A database with the test tree, the test charter in force since 1920, and members of unit A1:
 * two veterans (joined 1917), a newcomer who joined six months ago, a candidate; and a veteran of
 * unit B1 (outside A1's scope).
 */
export async function openMandatesTest() {
  const database = await createTestDatabase()
  const clock = new ManualClock(`${TODAY}T09:00:00Z`)
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
  const tree = await createTestTree(database.db)
  const fixture = await run(async (ctx) => {
    const charter = await adoptTestCharter(ctx)
    const member = (
      unitId: number,
      fullName: string,
      joinedOn: string,
      status: 'full' | 'candidate' = 'full',
    ) => registerMember(ctx, { unitId, fullName, joinedOn, category: 'worker', status })
    return {
      charter,
      veteran: await member(tree.unitA1.id, 'Vera Veteran', '1917-03-01'),
      second: await member(tree.unitA1.id, 'Semyon Second', '1918-05-01'),
      newcomer: await member(tree.unitA1.id, 'Nina Newcomer', '1923-06-02'),
      candidate: await member(tree.unitA1.id, 'Kolya Candidate', '1920-01-01', 'candidate'),
      outsider: await member(tree.unitB1.id, 'Boris Outsider', '1917-03-01'),
    }
  })

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

  async function eventsOfMandate(mandateId: number): Promise<EventRow[]> {
    return database.db
      .selectFrom('events')
      .selectAll()
      .where('subject_kind', '=', 'mandate')
      .where('subject_id', '=', mandateId)
      .orderBy('id')
      .execute()
  }

  async function eventCount(): Promise<number> {
    const row = await database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  return { database, db: database.db, clock, run, tree, ...fixture, refusal, eventsOfMandate, eventCount }
}
