import type { Executor } from '../../db/client.ts'
import type { TaskRow } from '../../db/schema-deliberation.ts'
import type { EventPlacement } from '../events/append-event.ts'
import { AppError } from '../shared/errors.ts'

/** Shared reads and guards of the task use cases. */

/** Limits on a task's words: a title is one line of work; a report is a page, far below the request limit. */
export const TASK_LIMITS = { title: 300, report: 10_000 } as const

/** Loads a task, or TASK_NOT_FOUND; `update` locks it for a report or a close. */
export async function loadTask(db: Executor, taskId: number, lock?: 'update'): Promise<TaskRow> {
  let query = db.selectFrom('decision_tasks').selectAll().where('id', '=', taskId)
  if (lock === 'update') query = query.forUpdate()
  const task = await query.executeTakeFirst()
  if (!task) throw new AppError('TASK_NOT_FOUND', `No task with id ${taskId}`, { taskId })
  return task
}

/** TASK_CLOSED once the task is done: its record is complete. */
export function assertTaskOpen(task: TaskRow): void {
  if (task.state === 'open') return
  throw new AppError('TASK_CLOSED', 'The task is done: nothing more can be reported on it', {
    taskId: task.id,
    closedAt: task.closed_at === null ? null : new Date(task.closed_at).toISOString(),
  })
}

/** Where a task's events go: the deciding body, its region, and the task as subject. */
export function taskPlacement(task: Pick<TaskRow, 'id' | 'body_id' | 'region_id'>): EventPlacement {
  return { bodyId: task.body_id, regionId: task.region_id, subject: { kind: 'task', id: task.id } }
}
