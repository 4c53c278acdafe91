import { type Kysely, sql } from 'kysely'

/**
 * Which ids inside a seal's range were NOT sealed (ids of rolled-back transactions), so verify-log
 * can name a deleted event: sealed ids = [from_event_id, to_event_id] minus these gaps. Stored as
 * inclusive (start, end) pairs of 8-byte big-endian integers: usually empty, and one pair even for
 * a large rolled-back import. The seal's hash covers these bytes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table seals add column gap_ranges bytea not null default ''::bytea`.execute(db)
}
