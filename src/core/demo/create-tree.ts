import { sql } from 'kysely'
import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'

/** One body of a tree to create in bulk; `parentKey` names a node listed before it. */
export interface TreeNode {
  readonly key: string
  readonly parentKey: string | null
  readonly level: string
  readonly kind: string | null
  readonly name: string
}

const INSERT_BATCH = 2_000

/**
 * Creates a whole tree in the caller's transaction with a few set-based inserts: ids are
 * reserved from the sequence up front so paths can be computed here. Used by the demo and the
 * synthetic generator, where 100,000 bodies one by one would take minutes. Writes one event.
 */
export async function createTree(
  ctx: UseCaseContext,
  nodes: readonly TreeNode[],
  source: 'demo' | 'generate',
): Promise<Map<string, number>> {
  if (nodes.length === 0) throw new Error('createTree needs at least one node')
  const reserved = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('bodies', 'id'))::int8 as id from generate_series(1, ${nodes.length})
  `.execute(ctx.db)
  const ids = reserved.rows.map((row) => Number(row.id)).sort((a, b) => a - b)
  const placed = new Map<string, { id: number; path: string; depth: number; regionId: number }>()
  const now = ctx.clock.now()
  const rows = nodes.map((node, index) => {
    const id = ids[index] as number
    const parent = node.parentKey === null ? null : placed.get(node.parentKey)
    if (node.parentKey !== null && !parent)
      throw new Error(`parent ${node.parentKey} must come before ${node.key}`)
    const depth = parent ? parent.depth + 1 : 0
    const path = `${parent ? parent.path : '/'}${id}/`
    const regionId = depth <= 1 ? id : (parent?.regionId ?? id)
    placed.set(node.key, { id, path, depth, regionId })
    return {
      id,
      parent_id: parent ? parent.id : null,
      path,
      depth,
      level: node.level,
      kind: node.kind,
      name: node.name,
      region_id: regionId,
      status: 'active' as const,
      created_at: now,
    }
  })
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await ctx.db
      .insertInto('bodies')
      .values(rows.slice(start, start + INSERT_BATCH))
      .execute()
  }
  const first = rows[0]
  const last = rows[rows.length - 1]
  if (!first || !last) throw new Error('unreachable: rows is not empty')
  await appendEvent(
    ctx,
    {
      type: 'bodies.bulk_created',
      payload: { source, count: rows.length, firstBodyId: first.id, lastBodyId: last.id },
    },
    { bodyId: first.id, subject: { kind: 'body', id: first.id } },
  )
  return new Map([...placed].map(([key, value]) => [key, value.id]))
}
