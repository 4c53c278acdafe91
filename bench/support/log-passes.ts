import type { Kysely } from 'kysely'
import { sealEvents } from '../../src/core/events/seal-events.ts'
import { verifyLog } from '../../src/core/events/verify-log.ts'
import { systemClock } from '../../src/core/shared/clock.ts'
import type { DB } from '../../src/db/schema.ts'

/** One pass over the whole log: how many events, how long, how fast. */
export interface PassFigures {
  readonly pass: 'seal' | 'verify-log'
  readonly events: number
  readonly seals: number
  readonly seconds: number
  readonly eventsPerSecond: number
}

/**
 * The sealer's first pass over the bench's log (everything unsealed, as after an upgrade or a
 * long outage of the sealer), then verifyLog over all of it. Both run on the bench's database,
 * on the same backend as the reads.
 */
export async function measureLogPasses(db: Kysely<DB>, log: (line: string) => void): Promise<PassFigures[]> {
  const sealStart = performance.now()
  const sealed = await sealEvents(db, systemClock)
  const sealSeconds = (performance.now() - sealStart) / 1000
  log(`sealed ${sealed.sealedEvents} events in ${sealed.seals} seals, ${sealSeconds.toFixed(1)} s`)
  const verifyStart = performance.now()
  const verified = await verifyLog(db)
  const verifySeconds = (performance.now() - verifyStart) / 1000
  if (!verified.ok) throw new Error(`verify-log failed on an untouched log: ${verified.problem.message}`)
  log(`verified ${verified.eventsChecked} events, ${verifySeconds.toFixed(1)} s`)
  return [
    {
      pass: 'seal',
      events: sealed.sealedEvents,
      seals: sealed.seals,
      seconds: sealSeconds,
      eventsPerSecond: sealed.sealedEvents / sealSeconds,
    },
    {
      pass: 'verify-log',
      events: verified.eventsChecked,
      seals: verified.sealsChecked,
      seconds: verifySeconds,
      eventsPerSecond: verified.eventsChecked / verifySeconds,
    },
  ]
}
