import { type Kysely, sql } from 'kysely'

/**
 * The audit's current findings: a projection of the data and the event log, recomputed for the
 * bodies an event touches (src/core/audit/update-findings.ts). Each has a stable id
 * (`kind:subject kind:subject id`), so a repaired violation simply disappears from the next run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_findings (
      id text not null,
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
      checked_at timestamptz not null,
      -- The region leads the key so a Citus deployment can shard findings by region unchanged.
      primary key (region_id, id)
    )`.execute(db)
  // Roll-ups and lists of a subtree: one range scan on the path (collate "C", as the bodies' own
  // path index, so a prefix LIKE uses it on any database locale).
  await sql`create index audit_findings_path on audit_findings ((body_path collate "C"), kind)`.execute(db)
  // The incremental refresh replaces one check's findings for a set of bodies.
  await sql`create index audit_findings_kind_body on audit_findings (kind, body_id)`.execute(db)
}
