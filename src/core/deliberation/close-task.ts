import { z } from 'zod'
import type { TaskRow } from '../../db/schema-deliberation.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { reportOnTask, type TaskReportRow } from './report-on-task.ts'
import { assertTaskOpen, loadTask, TASK_LIMITS } from './task-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const closeTaskInputSchema = z.object({
  taskId: id,
  /** The closing report: what was done. Required (REPORT_REQUIRED without it). */
  report: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    plainText(TASK_LIMITS.report).nullish(),
  ),
  /** Progress at the close; done work is 100 unless the report says otherwise. */
  progress: z.number().int().min(0).max(100).default(100),
  memberId: id.nullish(),
})

export type CloseTaskInput = z.input<typeof closeTaskInputSchema>

/**
 * Closes a task with a closing report. A task never closes silently: without a report's text the
 * close is refused (REPORT_REQUIRED) and nothing changes. A closed task is TASK_CLOSED.
 */
export async function closeTask(
  ctx: UseCaseContext,
  input: CloseTaskInput,
): Promise<{ task: TaskRow; report: TaskReportRow }> {
  const data = parseInput(closeTaskInputSchema, input, 'task close')
  const task = await loadTask(ctx.db, data.taskId, 'update')
  assertTaskOpen(task)
  if (data.report == null) {
    throw new AppError('REPORT_REQUIRED', 'Closing a task needs a report of what was done', {
      taskId: task.id,
      issues: [{ path: 'report', message: 'required to close the task' }],
    })
  }
  return reportOnTask(ctx, {
    taskId: task.id,
    memberId: data.memberId ?? null,
    text: data.report,
    progress: data.progress,
    closes: true,
  })
}
