import { type Kysely, sql } from 'kysely'

/**
 * The audit's stored state. `audit_findings` holds the current findings (a projection of the data
 * and the event log, recomputed for the bodies an event touches); `audit_follower` is the one row
 * the follower keeps (its cursor in the sealed log and the day of its last full run; only the
 * follower writes it, so writers never wait on it); `audit_snapshots` keeps one roll-up per body
 * and day, the history trends are drawn from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_findings (
      id text primary key,
      kind text not null,
      rule_id text not null,
      body_id bigint not null references bodies(id),
      body_path text not null,
      region_id bigint not null,
      subject_kind text not null,
      subject_id bigint not null,
      severity text not null check (severity in ('notice', 'warning', 'violation')),
      since date not null,
      evidence bigint[] not null,
      message text not null,
      checked_at timestamptz not null
    )`.execute(db)
  // Roll-ups and lists of a subtree: one range scan on the path (collate "C", as the bodies' own
  // path index, so a prefix LIKE uses it on any database locale).
  await sql`create index audit_findings_path on audit_findings ((body_path collate "C"), kind)`.execute(db)
  // The incremental refresh replaces one check's findings for a set of bodies.
  await sql`create index audit_findings_kind_body on audit_findings (kind, body_id)`.execute(db)
  await sql`create index audit_findings_region on audit_findings (region_id)`.execute(db)
  await sql`
    create table audit_follower (
      id smallint primary key check (id = 1),
      last_event_id bigint not null,
      full_run_on date,
      updated_at timestamptz not null
    )`.execute(db)
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
