import { createHash } from 'node:crypto'

/**
 * The hashing behind seals, computed in Node rather than by a SQL function stored in the database:
 * whoever can rewrite the events table could also rewrite such a function.
 */

/** The columns of an event that a seal vouches for, as read by the sealer and by verify-log. */
export interface SealableEvent {
  readonly id: number
  readonly tx_id: string
  readonly type: string
  /** UTC, microsecond precision, formatted by the query (see `occurredAtSql`). */
  readonly occurred_at: string
  readonly actor_kind: string
  readonly actor_account_id: number | null
  readonly body_id: number | null
  readonly subject_kind: string | null
  readonly subject_id: number | null
  readonly region_id: number | null
  readonly payload: unknown
}

/** Bytes per event digest (SHA-256). */
export const DIGEST_BYTES = 32

/** JSON with object keys sorted at every depth, so equal payloads serialise identically. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** SHA-256 of an event's canonical serialisation (every column, payload as canonical JSON). */
export function eventDigest(event: SealableEvent): Buffer {
  const canonical = JSON.stringify([
    event.id,
    event.tx_id,
    event.type,
    event.occurred_at,
    event.actor_kind,
    event.actor_account_id,
    event.body_id,
    event.subject_kind,
    event.subject_id,
    event.region_id,
    canonicalJson(event.payload),
  ])
  return createHash('sha256').update(canonical).digest()
}

/** The header of a seal that its hash covers, besides the previous hash and the digests. */
export interface SealHeader {
  readonly prevHash: Buffer | null
  readonly fromEventId: number
  readonly toEventId: number
  readonly eventCount: number
  readonly gapRanges: Buffer
  readonly digests: Buffer
}

/** SHA-256(prev_hash ‖ from ‖ to ‖ count ‖ gap_ranges ‖ digests), integers big-endian. */
export function sealHash(seal: SealHeader): Buffer {
  const header = Buffer.alloc(20)
  header.writeBigInt64BE(BigInt(seal.fromEventId), 0)
  header.writeBigInt64BE(BigInt(seal.toEventId), 8)
  header.writeUInt32BE(seal.eventCount, 16)
  return createHash('sha256')
    .update(seal.prevHash ?? Buffer.alloc(0))
    .update(header)
    .update(seal.gapRanges)
    .update(seal.digests)
    .digest()
}

/** Inclusive id ranges inside a seal that hold no sealed event. */
export type GapRange = readonly [start: number, end: number]

/** Packs gap ranges as 8-byte big-endian (start, end) pairs. */
export function encodeGaps(gaps: readonly GapRange[]): Buffer {
  const bytes = Buffer.alloc(gaps.length * 16)
  gaps.forEach(([start, end], index) => {
    bytes.writeBigInt64BE(BigInt(start), index * 16)
    bytes.writeBigInt64BE(BigInt(end), index * 16 + 8)
  })
  return bytes
}

/** Unpacks gap ranges; null when the bytes are not whole pairs (an altered seal). */
export function decodeGaps(bytes: Buffer): GapRange[] | null {
  if (bytes.length % 16 !== 0) return null
  const gaps: GapRange[] = []
  for (let offset = 0; offset < bytes.length; offset += 16) {
    gaps.push([Number(bytes.readBigInt64BE(offset)), Number(bytes.readBigInt64BE(offset + 8))])
  }
  return gaps
}

/** PGlite returns bytea as Uint8Array, pg as Buffer; both become a Buffer view without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
