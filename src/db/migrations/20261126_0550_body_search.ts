import { type Kysely, sql } from 'kysely'

/**
 * Searching bodies by name across 100,000 bodies. Without an index, a whole-tree search reads
 * every body (about 40 ms, 68 ms at p95 on the 2-core server). Two indexes cover both shapes:
 * - a trigram index on the case-folded name finds rare words ("Unit 4711") directly;
 * - (depth, name, id) lets a common word ("factory") walk bodies in the result's own order and
 *   stop at the page limit.
 * pg_trgm is a trusted extension (PostgreSQL ≥ 13): the database owner may create it; PGlite
 * loads its bundled copy (see createPGlite).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db)
  await sql`create index bodies_name_trgm on bodies using gin (lower(name) gin_trgm_ops)`.execute(db)
  await sql`create index bodies_depth_name on bodies (depth, name, id)`.execute(db)
}
