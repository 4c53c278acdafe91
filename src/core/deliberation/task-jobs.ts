import { appendEvent } from '../events/append-event.ts'
import { eventLogged } from '../events/event-logged.ts'
import type { JobHandlers } from '../scheduler/job-handler.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'
import { taskPlacement } from './task-lookups.ts'

/**
 * Tasks' scheduled checks. At the end of a task's due day, a task still open is logged overdue,
 * once: the handler is idempotent (a task done meanwhile, or one already logged by an earlier
 * attempt, makes it moot), and the overdue list itself is computed from the date, not the log.
 */
export const taskJobHandlers: JobHandlers = {
  [DELIBERATION_JOB_KINDS.taskDue]: async (ctx, taskId) => {
    const task = await ctx.db
      .selectFrom('decision_tasks')
      .selectAll()
      .where('id', '=', taskId)
      .forUpdate()
      .executeTakeFirst()
    if (task?.state !== 'open') return
    if (await eventLogged(ctx.db, { kind: 'task', id: task.id }, 'task.overdue')) return
    await appendEvent(
      ctx,
      { type: 'task.overdue', payload: { taskId: task.id, dueOn: task.due_on } },
      taskPlacement(task),
    )
  },
}
