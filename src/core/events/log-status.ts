import type { Executor } from '../../db/client.ts'
import { asBuffer } from './seal-hash.ts'

/** How far the sealer has got: what the log-integrity page shows before anyone verifies. */
export interface LogStatus {
  readonly events: number
  readonly seals: number
  /** Highest event id covered by a seal; null before the first seal. */
  readonly lastSealedEventId: number | null
  /** Hex hash of the newest seal: publishing it elsewhere anchors the chain. */
  readonly lastSealHash: string | null
  /** Committed events above the newest seal, waiting for the sealer's next pass (counted up to a cap). */
  readonly unsealedEvents: number
  /** True when the backlog passed the cap: there are at least `unsealedEvents`, maybe many more. */
  readonly unsealedAtLeast: boolean
  readonly lastSealedAt: Date | null
}

/** Beyond this many unsealed events the status says "at least" rather than counting on. */
export const UNSEALED_COUNT_CAP = 10_000

/**
 * Counts of events and seals and the newest seal, without scanning the log: sealed events are the
 * sum of the seals' event counts (one row per up to 10,000 events), unsealed ones an index range
 * above the newest seal. These are the counts as sealed; whether the events still match their seals
 * is what verifyLog checks.
 */
export async function logStatus(db: Executor): Promise<LogStatus> {
  const last = await db
    .selectFrom('seals')
    .select(['to_event_id', 'hash', 'sealed_at'])
    .orderBy('to_event_id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const lastTo = last ? Number(last.to_event_id) : null
  const sealed = await db
    .selectFrom('seals')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('seals'),
      eb.fn.coalesce(eb.fn.sum<number | string>('event_count'), eb.lit(0)).as('events'),
    ])
    .executeTakeFirstOrThrow()
  // A running sealer keeps the backlog small; after a bulk import or with the sealer stopped it
  // can be millions, so the count stops at a cap instead of scanning the whole tail each time.
  const backlog = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('events')
        .select('id')
        .where('id', '>', lastTo ?? 0)
        .limit(UNSEALED_COUNT_CAP + 1)
        .as('tail'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const counted = Number(backlog.n)
  const unsealedAtLeast = counted > UNSEALED_COUNT_CAP
  const unsealedEvents = Math.min(counted, UNSEALED_COUNT_CAP)
  return {
    events: Number(sealed.events) + unsealedEvents,
    seals: Number(sealed.seals),
    lastSealedEventId: lastTo,
    lastSealHash: last ? asBuffer(last.hash).toString('hex') : null,
    unsealedEvents,
    unsealedAtLeast,
    lastSealedAt: last ? new Date(last.sealed_at) : null,
  }
}
