import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { decodeCursor, encodeCursor, isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import { loadReports, presentTask, type TaskView, taskQuery } from './task-view.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const listTasksInputSchema = z.object({
  bodyId: id,
  /** Only tasks still open after their due day. */
  overdue: z.boolean().default(false),
  /** Only the tasks still open. */
  open: z.boolean().default(false),
  /** Only the tasks carrying out this decision (the decision page's list). */
  decisionId: id.optional(),
  /** Also the tasks decided or owned by every body below. */
  includeSubtree: z.boolean().default(false),
  viewerMemberId: id.nullable(),
  today: isoDateSchema,
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
})

export type ListTasksInput = z.input<typeof listTasksInputSchema>

const cursorShape = z.tuple([z.iso.date(), z.number().int()])

/**
 * The tasks a body decided and the tasks it owns (or its subtree's), earliest deadline first, one
 * keyset page at a time; `overdue` keeps those still open after their due day, `open` those
 * still open, `decisionId` those of one decision. Each shows its
 * owner, deadline, progress, state and latest report; a task of a confidential decision shows no
 * title or report text to a viewer outside the question's audience (the visibility rule), only
 * that it exists, whose it is and how it stands.
 */
export async function listTasks(
  db: Executor,
  input: ListTasksInput,
): Promise<{ items: TaskView[]; nextCursor: string | null }> {
  const data = parseInput(listTasksInputSchema, input, 'tasks query')
  const body = await getBody(db, data.bodyId)
  let query = taskQuery(db, data.viewerMemberId, data.today)
  query = data.includeSubtree
    ? query.where((eb) => eb.or([inSubtree('b.path', body.path), inSubtree('ob.path', body.path)]))
    : query.where((eb) => eb.or([eb('t.body_id', '=', body.id), eb('t.owner_body_id', '=', body.id)]))
  if (data.open) query = query.where('t.state', '=', 'open')
  if (data.decisionId !== undefined) query = query.where('t.decision_id', '=', data.decisionId)
  if (data.overdue) query = query.where('t.state', '=', 'open').where('t.due_on', '<', data.today)
  if (data.after) {
    const [dueOn, lastId] = decodeCursor(data.after, cursorShape)
    query = query.where(sql<boolean>`(t.due_on, t.id) > (${dueOn}::date, ${lastId}::int8)`)
  }
  const rows = await query
    .orderBy('t.due_on')
    .orderBy('t.id')
    .limit(data.limit + 1)
    .execute()
  const page = rows.slice(0, data.limit)
  const last = page[page.length - 1]
  const reports = await loadReports(
    db,
    page.map((t) => t.id),
    { latestOnly: true },
  )
  const latest = new Map(reports.map((r) => [r.task_id, r]))
  return {
    items: page.map((row) => presentTask(row, latest.get(row.id), data.today)),
    nextCursor: rows.length > data.limit && last ? encodeCursor([last.due_on, last.id]) : null,
  }
}
