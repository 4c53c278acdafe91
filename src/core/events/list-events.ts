import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { EventRow } from '../../db/schema.ts'
import { regionOfPath } from '../members/list-members.ts'
import { parseInput } from '../members/schemas.ts'
import type { EventType } from './catalogue.ts'
import { EVENT_TYPES } from './event-types.ts'

/** Most events one page may hold. */
export const MAX_EVENT_PAGE = 200

export const listEventsInputSchema = z.object({
  /** Materialised path of the scope body, '/1/5/23/'. */
  scopePath: z.string().regex(/^(\/\d+)+\/$/, 'a body path looks like /1/5/23/'),
  types: z.array(z.enum(EVENT_TYPES)).min(1).optional(),
  /** The id of the last event already shown: the page continues with older events. */
  after: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.number().int().min(1).max(MAX_EVENT_PAGE),
})

export type ListEventsInput = z.input<typeof listEventsInputSchema>

/** One event as read back from the log. */
export interface LoggedEvent {
  readonly id: number
  readonly type: EventType
  readonly occurredAt: Date
  readonly actor: { readonly kind: 'account' | 'system' | 'cli'; readonly accountId: number | null }
  readonly bodyId: number | null
  readonly regionId: number | null
  readonly subject: { readonly kind: string; readonly id: number } | null
  readonly payload: unknown
}

export interface EventPage {
  readonly items: readonly LoggedEvent[]
  /** Pass as `after` for the next (older) page; null on the last page. */
  readonly nextAfter: number | null
}

/**
 * The events whose body lies in the subtree at `scopePath`, newest first, one keyset page (by id)
 * at a time. It reads `limit + 1` rows to know whether an older page follows; it never counts.
 *
 * Three plans, so a page stays a short index walk on a log of tens of millions of events:
 * - the root: every event (also those without a body, such as sign-ins), backwards on the primary
 *   key (or on events(type, id) when filtered by type);
 * - a body without children (a unit): backwards on events(body_id, id);
 * - anything between: backwards on events(region_id, id) for the scope's region (the second path
 *   segment), keeping the rows whose body's current path lies in the subtree (a primary-key probe
 *   into bodies per row). Region-wide scopes keep nearly every row; a district keeps its share.
 * Events keep the region they were written in, so after a body moves to another region its older
 * events show under the root and in its own unit feed, not in the new region's feeds.
 */
export async function listEvents(db: Executor, input: ListEventsInput): Promise<EventPage> {
  const data = parseInput(listEventsInputSchema, input, 'event query')
  const scope = await db
    .selectFrom('bodies as b')
    .select([
      'b.id',
      'b.parent_id',
      sql<boolean>`exists (select 1 from bodies c where c.parent_id = b.id)`.as('has_children'),
    ])
    .where(sql<boolean>`b.path collate "C" = ${data.scopePath}`)
    .executeTakeFirst()
  if (!scope) return { items: [], nextAfter: null }

  let query = db.selectFrom('events as e').selectAll('e')
  if (scope.parent_id === null) {
    // The root sees the whole log: no filter.
  } else if (!scope.has_children) {
    query = query.where('e.body_id', '=', scope.id)
  } else {
    const regionId = regionOfPath(data.scopePath) ?? scope.id
    query = query
      .innerJoin('bodies as b', 'b.id', 'e.body_id')
      .where('e.region_id', '=', regionId)
      .where(sql<boolean>`b.path collate "C" like ${`${data.scopePath}%`}`)
  }
  if (data.types) query = query.where('e.type', 'in', data.types)
  if (data.after !== undefined) query = query.where('e.id', '<', data.after)
  const rows = await query
    .orderBy('e.id', 'desc')
    .limit(data.limit + 1)
    .execute()
  const items = rows.slice(0, data.limit).map(present)
  const last = items[items.length - 1]
  return { items, nextAfter: rows.length > data.limit && last ? last.id : null }
}

function present(row: EventRow): LoggedEvent {
  return {
    id: Number(row.id),
    type: row.type as EventType,
    occurredAt: new Date(row.occurred_at),
    actor: { kind: row.actor_kind, accountId: row.actor_account_id },
    bodyId: row.body_id,
    regionId: row.region_id,
    subject:
      row.subject_kind !== null && row.subject_id !== null
        ? { kind: row.subject_kind, id: row.subject_id }
        : null,
    payload: row.payload,
  }
}
