import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { AppError } from '../shared/errors.ts'
import {
  loadReports,
  presentReport,
  presentTask,
  type TaskReportView,
  type TaskView,
  taskQuery,
} from './task-view.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const getTaskInputSchema = z.object({
  taskId: id,
  viewerMemberId: id.nullable(),
  today: isoDateSchema,
})

export type GetTaskInput = z.input<typeof getTaskInputSchema>

/** A task with all its reports, oldest first. */
export interface TaskWithReports extends TaskView {
  readonly reports: readonly TaskReportView[]
}

/** One task and its reports as one viewer may read them (report texts withheld as the title is). */
export async function getTask(db: Executor, input: GetTaskInput): Promise<TaskWithReports> {
  const data = parseInput(getTaskInputSchema, input, 'task query')
  const row = await taskQuery(db, data.viewerMemberId, data.today)
    .where('t.id', '=', data.taskId)
    .executeTakeFirst()
  if (!row) throw new AppError('TASK_NOT_FOUND', `No task with id ${data.taskId}`, { taskId: data.taskId })
  const reports = await loadReports(db, [row.id], { latestOnly: false })
  return {
    ...presentTask(row, reports[reports.length - 1], data.today),
    reports: reports.map((r) => presentReport(r, row.readable)),
  }
}
