import { type Kysely, sql } from 'kysely'
import type { DB } from '../../db/schema.ts'

/** Loads at least this large may rebuild the members indexes instead of maintaining them. */
const REBUILD_MIN_ROWS = 50_000

/**
 * Whether a load of `incoming` rows should drop and rebuild the secondary indexes of members.
 * Inserting two million rows through five b-trees and a per-row foreign-key trigger costs about
 * three times as much as a heap insert followed by sorted index builds and one set-based
 * foreign-key validation. The rebuild holds an exclusive lock on members until commit, so it is
 * kept for loads at least half the size of the table (first loads, generated organisations).
 */
export async function shouldRebuildMemberIndexes(trx: Kysely<DB>, incoming: number): Promise<boolean> {
  if (incoming < REBUILD_MIN_ROWS) return false
  const { rows } = await sql<{ estimate: number }>`
    select greatest(reltuples, 0)::float8 as estimate from pg_class where oid = 'members'::regclass`.execute(
    trx,
  )
  return incoming >= Number(rows[0]?.estimate ?? 0) / 2
}

/**
 * Drops the secondary indexes and foreign keys of members and returns the function that
 * recreates them. Definitions are read back from the catalog (pg_get_indexdef,
 * pg_get_constraintdef), so they always match the migrations. Everything runs in the caller's
 * transaction: if the load fails, the drops roll back with it.
 */
export async function dropMemberIndexes(trx: Kysely<DB>): Promise<() => Promise<void>> {
  const indexes = await sql<{ name: string; definition: string }>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'members'::regclass and not i.indisprimary
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`.execute(trx)
  const foreignKeys = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where conrelid = 'members'::regclass and contype = 'f'`.execute(trx)
  for (const fk of foreignKeys.rows) {
    await sql`alter table members drop constraint ${sql.id(fk.name)}`.execute(trx)
  }
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(trx)
  return async () => {
    // Sorted builds need memory; this setting lasts until the end of the load's transaction.
    await sql`set local maintenance_work_mem = '512MB'`.execute(trx)
    for (const index of indexes.rows) await sql.raw(index.definition).execute(trx)
    // Adding the constraint validates every row in one anti-join, not one query per row.
    for (const fk of foreignKeys.rows) {
      await sql`alter table members add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(trx)
    }
  }
}
