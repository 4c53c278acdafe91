import { z } from 'zod'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'

const scheduleJobInputSchema = z.object({
  kind: z.string().min(1).max(100),
  subjectId: z.number().int().positive(),
  dueAt: z.date(),
})

export type ScheduleJobInput = z.input<typeof scheduleJobInputSchema>

/**
 * Schedules a transition for `dueAt` on the organisation's clock, in the caller's transaction (so
 * the job exists exactly when the change that needs it commits). (kind, subject, due time) is
 * unique: scheduling the same job twice is a no-op, and so is re-scheduling one that was cancelled
 * at that same time (it stays cancelled). Returns whether a row was inserted.
 */
export async function scheduleJob(ctx: UseCaseContext, input: ScheduleJobInput): Promise<boolean> {
  const data = parseInput(scheduleJobInputSchema, input, 'scheduled job')
  const inserted = await ctx.db
    .insertInto('scheduled_jobs')
    .values({
      kind: data.kind,
      subject_id: data.subjectId,
      due_at: data.dueAt,
      created_at: ctx.clock.now(),
      last_error: null,
      done_at: null,
    })
    .onConflict((oc) => oc.columns(['kind', 'subject_id', 'due_at']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}
