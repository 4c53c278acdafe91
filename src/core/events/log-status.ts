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
  /** Committed events above the newest seal, waiting for the sealer's next pass. */
  readonly unsealedEvents: number
  readonly lastSealedAt: Date | null
}

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
  const unsealed = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('id', '>', lastTo ?? 0)
    .executeTakeFirstOrThrow()
  return {
    events: Number(sealed.events) + Number(unsealed.n),
    seals: Number(sealed.seals),
    lastSealedEventId: lastTo,
    lastSealHash: last ? asBuffer(last.hash).toString('hex') : null,
    unsealedEvents: Number(unsealed.n),
    lastSealedAt: last ? new Date(last.sealed_at) : null,
  }
}
