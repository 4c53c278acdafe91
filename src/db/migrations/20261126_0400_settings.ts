import { type Kysely, sql } from 'kysely'

/** Organisation-wide settings: level names, the organisation clock. Small, read at boot. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table settings (key text primary key, value jsonb not null)`.execute(db)
}
