import { type Kysely, sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { DB } from '../../db/schema.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import { appendEvent } from './append-event.ts'

/** Test helpers for the event log: a fixed clock and a way to write one plain event. */
export const fixtureClock = new ManualClock('2026-11-26T10:00:00.000Z')

/** Appends one `body.renamed` event on `db` (a transaction or the database); returns its id. */
export function writeEvent(db: Executor, n: number): Promise<number> {
  return appendEvent(
    { db, clock: fixtureClock, actor: systemActor },
    { type: 'body.renamed', payload: { from: `Cell ${n}`, to: `Cell ${n + 1}` } },
    { bodyId: n, regionId: 1, subject: { kind: 'body', id: n } },
  )
}

/** Writes `count` events, each in its own transaction; returns their ids. */
export async function writeEvents(db: Kysely<DB>, count: number): Promise<number[]> {
  const ids: number[] = []
  for (let n = 0; n < count; n += 1) {
    ids.push(await db.transaction().execute((trx) => writeEvent(trx, n)))
  }
  return ids
}

/** Draws an id and rolls back, leaving a gap in the ids; returns the id that never committed. */
export async function rolledBackEvent(db: Kysely<DB>): Promise<number> {
  let drawn = 0
  await db
    .transaction()
    .execute(async (trx) => {
      drawn = await writeEvent(trx, 999)
      throw new Error('roll back')
    })
    .catch(() => {})
  return drawn
}

/**
 * Runs `tamper` the way an owner of the tables could (append-only trigger disabled), then `look`,
 * inside one transaction that is rolled back, so each test sees the pristine log again.
 */
export async function whileTampered<T>(
  db: Kysely<DB>,
  tamper: (trx: Kysely<DB>) => Promise<unknown>,
  look: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  let seen: T | undefined
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`alter table events disable trigger events_no_update`.execute(trx)
      await tamper(trx)
      await sql`alter table events enable trigger events_no_update`.execute(trx)
      seen = await look(trx)
      throw new RollBack()
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error
    })
  return seen as T
}

class RollBack extends Error {}
