import type { Executor } from '../../db/client.ts'

/** The names of a page's worth of bodies, by id, in one primary-key lookup. */
export async function bodyNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('bodies').select(['id', 'name']).where('id', 'in', unique).execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}
