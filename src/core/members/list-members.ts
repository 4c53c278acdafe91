import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { MemberRow } from '../../db/schema.ts'
import { inSubtree } from '../orgs/tree.ts'
import { yearsBefore } from '../shared/clock.ts'
import {
  decodeCursor,
  encodeCursor,
  isoDateSchema,
  memberCategorySchema,
  memberStatusSchema,
  parseInput,
} from './schemas.ts'

export const listMembersInputSchema = z.object({
  /** Materialised path of the scope body, '/1/5/23/'. */
  scopePath: z.string().regex(/^(\/\d+)+\/$/, 'a body path looks like /1/5/23/'),
  /** The date standing is measured at (the organisation's today, or a past date). */
  asOf: isoDateSchema,
  minStandingYears: z.number().int().min(0).max(150).optional(),
  statuses: z.array(memberStatusSchema).min(1).optional(),
  category: memberCategorySchema.optional(),
  limit: z.number().int().min(1).max(5000),
  after: z.string().max(200).optional(),
})

export type ListMembersInput = z.input<typeof listMembersInputSchema>

export interface MemberPage {
  readonly items: readonly MemberRow[]
  /** Pass as `after` to get the next page; null on the last page. */
  readonly nextCursor: string | null
}

const cursorShape = z.tuple([isoDateSchema, z.number().int()])

/**
 * Members of a subtree in join-date order, optionally with standing ≥ N years at `asOf`, one
 * keyset page at a time. It never counts the subtree: it reads `limit + 1` rows to know whether
 * another page follows.
 *
 * Plans (see the members indexes): below the root, the scope's region is the second path
 * segment, so `region_id = R` lets PostgreSQL walk (region_id, joined_on, id) in order for a
 * region-sized scope, while small scopes (a district, a unit) range-scan
 * (unit_path collate "C", joined_on, id) and sort the few rows they hold.
 */
export async function listMembers(db: Executor, input: ListMembersInput): Promise<MemberPage> {
  const data = parseInput(listMembersInputSchema, input, 'member query')
  let query = db.selectFrom('members').selectAll().where(inSubtree('unit_path', data.scopePath))
  const regionId = regionOfPath(data.scopePath)
  if (regionId !== null) query = query.where('region_id', '=', regionId)
  if (data.minStandingYears !== undefined) {
    query = query.where('joined_on', '<=', yearsBefore(data.asOf, data.minStandingYears))
  }
  if (data.statuses) query = query.where('status', 'in', data.statuses)
  if (data.category) query = query.where('category', '=', data.category)
  if (data.after) {
    const [joinedOn, id] = decodeCursor(data.after, cursorShape)
    query = query.where(sql<boolean>`(joined_on, id) > (${joinedOn}::date, ${id}::int8)`)
  }
  const rows = await query
    .orderBy('joined_on')
    .orderBy('id')
    .limit(data.limit + 1)
    .execute()
  const items = rows.slice(0, data.limit)
  const last = items[items.length - 1]
  return {
    items,
    nextCursor: rows.length > data.limit && last ? encodeCursor([last.joined_on, last.id]) : null,
  }
}

/** The region id a path lies in: its second segment, or null for the root ('/1/'). */
export function regionOfPath(path: string): number | null {
  const segments = path.split('/').filter(Boolean)
  return segments.length >= 2 ? Number(segments[1]) : null
}
