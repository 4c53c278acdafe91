import type { UseCaseContext } from '../shared/context.ts'

/**
 * Which pending jobs to cancel: one subject's jobs of one kind, or of a family of kinds by
 * prefix (`election.`). A kind is required because subject ids are per capability: election 5
 * and discussion 5 are different subjects.
 */
export type CancelJobsInput = { readonly subjectId: number } & (
  | { readonly kind: string }
  | { readonly kindPrefix: string }
)

/**
 * Cancels a subject's pending jobs in the caller's transaction (an election cancelled, a
 * discussion closed early). Jobs already done or failed keep their record. Returns how many
 * were cancelled.
 */
export async function cancelJobs(ctx: UseCaseContext, input: CancelJobsInput): Promise<number> {
  let query = ctx.db
    .updateTable('scheduled_jobs')
    .set({ state: 'cancelled', done_at: ctx.clock.now() })
    .where('subject_id', '=', input.subjectId)
    .where('state', '=', 'pending')
  if ('kind' in input) query = query.where('kind', '=', input.kind)
  else query = query.where('kind', 'like', `${input.kindPrefix.replace(/[\\%_]/g, '\\$&')}%`)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
