import { type Kysely, sql } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { systemActor } from '../shared/actor.ts'
import type { Clock } from '../shared/clock.ts'
import type { JobHandlers, JobOutcome } from './job-handler.ts'

export interface RunDueJobsOptions {
  /** Jobs to attempt in this pass at most. */
  readonly limit?: number
  /** Failed attempts after which a job is marked `failed` and left for an operator. */
  readonly maxAttempts?: number
}

/** One job a pass could not complete, or whose after-commit work failed. */
export interface JobError {
  readonly jobId: number
  readonly kind: string
  readonly subjectId: number
  readonly error: unknown
  /** `retry`: still pending; `failed`: attempts exhausted; `after-commit`: the job is done. */
  readonly outcome: 'retry' | 'failed' | 'after-commit'
}

export interface RunDueJobsResult {
  /** Jobs whose handler ran and committed. */
  readonly done: number
  readonly errors: readonly JobError[]
}

const DEFAULT_LIMIT = 100
const DEFAULT_MAX_ATTEMPTS = 5

interface PickedJob {
  readonly id: number
  readonly kind: string
  readonly subjectId: number
}

type Attempt =
  | { readonly kind: 'none' }
  | { readonly kind: 'done'; readonly job: PickedJob; readonly outcome: JobOutcome | undefined }

/**
 * Runs the jobs that are due on `clock`, oldest first, one transaction per job. Each transaction
 * takes its job with `for update skip locked`, so two runners (two server processes, or the
 * server and `charter scheduler run`) never run one job twice; the handler's writes and the
 * `done` mark commit together. When a handler throws, its writes roll back with the transaction,
 * and a second transaction counts the attempt and keeps the error; after `maxAttempts` the job is
 * marked `failed`. A failed attempt is retried on a later pass, never twice in one pass. Only the
 * kinds in `handlers` are taken: a job of a kind this runner does not know waits for one that does.
 */
export async function runDueJobs(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  handlers: JobHandlers,
  options: RunDueJobsOptions = {},
): Promise<RunDueJobsResult> {
  const { db, clock } = deps
  const limit = options.limit ?? DEFAULT_LIMIT
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const kinds = Object.keys(handlers)
  const errors: JobError[] = []
  const triedThisPass: number[] = []
  let done = 0
  if (kinds.length === 0) return { done, errors }

  for (let attempt = 0; attempt < limit; attempt++) {
    let picked: PickedJob | null = null
    let result: Attempt
    try {
      result = await db.transaction().execute(async (trx): Promise<Attempt> => {
        let query = trx
          .selectFrom('scheduled_jobs')
          .select(['id', 'kind', 'subject_id'])
          .where('state', '=', 'pending')
          .where('due_at', '<=', clock.now())
          .where('kind', 'in', kinds)
        if (triedThisPass.length > 0) query = query.where('id', 'not in', triedThisPass)
        const row = await query
          .orderBy('due_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst()
        if (!row) return { kind: 'none' }
        const job = { id: row.id, kind: row.kind, subjectId: row.subject_id }
        picked = job
        triedThisPass.push(job.id)
        const handler = handlers[job.kind]
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
        const outcome = (await handler({ db: trx, clock, actor: systemActor }, job.subjectId)) ?? undefined
        await trx
          .updateTable('scheduled_jobs')
          .set((eb) => ({ state: 'done', done_at: clock.now(), attempts: eb('attempts', '+', 1) }))
          .where('id', '=', job.id)
          .execute()
        return { kind: 'done', job, outcome }
      })
    } catch (error) {
      const job = picked as PickedJob | null
      // The job was never taken (the pick itself failed): nothing to record; stop this pass.
      if (!job) throw error
      errors.push({ ...job, jobId: job.id, error, outcome: await recordFailure(db, job, error, maxAttempts) })
      continue
    }
    if (result.kind === 'none') break
    done++
    const afterCommit = result.outcome?.afterCommit
    if (afterCommit) {
      try {
        await afterCommit(db)
      } catch (error) {
        errors.push({ ...result.job, jobId: result.job.id, error, outcome: 'after-commit' })
      }
    }
  }
  return { done, errors }
}

/** Counts a failed attempt in its own transaction (the handler's has rolled back). */
async function recordFailure(
  db: Kysely<DB>,
  job: PickedJob,
  error: unknown,
  maxAttempts: number,
): Promise<'retry' | 'failed'> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000)
  // `state = 'pending'` guards against a runner that took the job and finished it meanwhile.
  const row = await db
    .updateTable('scheduled_jobs')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: message,
      state: sql<
        'failed' | 'pending'
      >`case when attempts >= ${maxAttempts - 1} then 'failed' else 'pending' end`,
    }))
    .where('id', '=', job.id)
    .where('state', '=', 'pending')
    .returning('state')
    .executeTakeFirst()
  return row?.state === 'failed' ? 'failed' : 'retry'
}
