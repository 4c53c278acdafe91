import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { AppError } from '../shared/errors.ts'

/** Loads one body or fails with BODY_NOT_FOUND. */
export async function getBody(db: Executor, bodyId: number): Promise<BodyRow> {
  const body = await db.selectFrom('bodies').selectAll().where('id', '=', bodyId).executeTakeFirst()
  if (!body) throw new AppError('BODY_NOT_FOUND', `No body with id ${bodyId}`, { bodyId })
  return body
}

/** Whether `path` lies inside the subtree rooted at the body whose path is `rootPath`. */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath)
}

/** Loads one body that is not dissolved: BODY_NOT_FOUND, or BODY_DISSOLVED for a dissolved one. */
export async function getActiveBody(db: Executor, bodyId: number): Promise<BodyRow> {
  const body = await getBody(db, bodyId)
  if (body.status !== 'active') {
    throw new AppError('BODY_DISSOLVED', `Body ${body.id} is dissolved`, { bodyId: body.id })
  }
  return body
}
