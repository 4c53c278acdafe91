import { z } from 'zod'
import type { TaskRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getActiveBody } from '../orgs/get-body.ts'
import { scheduleJob } from '../scheduler/schedule-job.ts'
import { endOfDay, toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'
import { TASK_LIMITS, taskPlacement } from './task-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const createTaskInputSchema = z
  .object({
    decisionId: id,
    title: plainText(TASK_LIMITS.title),
    /** The one owner: a member, or a body (exactly one of the two). */
    ownerMemberId: id.nullish(),
    ownerBodyId: id.nullish(),
    dueOn: isoDateSchema,
  })
  .refine((data) => (data.ownerMemberId == null) !== (data.ownerBodyId == null), {
    message: 'a task has exactly one owner: a member or a body',
    path: ['ownerMemberId'],
  })

export type CreateTaskInput = z.input<typeof createTaskInputSchema>

/**
 * Sets a task to carry out an adopted decision ("like-acting", not only "like-minded"): a title,
 * one owner (a member or a body, which must exist) and a deadline no earlier than the decision.
 * A rejected decision, or an urgent one its body refused to ratify, has nothing to carry out
 * (CONFLICT). A job checks the task at the end of its due day.
 */
export async function createTask(ctx: UseCaseContext, input: CreateTaskInput): Promise<TaskRow> {
  const data = parseInput(createTaskInputSchema, input, 'task')
  const decision = await ctx.db
    .selectFrom('decisions')
    .selectAll()
    .where('id', '=', data.decisionId)
    .forShare()
    .executeTakeFirst()
  if (!decision) {
    throw new AppError('DECISION_NOT_FOUND', `No decision with id ${data.decisionId}`, {
      decisionId: data.decisionId,
    })
  }
  if (decision.outcome !== 'adopted' || decision.ratification === 'rejected') {
    throw new AppError(
      'CONFLICT',
      decision.outcome !== 'adopted'
        ? 'The decision was rejected: there is nothing to carry out'
        : 'The body refused to ratify this urgent decision: there is nothing to carry out',
      { decisionId: decision.id, outcome: decision.outcome, ratification: decision.ratification },
    )
  }
  const decidedOn = toIsoDate(new Date(decision.decided_at))
  if (data.dueOn < decidedOn) {
    throw invalidInput('A task falls due on or after its decision', [
      { path: 'dueOn', message: `must be on or after ${decidedOn}` },
    ])
  }
  if (data.ownerMemberId != null) {
    const member = await ctx.db
      .selectFrom('members')
      .select('id')
      .where('id', '=', data.ownerMemberId)
      .executeTakeFirst()
    if (!member) {
      throw new AppError('MEMBER_NOT_FOUND', `No member with id ${data.ownerMemberId}`, {
        memberId: data.ownerMemberId,
      })
    }
  }
  if (data.ownerBodyId != null) await getActiveBody(ctx.db, data.ownerBodyId)

  const task = await ctx.db
    .insertInto('decision_tasks')
    .values({
      region_id: decision.region_id,
      body_id: decision.body_id,
      decision_id: decision.id,
      title: data.title,
      owner_member_id: data.ownerMemberId ?? null,
      owner_body_id: data.ownerBodyId ?? null,
      due_on: data.dueOn,
      state: 'open',
      created_at: ctx.clock.now(),
      closed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await scheduleJob(ctx, {
    kind: DELIBERATION_JOB_KINDS.taskDue,
    subjectId: task.id,
    dueAt: endOfDay(data.dueOn),
  })
  await appendEvent(
    ctx,
    {
      type: 'task.created',
      payload: {
        taskId: task.id,
        decisionId: decision.id,
        ownerMemberId: task.owner_member_id,
        ownerBodyId: task.owner_body_id,
        dueOn: task.due_on,
      },
    },
    taskPlacement(task),
  )
  return task
}
