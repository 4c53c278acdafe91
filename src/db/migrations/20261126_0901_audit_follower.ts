import { type Kysely, sql } from 'kysely'

/**
 * The one row the audit follower keeps: its cursor in the sealed log and the organisation day of its
 * last full run. Only the follower writes it, so writers never wait on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_follower (
      id smallint primary key check (id = 1),
      last_event_id bigint not null,
      full_run_on date,
      updated_at timestamptz not null
    )`.execute(db)
}
