import { type Kysely, sql } from 'kysely'

/**
 * At most one active root body. createBody checks this too; the index closes the race between
 * two concurrent root creations. It indexes a constant, so a second active root is a duplicate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index bodies_one_active_root on bodies ((true)) where parent_id is null and status = 'active'`.execute(
    db,
  )
}
