import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { fixtureClock, writeEvents } from './log-fixtures.ts'
import { logStatus, UNSEALED_COUNT_CAP } from './log-status.ts'
import { sealEvents } from './seal-events.ts'
import { verifyLog } from './verify-log.ts'

describe('logStatus', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database.drop())

  it('reports an empty log', async () => {
    expect(await logStatus(database.db)).toEqual({
      events: 0,
      seals: 0,
      lastSealedEventId: null,
      lastSealHash: null,
      unsealedEvents: 0,
      unsealedAtLeast: false,
      lastSealedAt: null,
    })
  })

  it('counts sealed and unsealed events and shows the hash verify-log ends on', async () => {
    await writeEvents(database.db, 25)
    await sealEvents(database.db, fixtureClock, { maxBatch: 10 })
    await writeEvents(database.db, 2)
    const status = await logStatus(database.db)
    const verified = await verifyLog(database.db)
    expect(status).toMatchObject({
      events: 27,
      seals: 3,
      lastSealedEventId: 25,
      unsealedEvents: 2,
      unsealedAtLeast: false,
    })
    expect(status.lastSealedAt?.toISOString()).toBe(fixtureClock.now().toISOString())
    expect(verified.ok && verified.lastSealHash).toBe(status.lastSealHash)
    expect(status.lastSealHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('stops counting a large backlog at the cap and says "at least"', async () => {
    // A bulk insert stands in for a stopped sealer: enough rows to pass the cap, written cheaply.
    await sql`
      insert into events (type, occurred_at, actor_kind, payload)
      select 'account.signed_in', now(), 'system', '{}'::jsonb
      from generate_series(1, ${UNSEALED_COUNT_CAP + 5})`.execute(database.db)
    const status = await logStatus(database.db)
    expect(status).toMatchObject({ unsealedEvents: UNSEALED_COUNT_CAP, unsealedAtLeast: true })
  })
})
