import { z } from 'zod'
import type { ElectionRow, ElectionState } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { discardQueuedBallots, lockBallotQueue } from './ballot-queue.ts'
import { ELECTION_JOB_PREFIX, electionPlacement, loadElection } from './election-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const cancelElectionInputSchema = z.object({
  electionId: id,
  /** Why, in words members will read; kept in the elections table, not the log (it may name people). */
  reason: z.string().trim().min(1).max(2000),
})

export type CancelElectionInput = z.input<typeof cancelElectionInputSchema>

/** What a cancellation did. */
export interface CancelElectionResult {
  /** False when the election was cancelled already (nothing was done). */
  readonly cancelled: boolean
  readonly fromState: ElectionState
  /**
   * Ballots cast before a cancellation during voting, deleted uncounted. When above zero, the
   * caller should VACUUM the queue after commit (vacuumBallotQueue) so no dead row keeps its
   * voter's transaction id.
   */
  readonly discardedBallots: number
}

/**
 * The steps of a cancellation on an election already loaded and locked (`for update`): shared by
 * cancelElection and by openVoting when a contest has no candidate.
 */
export async function applyCancellation(
  ctx: UseCaseContext,
  election: ElectionRow,
  reason: string,
): Promise<CancelElectionResult> {
  let discardedBallots = 0
  if (election.state === 'voting') {
    // No cast may be writing to the queue while its ballots are discarded (a no-op when held).
    await lockBallotQueue(ctx.db, election.id)
    discardedBallots = await discardQueuedBallots(ctx.db, election.id)
  }
  await ctx.db
    .updateTable('elections')
    .set({ state: 'cancelled', cancelled_at: ctx.clock.now(), cancel_reason: reason })
    .where('id', '=', election.id)
    .execute()
  await cancelJobs(ctx, { subjectId: election.id, kindPrefix: ELECTION_JOB_PREFIX })
  await appendEvent(
    ctx,
    { type: 'election.cancelled', payload: { fromState: election.state, reasonGiven: reason.length > 0 } },
    electionPlacement(election),
  )
  return { cancelled: true, fromState: election.state, discardedBallots }
}

/**
 * Cancels an election from any state but closed (ELECTION_CLOSED), with a reason kept in the
 * elections table. Its pending transitions are cancelled; ballots cast so far (if voting had
 * opened) are discarded uncounted, and the voter roll stays as the record of who took part.
 * Idempotent: cancelling a cancelled election does nothing. Writes `election.cancelled`.
 */
export async function cancelElection(
  ctx: UseCaseContext,
  input: CancelElectionInput,
): Promise<CancelElectionResult> {
  const data = parseInput(cancelElectionInputSchema, input, 'cancellation')
  // The queue lock before the row lock, in the order the close takes them (no deadlock with it).
  await lockBallotQueue(ctx.db, data.electionId)
  const election = await loadElection(ctx.db, data.electionId, 'update')
  if (election.state === 'cancelled') return { cancelled: false, fromState: 'cancelled', discardedBallots: 0 }
  if (election.state === 'closed') {
    throw new AppError('ELECTION_CLOSED', `Election ${election.id} is closed; a result cannot be cancelled`, {
      electionId: election.id,
      state: election.state,
    })
  }
  return applyCancellation(ctx, election, data.reason)
}
