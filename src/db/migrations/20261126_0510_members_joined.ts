import { type Kysely, sql } from 'kysely'

/**
 * Organisation-wide standing lists ("every member with 5 years' standing, by join date") walk
 * this index in order and stop after a page. The root scope has no single region or path range,
 * so without it such a page would read and sort every member.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index members_joined on members (joined_on, id)`.execute(db)
}
