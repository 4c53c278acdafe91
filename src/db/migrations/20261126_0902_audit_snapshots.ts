import { type Kysely, sql } from 'kysely'

/** One roll-up per body and day: the history the audit's trends are drawn from. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_snapshots (
      body_id bigint not null references bodies(id),
      on_date date not null,
      region_id bigint not null,
      summary jsonb not null,
      taken_at timestamptz not null,
      primary key (body_id, on_date)
    )`.execute(db)
  await sql`create index audit_snapshots_region on audit_snapshots (region_id)`.execute(db)
}
