import { setTimeout as sleep } from 'node:timers/promises'
import { type Kysely, sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { DB } from '../../db/schema.ts'
import type { Clock } from '../shared/clock.ts'
import { readSealableEvents } from './read-sealable-events.ts'
import { asBuffer, DIGEST_BYTES, encodeGaps, eventDigest, type GapRange, sealHash } from './seal-hash.ts'

export interface SealOptions {
  /** Most events per seal row. */
  readonly maxBatch?: number
  /** How long to wait for older transactions to end before giving up on this pass. */
  readonly waitMs?: number
}

export interface SealResult {
  readonly sealedEvents: number
  readonly seals: number
  /** Highest event id now covered by a seal (0 when nothing is sealed yet). */
  readonly lastSealedId: number
}

// Any constant works as long as only sealers take it; writers never touch this lock.
const SEALER_LOCK = 0x5ea1_0001
const POLL_MS = 5

/**
 * One sealer pass: seals every committed event that no running transaction can still precede.
 *
 * Ids are drawn before commit, so they commit out of order. The pass reads S, the sequence's last
 * allocated id, then the transactions running now (a snapshot's xip list), and waits until those
 * of them that write events have ended. A transaction holding an id ≤ S had its xid before drawing
 * that id (events.tx_id is evaluated first), so it is in that list or already over; after the wait
 * no id ≤ S can still appear, and the committed events up to S are sealed.
 * If old transactions outlive `waitMs`, nothing is sealed and the next pass tries again.
 * A transaction-scoped advisory lock keeps two sealers (server and CLI) from sealing concurrently.
 */
export async function sealEvents(
  db: Kysely<DB>,
  clock: Clock,
  options: SealOptions = {},
): Promise<SealResult> {
  const maxBatch = options.maxBatch ?? 10_000
  const waitMs = options.waitMs ?? 3_000
  return db.transaction().execute(async (trx) => {
    const { rows: locked } = await sql<{
      ok: boolean
    }>`select pg_try_advisory_xact_lock(${SEALER_LOCK}) as ok`.execute(trx)
    const last = await lastSeal(trx)
    const nothing = { sealedEvents: 0, seals: 0, lastSealedId: last?.to_event_id ?? 0 }
    // Another sealer is running: it will seal what we would have.
    if (!locked[0]?.ok) return nothing
    const { rows: bounds } = await sql<{ s: string | number | null }>`
      select pg_sequence_last_value(pg_get_serial_sequence('events', 'id')::regclass) as s`.execute(trx)
    const upTo = Number(bounds[0]?.s ?? 0)
    if (upTo <= nothing.lastSealedId) return nothing
    // Taken after S on purpose: every transaction that could hold an id ≤ S is in this list.
    const { rows: running } = await sql<{ xip: string[] }>`
      select array(select x::text from pg_snapshot_xip(pg_current_snapshot()) x) as xip`.execute(trx)
    if (!(await eventWritersEnded(trx, running[0]?.xip ?? [], waitMs))) return nothing
    return sealUpTo(trx, clock, last, upTo, maxBatch)
  })
}

async function lastSeal(db: Executor) {
  return db
    .selectFrom('seals')
    .select(['to_event_id', 'hash'])
    .orderBy('to_event_id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/**
 * Polls until none of the transactions in `xips` that wrote to this database's events table is
 * still running, within `waitMs`. A writer takes its ROW EXCLUSIVE lock on the events table before
 * drawing an id and holds it, and its own transaction-id lock, until it ends, so both show in
 * pg_locks. Readers of the log (the audit follower, whose long daily run also holds an xid) take
 * only ACCESS SHARE and are not waited for: they cannot hold an id. Narrowing the wait to event
 * writers in this database keeps long transactions elsewhere on the cluster (another database, a
 * slow report) from holding sealing back. Prepared (two-phase) transactions are matched too, by
 * their virtual transaction; PGlite never has another transaction running.
 */
async function eventWritersEnded(db: Executor, xips: readonly string[], waitMs: number): Promise<boolean> {
  if (xips.length === 0) return true
  const deadline = Date.now() + waitMs
  for (;;) {
    const { rows } = await sql<{ done: boolean }>`
      select not exists (
        select 1 from pg_locks t
        join pg_locks r on r.virtualtransaction = t.virtualtransaction
        where t.locktype = 'transactionid'
          and t.transactionid = any (select x::xid8::xid from unnest(${xips}::text[]) x)
          and r.locktype = 'relation'
          and r.database = (select oid from pg_database where datname = current_database())
          and r.relation = 'events'::regclass
          and r.mode = 'RowExclusiveLock'
      ) as done`.execute(db)
    if (rows[0]?.done) return true
    if (Date.now() >= deadline) return false
    await sleep(POLL_MS)
  }
}

async function sealUpTo(
  trx: Executor,
  clock: Clock,
  last: { to_event_id: number; hash: Buffer } | undefined,
  upTo: number,
  maxBatch: number,
): Promise<SealResult> {
  let lastSealedId = last?.to_event_id ?? 0
  let prevHash: Buffer | null = last ? asBuffer(last.hash) : null
  let sealedEvents = 0
  let seals = 0
  for (;;) {
    const events = await readSealableEvents(trx, lastSealedId, maxBatch, upTo)
    if (events.length === 0) break
    const fromEventId = lastSealedId + 1
    const toEventId = events[events.length - 1]?.id ?? fromEventId
    const digests = Buffer.alloc(events.length * DIGEST_BYTES)
    const gaps: GapRange[] = []
    let expected = fromEventId
    events.forEach((event, index) => {
      if (event.id > expected) gaps.push([expected, event.id - 1])
      expected = event.id + 1
      eventDigest(event).copy(digests, index * DIGEST_BYTES)
    })
    const gapRanges = encodeGaps(gaps)
    const header = { prevHash, fromEventId, toEventId, eventCount: events.length, gapRanges, digests }
    const hash = sealHash(header)
    await trx
      .insertInto('seals')
      .values({
        from_event_id: fromEventId,
        to_event_id: toEventId,
        event_count: events.length,
        digests,
        gap_ranges: gapRanges,
        prev_hash: prevHash,
        hash,
        sealed_at: clock.now(),
      })
      .execute()
    prevHash = hash
    lastSealedId = toEventId
    sealedEvents += events.length
    seals += 1
    if (events.length < maxBatch) break
  }
  return { sealedEvents, seals, lastSealedId }
}
