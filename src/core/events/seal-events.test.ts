import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { fixtureClock, rolledBackEvent, writeEvent, writeEvents } from './log-fixtures.ts'
import { sealEvents } from './seal-events.ts'
import { startSealer } from './start-sealer.ts'
import { verifyLog } from './verify-log.ts'

describe('sealEvents', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database.drop())

  it('seals committed events in contiguous, chained ranges, skipping rolled-back ids', async () => {
    const { db } = database
    const first = await writeEvents(db, 12)
    const gap = await rolledBackEvent(db)
    const rest = await writeEvents(db, 13)
    const result = await sealEvents(db, fixtureClock, { maxBatch: 10 })
    expect(result).toEqual({ sealedEvents: 25, seals: 3, lastSealedId: rest[rest.length - 1] })

    const seals = await db.selectFrom('seals').selectAll().orderBy('id').execute()
    expect(seals.map((s) => [s.from_event_id, s.to_event_id, s.event_count])).toEqual([
      [1, 10, 10],
      [11, 21, 10],
      [22, 26, 5],
    ])
    expect(first[0]).toBe(1)
    expect(gap).toBe(13)
    expect(seals[0]?.prev_hash).toBeNull()
    expect(Buffer.from(seals[1]?.prev_hash ?? []).equals(Buffer.from(seals[0]?.hash ?? []))).toBe(true)
    expect(Buffer.from(seals[2]?.prev_hash ?? []).equals(Buffer.from(seals[1]?.hash ?? []))).toBe(true)

    expect(await sealEvents(db, fixtureClock)).toEqual({ sealedEvents: 0, seals: 0, lastSealedId: 26 })
    expect(await verifyLog(db)).toMatchObject({
      ok: true,
      sealsChecked: 3,
      eventsChecked: 25,
      unsealedEvents: 0,
    })
  })

  it('never seals past an event whose transaction is still open', async () => {
    const { db } = database
    const before = await writeEvents(db, 1)
    let commit!: () => void
    const gate = new Promise<void>((resolve) => {
      commit = resolve
    })
    let heldId = 0
    let inserted!: () => void
    const written = new Promise<void>((resolve) => {
      inserted = resolve
    })
    const open = db.transaction().execute(async (trx) => {
      heldId = await writeEvent(trx, 500)
      inserted()
      await gate
    })
    await written
    // On the server a later id can commit while the lower one is still open.
    const later = database.kind === 'postgres' ? await writeEvents(db, 1) : []
    // On the server this pass runs beside the open transaction and must stop below it; on PGlite
    // (one connection) it can only start once that transaction has committed.
    const pass = sealEvents(db, fixtureClock, { waitMs: 300 })
    const early = await Promise.race([pass, sleep(1_000).then(() => null)])
    if (early) expect(early.lastSealedId).toBeLessThan(heldId)
    if (database.kind === 'postgres') expect(early).not.toBeNull()
    commit()
    await open
    await pass
    const after = await sealEvents(db, fixtureClock)
    expect(after.lastSealedId).toBe(Math.max(heldId, ...later))
    expect(heldId).toBeGreaterThan(before[0] ?? 0)
    expect(await verifyLog(db)).toMatchObject({ ok: true, unsealedEvents: 0 })
  })

  it('does not wait for a long reader of the log, even one holding a transaction id', async () => {
    const { db } = database
    let finish!: () => void
    const gate = new Promise<void>((resolve) => {
      finish = resolve
    })
    let reading!: () => void
    const started = new Promise<void>((resolve) => {
      reading = resolve
    })
    // Like the audit follower's daily run: reads the events, writes elsewhere (so it has an xid).
    const reader = db.transaction().execute(async (trx) => {
      await trx.selectFrom('events').select('id').limit(1).execute()
      await sql`select pg_current_xact_id()`.execute(trx)
      reading()
      await gate
    })
    await started
    const written = database.kind === 'postgres' ? await writeEvents(db, 2) : []
    const pass = sealEvents(db, fixtureClock, { waitMs: 300 })
    const early = await Promise.race([pass, sleep(1_000).then(() => null)])
    // On the server the pass seals the new events beside the open reader; PGlite has one connection.
    if (database.kind === 'postgres') expect(early?.lastSealedId).toBe(written[written.length - 1])
    finish()
    await reader
    await pass
  })

  it('seals in the background until stopped', async () => {
    const { db } = database
    const [id] = await writeEvents(db, 1)
    let sealedUpTo = 0
    const stop = startSealer(db, fixtureClock, {
      intervalMs: 20,
      onError: (error) => {
        throw error
      },
      onSealed: (result) => {
        sealedUpTo = result.lastSealedId
      },
    })
    for (let tries = 0; tries < 200 && sealedUpTo < (id ?? 0); tries += 1) await sleep(20)
    await stop()
    expect(sealedUpTo).toBe(id)
  })

  it('leaves new writes unsealed until the next pass, and verify counts them', async () => {
    const { db } = database
    await writeEvents(db, 3)
    expect(await verifyLog(db)).toMatchObject({ ok: true, unsealedEvents: 3 })
    await sealEvents(db, fixtureClock)
    expect(await verifyLog(db)).toMatchObject({ ok: true, unsealedEvents: 0 })
  })
})
