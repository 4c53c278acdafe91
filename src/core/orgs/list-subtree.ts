import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { invalidInput } from '../shared/errors.ts'
import { getBody } from './get-body.ts'
import { inSubtree } from './tree.ts'

export interface ListSubtreeInput {
  readonly rootId: number
  /** Levels below the root to include: 0 = the root alone, 1 = with its children, … */
  readonly maxDepth?: number
  readonly includeDissolved?: boolean
  /** The `nextCursor` of the previous page: the last path it returned. */
  readonly after?: string
  readonly limit: number
}

export interface SubtreePage {
  readonly items: BodyRow[]
  readonly nextCursor: string | null
}

export const MAX_SUBTREE_PAGE = 1000

/**
 * A body and everything below it in path order (parents before children), one page at a time.
 * The page is a range scan on the `path collate "C"` index: keyset pagination on the path, so
 * page 500 costs what page 1 does.
 */
export async function listSubtree(db: Executor, input: ListSubtreeInput): Promise<SubtreePage> {
  if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_SUBTREE_PAGE) {
    const message = `limit must be 1 to ${MAX_SUBTREE_PAGE}`
    throw invalidInput(message, [{ path: 'limit', message }], { limit: input.limit })
  }
  if (input.after !== undefined && !/^\/(\d+\/)*$/.test(input.after)) {
    throw invalidInput('Invalid cursor', [{ path: 'after', message: 'not a cursor from a previous page' }])
  }
  const root = await getBody(db, input.rootId)
  let query = db.selectFrom('bodies').selectAll().where(inSubtree('path', root.path))
  // Compare and order in the index's collation, or the range scan turns into a sort.
  if (input.after !== undefined) query = query.where(sql<boolean>`path collate "C" > ${input.after}`)
  if (input.maxDepth !== undefined) query = query.where('depth', '<=', root.depth + input.maxDepth)
  if (!input.includeDissolved) query = query.where('status', '=', 'active')
  const rows = await query
    .orderBy(sql`path collate "C"`)
    .limit(input.limit + 1)
    .execute()
  const items = rows.slice(0, input.limit)
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.path ?? null) : null }
}
