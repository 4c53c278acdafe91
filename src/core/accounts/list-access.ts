import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { decodeCursor, encodeCursor } from '../members/schemas.ts'
import { inSubtree } from '../orgs/tree.ts'
import type { Role } from './principal.ts'

/** One role grant on a body in the subtree: who holds it, which role, on which body. */
export interface AccessGrant {
  readonly grantId: number
  readonly accountId: number
  readonly displayName: string
  readonly email: string
  readonly disabled: boolean
  readonly role: Role
  readonly bodyId: number
  readonly bodyName: string
  readonly bodyPath: string
  readonly grantedAt: Date
}

export interface AccessPage {
  readonly items: readonly AccessGrant[]
  readonly nextCursor: string | null
}

export interface ListAccessInput {
  /** The subtree's root path, '/1/5/'. */
  readonly scopePath: string
  readonly limit: number
  /** The `nextCursor` of the previous page. */
  readonly after?: string
}

export const MAX_ACCESS_PAGE = 500

const cursorShape = z.tuple([z.string().regex(/^\/(\d+\/)+$/), z.number().int()])

/**
 * The role grants on bodies in a subtree, in tree order (the root's grants first, then each body's
 * below it) and by grant id within a body. Keyset pages on (body path, grant id): role grants are
 * few (one per official), so the join from the subtree's path range stays small.
 */
export async function listAccess(db: Executor, input: ListAccessInput): Promise<AccessPage> {
  const limit = Math.min(Math.max(Math.trunc(input.limit), 1), MAX_ACCESS_PAGE)
  let query = db
    .selectFrom('role_grants as g')
    .innerJoin('bodies as b', 'b.id', 'g.body_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select([
      'g.id as grant_id',
      'g.role',
      'g.created_at',
      'a.id as account_id',
      'a.display_name',
      'a.email',
      'a.disabled',
      'b.id as body_id',
      'b.name as body_name',
      'b.path as body_path',
    ])
    .where(inSubtree('b.path', input.scopePath))
  if (input.after) {
    const [path, id] = decodeCursor(input.after, cursorShape)
    // Compare in the index's collation, as the ORDER BY does.
    query = query.where(
      sql<boolean>`(b.path collate "C" > ${path} or (b.path collate "C" = ${path} and g.id > ${id}))`,
    )
  }
  const rows = await query
    .orderBy(sql`b.path collate "C"`)
    .orderBy('g.id')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit).map((row) => ({
    grantId: row.grant_id,
    accountId: row.account_id,
    displayName: row.display_name,
    email: row.email,
    disabled: row.disabled,
    role: row.role,
    bodyId: row.body_id,
    bodyName: row.body_name,
    bodyPath: row.body_path,
    grantedAt: new Date(row.created_at),
  }))
  const last = items.at(-1)
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.bodyPath, last.grantId]) : null,
  }
}
