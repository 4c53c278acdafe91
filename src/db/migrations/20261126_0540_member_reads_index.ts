import { type Kysely, sql } from 'kysely'

/**
 * "Who read my record": a member's personal-data document finds the `member_records.read` events
 * listing their id. Every page of a member list writes one, so at 2,000,000 members these are
 * many; a GIN index on the listed ids, for that event type only, answers the containment test
 * (`payload -> 'memberIds' @> '[id]'`) without reading them all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index events_member_reads on events using gin ((payload -> 'memberIds') jsonb_path_ops)
    where type = 'member_records.read'`.execute(db)
}
