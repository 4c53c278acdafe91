import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { decodeCursor, encodeCursor, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import {
  type DecisionJoinedRow,
  type DecisionView,
  presentDecision,
  type RedactedDecision,
  selectDecisions,
} from './present-decision.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const listDecisionsInputSchema = z.object({
  bodyId: id,
  /** Whose eyes: a confidential question's decision is redacted outside its audience. */
  viewerMemberId: id.nullable(),
  today: z.iso.date(),
  /** Only urgent decisions still awaiting ratification, earliest deadline (so the overdue) first. */
  unratified: z.boolean().default(false),
  /** Also the decisions of every body below. */
  includeSubtree: z.boolean().default(false),
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
})

export type ListDecisionsInput = z.input<typeof listDecisionsInputSchema>

const latestCursor = z.tuple([z.iso.datetime(), z.number().int()])
const deadlineCursor = z.tuple([z.iso.date(), z.number().int()])

/**
 * A body's decisions (or its subtree's), latest first, one keyset page at a time. With
 * `unratified`, the urgent decisions still pending ratification by deadline, so those overdue come
 * first: "unratified urgent decisions are listed". Each passes through the visibility rule: an
 * outsider's entry for a confidential question's decision is its RedactedDecision (id, body, date).
 */
export async function listDecisions(
  db: Executor,
  input: ListDecisionsInput,
): Promise<{ items: (DecisionView | RedactedDecision)[]; nextCursor: string | null }> {
  const data = parseInput(listDecisionsInputSchema, input, 'decisions query')
  const body = await getBody(db, data.bodyId)
  let query = selectDecisions(db, data.viewerMemberId, data.today)
  query = data.includeSubtree
    ? query.where(inSubtree('b.path', body.path))
    : query.where('decisions.body_id', '=', body.id)
  if (data.unratified) {
    query = query.where('decisions.ratification', '=', 'pending')
    if (data.after) {
      const [ratifyBy, afterId] = decodeCursor(data.after, deadlineCursor)
      query = query.where(
        sql<boolean>`(decisions.ratify_by, decisions.id) > (${ratifyBy}::date, ${afterId}::int8)`,
      )
    }
    query = query.orderBy('decisions.ratify_by', 'asc').orderBy('decisions.id', 'asc')
  } else {
    if (data.after) {
      const [decidedAt, afterId] = decodeCursor(data.after, latestCursor)
      query = query.where(
        sql<boolean>`(decisions.decided_at, decisions.id) < (${decidedAt}::timestamptz, ${afterId}::int8)`,
      )
    }
    query = query.orderBy('decisions.decided_at', 'desc').orderBy('decisions.id', 'desc')
  }
  const rows: DecisionJoinedRow[] = await query.limit(data.limit + 1).execute()
  const page = rows.slice(0, data.limit)
  const last = page[page.length - 1]
  let nextCursor: string | null = null
  if (rows.length > data.limit && last) {
    nextCursor = data.unratified
      ? encodeCursor([last.ratify_by ?? '', last.id])
      : encodeCursor([new Date(last.decided_at).toISOString(), last.id])
  }
  return { items: page.map((row) => presentDecision(row, data.today)), nextCursor }
}
