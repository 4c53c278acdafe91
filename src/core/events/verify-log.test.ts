import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { fixtureClock, rolledBackEvent, whileTampered, writeEvents } from './log-fixtures.ts'
import { sealEvents } from './seal-events.ts'
import { verifyLog } from './verify-log.ts'

describe('verifyLog', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let gap = 0
  beforeAll(async () => {
    database = await createTestDatabase()
    await writeEvents(database.db, 15)
    gap = await rolledBackEvent(database.db)
    await writeEvents(database.db, 15)
    // Seals of 10: [1–10] [11–21, gap 16] [22–31]
    await sealEvents(database.db, fixtureClock, { maxBatch: 10 })
  })
  afterAll(async () => database.drop())

  it('passes on an untouched log and reports its progress', async () => {
    const progress: number[] = []
    const result = await verifyLog(database.db, { onProgress: (p) => progress.push(p.eventsChecked) })
    expect(result).toMatchObject({ ok: true, sealsChecked: 3, eventsChecked: 30, unsealedEvents: 0 })
    expect(progress.at(-1)).toBe(30)
    expect(gap).toBe(16)
  })

  it('refuses a plain update or delete of an event', async () => {
    await expect(sql`update events set type = 'x' where id = 1`.execute(database.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`delete from events where id = 1`.execute(database.db)).rejects.toThrow(/append-only/)
  })

  it('names an edited event', async () => {
    const result = await whileTampered(
      database.db,
      (trx) => sql`update events set payload = '{"from":"Cell 6","to":"Cell 99"}' where id = 7`.execute(trx),
      (trx) => verifyLog(trx),
    )
    expect(result).toMatchObject({ ok: false, problem: { kind: 'edited', eventId: 7, sealId: 1 } })
  })

  it('notices an edit below the millisecond', async () => {
    const result = await whileTampered(
      database.db,
      (trx) =>
        sql`update events set occurred_at = occurred_at + interval '1 microsecond' where id = 25`.execute(
          trx,
        ),
      (trx) => verifyLog(trx),
    )
    expect(result).toMatchObject({ ok: false, problem: { kind: 'edited', eventId: 25, sealId: 3 } })
  })

  it('names a deleted event, also the last of a seal', async () => {
    const middle = await whileTampered(
      database.db,
      (trx) => sql`delete from events where id in (12, 30)`.execute(trx),
      (trx) => verifyLog(trx),
    )
    expect(middle).toMatchObject({ ok: false, problem: { kind: 'deleted', eventId: 12, sealId: 2 } })
    const last = await whileTampered(
      database.db,
      (trx) => sql`delete from events where id = 21`.execute(trx),
      (trx) => verifyLog(trx),
    )
    expect(last).toMatchObject({ ok: false, problem: { kind: 'deleted', eventId: 21, sealId: 2 } })
  })

  it('names an event inserted into a sealed range', async () => {
    const result = await whileTampered(
      database.db,
      (trx) =>
        sql`insert into events (id, type, occurred_at, actor_kind, payload)
            values (${gap}, 'body.renamed', now(), 'system', '{"from":"a","to":"b"}')`.execute(trx),
      (trx) => verifyLog(trx),
    )
    expect(result).toMatchObject({ ok: false, problem: { kind: 'inserted', eventId: gap, sealId: 2 } })
  })

  it('names a seal whose digests, link or range were altered', async () => {
    const digests = await whileTampered(
      database.db,
      (trx) =>
        sql`update seals set digests = overlay(digests placing '\\x00'::bytea from 5) where id = 2`.execute(
          trx,
        ),
      (trx) => verifyLog(trx),
    )
    expect(digests).toMatchObject({ ok: false, problem: { kind: 'seal-altered', eventId: 11, sealId: 2 } })
    const link = await whileTampered(
      database.db,
      (trx) => sql`update seals set prev_hash = sha256('forged'::bytea) where id = 3`.execute(trx),
      (trx) => verifyLog(trx),
    )
    expect(link).toMatchObject({ ok: false, problem: { kind: 'seal-altered', eventId: 22, sealId: 3 } })
    const removed = await whileTampered(
      database.db,
      (trx) => sql`delete from seals where id = 2`.execute(trx),
      (trx) => verifyLog(trx),
    )
    expect(removed).toMatchObject({ ok: false, problem: { kind: 'seal-altered', sealId: 3 } })
  })

  it('reports the first problem in id order', async () => {
    const result = await whileTampered(
      database.db,
      (trx) => sql`delete from events where id in (4, 27)`.execute(trx),
      (trx) => verifyLog(trx),
    )
    expect(result).toMatchObject({ ok: false, problem: { kind: 'deleted', eventId: 4 } })
  })
})
