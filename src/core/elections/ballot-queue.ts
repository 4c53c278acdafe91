import { type Kysely, sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { DB } from '../../db/schema.ts'

/**
 * The ballot queue's one lock and its clean-up. While voting is open a ballot waits in
 * `ballot_queue`, whose rows share their writing transaction (xmin) with the voter's roll row;
 * the close moves them to `ballot_box` and the queue is vacuumed so that link is gone (see
 * docs/SECURITY.md, "Ballot secrecy").
 */

/** Advisory-lock class of an election's ballot queue (the second key is the election id). */
const QUEUE_LOCK_CLASS = 0x0ba1_1070

/**
 * Takes the election's queue lock exclusively for the rest of the transaction (the close and a
 * cancellation). A cast takes the same lock in shared mode inside the `cast_ballot` function
 * (migration 0703), so a cast either commits before the close reads the queue, or waits and then
 * sees the election closed: no ballot can land in the queue after it was emptied. An advisory
 * lock, not `for share` on the election row: 200 concurrent casts would otherwise each rewrite
 * that row's lock word (a multixact per cast), serialising on one page.
 */
export async function lockBallotQueue(db: Executor, electionId: number): Promise<void> {
  // The int4 pair form keeps this apart from the sealer's single-bigint lock; ids wrap modulo 2^31.
  // QUEUE_LOCK_CLASS is written as a number in the cast_ballot function: keep the two equal.
  const key = electionId % 2_147_483_647
  await sql`select pg_advisory_xact_lock(${QUEUE_LOCK_CLASS}::int4, ${key}::int4)`.execute(db)
}

/**
 * Deletes every queued ballot of an election without counting it (a cancelled election): the
 * queue must not keep rows whose xmin names their voter. Vacuum afterwards (vacuumBallotQueue).
 * Returns how many rows went.
 */
export async function discardQueuedBallots(db: Executor, electionId: number): Promise<number> {
  const result = await db.deleteFrom('ballot_queue').where('election_id', '=', electionId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * VACUUMs the ballot queue so the deleted rows (each still carrying its voter's xmin) are
 * removed from the heap, and an emptied table is truncated to nothing. VACUUM cannot run inside a
 * transaction: call it on the database after the close (or a cancellation) has committed; the
 * scheduler's `afterCommit` does. It frees only rows no running transaction can still see.
 */
export async function vacuumBallotQueue(db: Kysely<DB>): Promise<void> {
  await sql`vacuum ballot_queue`.execute(db)
}
