import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { AppError } from '../shared/errors.ts'

/**
 * The ancestors of a body, root first. One query: the ids come from the body's own path
 * ('/1/5/23/' → 1, 5), looked up by primary key, with no recursive walk.
 */
export async function listAncestors(db: Executor, input: { readonly bodyId: number }): Promise<BodyRow[]> {
  const rows = await db
    .selectFrom('bodies')
    .selectAll()
    .where(
      'id',
      '=',
      sql<number>`any(string_to_array(trim(both '/' from (select path from bodies where id = ${input.bodyId}::int8)), '/')::int8[])`,
    )
    .orderBy('depth')
    .execute()
  // The body itself comes back too (its id ends its path): proof that it exists.
  if (rows.at(-1)?.id !== input.bodyId) {
    throw new AppError('BODY_NOT_FOUND', `No body with id ${input.bodyId}`, { bodyId: input.bodyId })
  }
  return rows.slice(0, -1)
}

/** The ancestors of a body already loaded, root first: its path names them, one primary-key lookup. */
export async function ancestorsOf(db: Executor, body: Pick<BodyRow, 'path'>): Promise<BodyRow[]> {
  const ids = body.path.split('/').filter(Boolean).map(Number).slice(0, -1)
  if (ids.length === 0) return []
  return db.selectFrom('bodies').selectAll().where('id', 'in', ids).orderBy('depth').execute()
}
