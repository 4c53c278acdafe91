import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { startBackgroundLoop } from '../shared/background-loop.ts'
import type { Clock } from '../shared/clock.ts'
import type { JobHandlers } from './job-handler.ts'
import { type JobError, type RunDueJobsOptions, runDueJobs } from './run-due-jobs.ts'

export interface SchedulerOptions extends RunDueJobsOptions {
  /** Pause between passes. */
  readonly intervalMs: number
  /** Called when a pass fails as a whole, and for each job that failed in a pass. */
  readonly onError: (error: unknown, job?: JobError) => void
  /** Called after each pass that completed at least one job. */
  readonly onDone?: (done: number) => void
}

/**
 * Runs due jobs in the background for the server, one pass at a time, `intervalMs` apart (like
 * the sealer). State lives in `scheduled_jobs`, so a restart picks up whatever fell due while the
 * process was down. Returns `stop()`, which resolves once a pass that is running has finished.
 */
export function startScheduler(
  db: Kysely<DB>,
  clock: Clock,
  handlers: JobHandlers,
  options: SchedulerOptions,
): () => Promise<void> {
  return startBackgroundLoop(
    options.intervalMs,
    async () => {
      const result = await runDueJobs({ db, clock }, handlers, options)
      for (const job of result.errors) options.onError(job.error, job)
      if (result.done > 0) options.onDone?.(result.done)
    },
    (error) => options.onError(error),
  )
}
