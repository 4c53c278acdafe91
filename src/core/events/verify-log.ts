import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { EventCursor } from './event-cursor.ts'
import { asBuffer, DIGEST_BYTES, decodeGaps, eventDigest, type GapRange, sealHash } from './seal-hash.ts'

/** What verify-log found wrong, first in id order. */
export type LogProblemKind = 'edited' | 'deleted' | 'inserted' | 'seal-altered'

export interface LogProblem {
  readonly kind: LogProblemKind
  /** The event edited, deleted or inserted; for an altered seal, the first id of its range. */
  readonly eventId: number
  readonly sealId: number
  readonly message: string
}

export type VerifyLogResult =
  | {
      readonly ok: true
      readonly sealsChecked: number
      readonly eventsChecked: number
      readonly unsealedEvents: number
      /** Hex hash of the newest seal: publish it elsewhere to also detect removal of the newest seals. */
      readonly lastSealHash: string | null
    }
  | {
      readonly ok: false
      readonly problem: LogProblem
      readonly sealsChecked: number
      readonly eventsChecked: number
    }

export interface VerifyProgress {
  readonly sealsChecked: number
  readonly eventsChecked: number
}

interface SealRow {
  readonly id: number
  readonly from_event_id: number
  readonly to_event_id: number
  readonly event_count: number
  readonly digests: Buffer
  readonly gap_ranges: Buffer
  readonly prev_hash: Buffer | null
  readonly hash: Buffer
}

const SEAL_PAGE = 8

/**
 * Recomputes every seal from the events table in id order and reports the first event that was
 * edited, deleted or inserted, or the first seal whose hash chain does not recompute. Streams both
 * tables in keyset pages, so memory stays flat for millions of events.
 */
export async function verifyLog(
  db: Kysely<DB>,
  options: { onProgress?: (progress: VerifyProgress) => void } = {},
): Promise<VerifyLogResult> {
  const events = new EventCursor(db)
  let sealsChecked = 0
  let eventsChecked = 0
  let previous: { to: number; hash: Buffer } | null = null
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const page = await readSeals(db, after)
    for (const seal of page) {
      const problem =
        checkSeal(seal, previous) ?? (await checkEvents(seal, events, (count) => (eventsChecked += count)))
      if (problem) return { ok: false, problem, sealsChecked, eventsChecked }
      previous = { to: seal.to_event_id, hash: seal.hash }
      sealsChecked += 1
    }
    options.onProgress?.({ sealsChecked, eventsChecked })
    if (page.length < SEAL_PAGE) break
    after = page[page.length - 1]?.to_event_id ?? after
  }
  const lastTo = previous?.to ?? Number.MIN_SAFE_INTEGER
  const unsealed = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>', lastTo)
    .executeTakeFirstOrThrow()
  return {
    ok: true,
    sealsChecked,
    eventsChecked,
    unsealedEvents: Number(unsealed.n),
    lastSealHash: previous ? previous.hash.toString('hex') : null,
  }
}

async function readSeals(db: Kysely<DB>, afterTo: number): Promise<SealRow[]> {
  const rows = await db
    .selectFrom('seals')
    .select([
      'id',
      'from_event_id',
      'to_event_id',
      'event_count',
      'digests',
      'gap_ranges',
      'prev_hash',
      'hash',
    ])
    .where('to_event_id', '>', afterTo)
    .orderBy('to_event_id')
    .limit(SEAL_PAGE)
    .execute()
  return rows.map((row) => ({
    ...row,
    digests: asBuffer(row.digests),
    gap_ranges: asBuffer(row.gap_ranges),
    prev_hash: row.prev_hash ? asBuffer(row.prev_hash) : null,
    hash: asBuffer(row.hash),
  }))
}

/** The seal's own consistency: contiguous with the previous one, chained, and hashing right. */
function checkSeal(seal: SealRow, previous: { to: number; hash: Buffer } | null): LogProblem | null {
  const altered = (why: string): LogProblem => ({
    kind: 'seal-altered',
    eventId: seal.from_event_id,
    sealId: seal.id,
    message: `seal ${seal.id} (events ${seal.from_event_id}–${seal.to_event_id}) ${why}`,
  })
  const expectedFrom = previous ? previous.to + 1 : 1
  if (seal.from_event_id !== expectedFrom) {
    return altered(`starts at ${seal.from_event_id}, but the seals before it end at ${expectedFrom - 1}`)
  }
  const expectedPrev = previous?.hash ?? null
  if (expectedPrev === null ? seal.prev_hash !== null : !seal.prev_hash?.equals(expectedPrev)) {
    return altered('does not link to the hash of the seal before it')
  }
  const gaps = decodeGaps(seal.gap_ranges)
  if (!gaps || !gapsFit(gaps, seal) || seal.digests.length !== seal.event_count * DIGEST_BYTES) {
    return altered('has an event count, gap list or digest list that do not agree')
  }
  const recomputed = sealHash({
    prevHash: seal.prev_hash,
    fromEventId: seal.from_event_id,
    toEventId: seal.to_event_id,
    eventCount: seal.event_count,
    gapRanges: seal.gap_ranges,
    digests: seal.digests,
  })
  if (!recomputed.equals(seal.hash)) return altered('has a hash that does not recompute')
  return null
}

/** Gaps are ordered, disjoint, inside the range, and leave exactly event_count ids sealed. */
function gapsFit(gaps: readonly GapRange[], seal: SealRow): boolean {
  let cursor = seal.from_event_id
  let gapIds = 0
  for (const [start, end] of gaps) {
    if (start < cursor || end < start || end >= seal.to_event_id) return false
    gapIds += end - start + 1
    cursor = end + 2
  }
  return seal.to_event_id - seal.from_event_id + 1 - gapIds === seal.event_count
}

/** Walks the seal's sealed ids beside the events in its range, in id order. */
async function checkEvents(
  seal: SealRow,
  events: EventCursor,
  counted: (count: number) => void,
): Promise<LogProblem | null> {
  const gaps = decodeGaps(seal.gap_ranges) ?? []
  const problem = (kind: LogProblemKind, eventId: number, message: string): LogProblem => ({
    kind,
    eventId,
    sealId: seal.id,
    message: `event ${eventId} ${message} (seal ${seal.id})`,
  })
  let gapIndex = 0
  let sealedId = seal.from_event_id
  for (let position = 0; position < seal.event_count; position += 1) {
    const gap = gaps[gapIndex]
    if (gap && sealedId === gap[0]) {
      sealedId = gap[1] + 1
      gapIndex += 1
    }
    const event = await events.peek()
    if (event && event.id < sealedId)
      return problem('inserted', event.id, 'lies inside a sealed range but was never sealed')
    if (!event || event.id > sealedId) return problem('deleted', sealedId, 'was sealed but is gone')
    const sealed = seal.digests.subarray(position * DIGEST_BYTES, (position + 1) * DIGEST_BYTES)
    if (!eventDigest(event).equals(sealed)) return problem('edited', event.id, 'differs from what was sealed')
    await events.next()
    counted(1)
    sealedId += 1
  }
  const extra = await events.peek()
  if (extra && extra.id <= seal.to_event_id) {
    return problem('inserted', extra.id, 'lies inside a sealed range but was never sealed')
  }
  return null
}
