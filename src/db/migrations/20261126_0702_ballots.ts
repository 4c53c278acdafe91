import { type Kysely, sql } from 'kysely'

/**
 * The secret ballot, in three tables that share nothing a join could use.
 * - `election_voters` is the voter roll: who voted, never when (no timestamp) and never what.
 * - `ballot_queue` holds ballots cast while voting is open. A row shares its writing transaction
 *   (xmin) with the voter's roll row, so the queue is emptied at the close: its rows move to the
 *   box in random order in one transaction, are deleted, and the table is vacuumed.
 * - `ballot_box` holds the ballots to count: no id, no timestamp, one writing transaction for all,
 *   and a physical order that is a shuffle, not the voting order. Each carries the voter's
 *   tracker (a random receipt) so a voter can find theirs in the published ballots.
 * None of the three has a sequence or a time column. Preferences are `integer[]` (candidate ids fit,
 * and both drivers parse int4 arrays to numbers). See docs/SECURITY.md for what an operator
 * can still learn, and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table election_voters (
      election_id bigint not null references elections(id),
      member_id bigint not null,
      region_id bigint not null,
      primary key (election_id, member_id)
    )`.execute(db)
  await sql`
    create table ballot_queue (
      election_id bigint not null references elections(id),
      contest_id bigint not null references election_contests(id),
      region_id bigint not null,
      preferences integer[] not null,
      tracker text not null
    )`.execute(db)
  await sql`create index ballot_queue_election on ballot_queue (election_id)`.execute(db)
  await sql`
    create table ballot_box (
      election_id bigint not null references elections(id),
      contest_id bigint not null references election_contests(id),
      region_id bigint not null,
      preferences integer[] not null,
      tracker text not null
    )`.execute(db)
  await sql`create index ballot_box_contest on ballot_box (contest_id)`.execute(db)
  await sql`create index ballot_box_tracker on ballot_box (election_id, tracker)`.execute(db)
}
