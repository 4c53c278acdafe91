import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { TaskReportsTable, TaskRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { plainText } from '../shared/text.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'
import { assertTaskOpen, loadTask, TASK_LIMITS, taskPlacement } from './task-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const reportOnTaskInputSchema = z.object({
  taskId: id,
  /** The member reporting (the owner, or an officer's own member); null for an account without one. */
  memberId: id.nullish(),
  text: plainText(TASK_LIMITS.report),
  /** How far the work has come, in percent; saved on the task. */
  progress: z.number().int().min(0).max(100),
  /** This report closes the task (it is done). */
  closes: z.boolean().default(false),
})

export type ReportOnTaskInput = z.input<typeof reportOnTaskInputSchema>
export type TaskReportRow = Selectable<TaskReportsTable>

/**
 * Reports progress on an open task (TASK_CLOSED once done); the progress is saved on the task and
 * a closing report marks it done, which is the only way a task closes. Who may report (the owner
 * member, or an officer of the owning or the deciding body) is the route's policy check; the
 * report records the account and member it came from.
 */
export async function reportOnTask(
  ctx: UseCaseContext,
  input: ReportOnTaskInput,
): Promise<{ task: TaskRow; report: TaskReportRow }> {
  const data = parseInput(reportOnTaskInputSchema, input, 'task report')
  const task = await loadTask(ctx.db, data.taskId, 'update')
  assertTaskOpen(task)
  const now = ctx.clock.now()
  const report = await ctx.db
    .insertInto('task_reports')
    .values({
      task_id: task.id,
      region_id: task.region_id,
      author_account_id: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
      author_member_id: data.memberId ?? null,
      text: data.text,
      progress: data.progress,
      closes: data.closes,
      reported_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const updated = await ctx.db
    .updateTable('decision_tasks')
    .set({
      progress: data.progress,
      ...(data.closes ? { state: 'done' as const, closed_at: now } : {}),
    })
    .where('id', '=', task.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  // A closed task cannot fall overdue; the handler would find it done anyway.
  if (data.closes) await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.taskDue, subjectId: task.id })
  await appendEvent(
    ctx,
    {
      type: 'task.reported',
      payload: { taskId: task.id, reportId: report.id, progress: data.progress, closes: data.closes },
    },
    taskPlacement(task),
  )
  return { task: updated, report }
}
