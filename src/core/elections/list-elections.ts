import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { ElectionState } from '../../db/schema.ts'
import { decodeCursor, encodeCursor, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import { isoInstant } from '../shared/clock.ts'

export const ELECTION_STATES = ['called', 'nominating', 'voting', 'closed', 'cancelled'] as const

export const listElectionsInputSchema = z.object({
  bodyId: z.number().int().positive(),
  /** Also the elections of every body below. */
  includeSubtree: z.boolean().default(false),
  state: z.enum(ELECTION_STATES).optional(),
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
})

export type ListElectionsInput = z.input<typeof listElectionsInputSchema>

/** An election in a list. */
export interface ElectionSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly title: string
  readonly method: string
  readonly state: ElectionState
  readonly posts: readonly string[]
  readonly nominationsOpenAt: string
  readonly nominationsCloseAt: string
  readonly votingOpenAt: string
  readonly votingCloseAt: string
  readonly electorateSize: number | null
}

const cursorShape = z.tuple([z.string(), z.number().int()])

/**
 * A body's elections (or its whole subtree's), latest voting close first, one keyset page at a
 * time; optionally only those in one state.
 */
export async function listElections(
  db: Executor,
  input: ListElectionsInput,
): Promise<{ items: ElectionSummary[]; nextCursor: string | null }> {
  const data = parseInput(listElectionsInputSchema, input, 'elections query')
  const body = await getBody(db, data.bodyId)
  let query = db
    .selectFrom('elections as e')
    .innerJoin('bodies as b', 'b.id', 'e.body_id')
    .select([
      'e.id',
      'e.body_id',
      'b.name as body_name',
      'e.title',
      'e.method',
      'e.state',
      'e.nominations_open_at',
      'e.nominations_close_at',
      'e.voting_open_at',
      'e.voting_close_at',
      'e.electorate_size',
      sql<
        string[]
      >`array(select c.post from election_contests c where c.election_id = e.id order by c.id)`.as('posts'),
    ])
  query = data.includeSubtree
    ? query.where(inSubtree('b.path', body.path))
    : query.where('e.body_id', '=', body.id)
  if (data.state) query = query.where('e.state', '=', data.state)
  if (data.after) {
    const [closeAt, id] = decodeCursor(data.after, cursorShape)
    query = query.where(sql<boolean>`(e.voting_close_at, e.id) < (${closeAt}::timestamptz, ${id}::int8)`)
  }
  const rows = await query
    .orderBy('e.voting_close_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(data.limit + 1)
    .execute()
  const page = rows.slice(0, data.limit)
  const last = page[page.length - 1]
  return {
    items: page.map((row) => ({
      id: row.id,
      bodyId: row.body_id,
      bodyName: row.body_name,
      title: row.title,
      method: row.method,
      state: row.state,
      posts: row.posts,
      nominationsOpenAt: isoInstant(row.nominations_open_at),
      nominationsCloseAt: isoInstant(row.nominations_close_at),
      votingOpenAt: isoInstant(row.voting_open_at),
      votingCloseAt: isoInstant(row.voting_close_at),
      electorateSize: row.electorate_size,
    })),
    nextCursor:
      rows.length > data.limit && last ? encodeCursor([isoInstant(last.voting_close_at), last.id]) : null,
  }
}
