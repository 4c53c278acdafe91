import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import type { UseCaseContext } from '../shared/context.ts'

/** What a handler may ask for once its transaction has committed. */
export interface JobOutcome {
  /**
   * Work that cannot run inside a transaction (a VACUUM, say), run on the database after the
   * job's transaction has committed. A failure here is reported but does not undo the job.
   */
  readonly afterCommit?: (db: Kysely<DB>) => Promise<void>
}

/**
 * Performs one scheduled transition for one subject, inside the transaction that marks the job
 * done. Handlers MUST be idempotent: a job may be retried after a failure, or find its work
 * already done (by a person, or by an earlier attempt whose commit raced a crash), so a handler
 * reads its subject's state first and does nothing when the transition is moot.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that needs nothing after commit returns nothing
export type JobHandler = (ctx: UseCaseContext, subjectId: number) => Promise<JobOutcome | void>

/** Handlers by job kind (e.g. `election.open-voting`); the composition root assembles them. */
export type JobHandlers = Readonly<Record<string, JobHandler>>
