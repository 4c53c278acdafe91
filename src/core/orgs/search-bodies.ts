import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import { invalidInput } from '../shared/errors.ts'
import { inSubtree } from './tree.ts'

/** A body found by name, with its parent's name to tell apart bodies that share a name. */
export interface FoundBody {
  readonly id: number
  readonly parentId: number | null
  readonly parentName: string | null
  readonly name: string
  readonly level: string
  readonly kind: string | null
  readonly path: string
  readonly depth: number
}

export interface SearchBodiesInput {
  /** The subtree to search, '/1/5/'. */
  readonly scopePath: string
  /** Part of the name, any case. */
  readonly q: string
  readonly limit: number
}

export const MAX_SEARCH_RESULTS = 50

/** `%`, `_` and `\` match themselves: a user typing "50%" means the text. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * Active bodies in a subtree whose name contains `q` (case-insensitive), shallowest first, then by
 * name. The case-folded LIKE is served by a trigram index on lower(name) for rare words, or by
 * walking (depth, name, id) for common ones (migration 20261126_0550_body_search).
 */
export async function searchBodies(db: Executor, input: SearchBodiesInput): Promise<FoundBody[]> {
  const q = input.q.trim()
  if (q.length < 1 || q.length > 200) {
    throw invalidInput('Type 1–200 characters to search', [{ path: 'q', message: '1–200 characters' }])
  }
  if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_SEARCH_RESULTS) {
    const message = `limit must be 1 to ${MAX_SEARCH_RESULTS}`
    throw invalidInput(message, [{ path: 'limit', message }])
  }
  // The parent join runs on the page only: joined before the LIMIT, a common word ("factory")
  // would look up the parent of every one of its tens of thousands of matches.
  const matches = db
    .selectFrom('bodies')
    .select(['id', 'parent_id', 'name', 'level', 'kind', 'path', 'depth'])
    .where(inSubtree('path', input.scopePath))
    .where('status', '=', 'active')
    // lower() LIKE, not ILIKE: the same match, but about a third cheaper per row on PostgreSQL 15.
    .where(sql<boolean>`lower(name) like lower(${`%${likeEscape(q)}%`})`)
    .orderBy('depth')
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit)
    .as('b')
  const rows = await db
    .selectFrom(matches)
    .leftJoin('bodies as p', 'p.id', 'b.parent_id')
    .select([
      'b.id',
      'b.parent_id',
      'p.name as parent_name',
      'b.name',
      'b.level',
      'b.kind',
      'b.path',
      'b.depth',
    ])
    .orderBy('b.depth')
    .orderBy('b.name')
    .orderBy('b.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    parentName: row.parent_name,
    name: row.name,
    level: row.level,
    kind: row.kind,
    path: row.path,
    depth: row.depth,
  }))
}
