import type { ElectionState } from '../../db/schema.ts'
import type { JobHandler, JobHandlers } from '../scheduler/job-handler.ts'
import { closeElection } from './close-election.ts'
import { closeNominations } from './close-nominations.ts'
import { ELECTION_JOB_KINDS, loadElection } from './election-lookups.ts'
import { openNominations } from './open-nominations.ts'
import { openVoting } from './open-voting.ts'

/**
 * A handler that locks the election, does nothing when the transition is moot in its state (the
 * election moved past it, or was cancelled or closed meanwhile: the idempotence the scheduler
 * asks of handlers), and otherwise runs the transition. In any other state the transition's own
 * refusal (ELECTION_WRONG_PHASE) fails the job, so a stuck election shows in `scheduled_jobs`.
 */
function transition(moot: readonly ElectionState[], run: JobHandler): JobHandler {
  return async (ctx, electionId) => {
    const election = await loadElection(ctx.db, electionId, 'update')
    if (moot.includes(election.state)) return
    return run(ctx, electionId)
  }
}

/**
 * The election transitions the shared scheduler runs, by job kind (callElection schedules them).
 * The composition root (src/cli) hands these to the runner with the other capabilities' handlers.
 */
export const electionJobHandlers: JobHandlers = {
  [ELECTION_JOB_KINDS.openNominations]: transition(
    ['nominating', 'voting', 'closed', 'cancelled'],
    async (ctx, id) => {
      await openNominations(ctx, id)
    },
  ),
  [ELECTION_JOB_KINDS.closeNominations]: transition(['voting', 'closed', 'cancelled'], async (ctx, id) => {
    await closeNominations(ctx, id)
  }),
  [ELECTION_JOB_KINDS.openVoting]: transition(['voting', 'closed', 'cancelled'], async (ctx, id) => {
    await openVoting(ctx, id)
  }),
  // The close takes its own locks (the ballot queue's, then the election's, the order every
  // writer uses) and is idempotent itself; its afterCommit VACUUMs the ballot queue.
  [ELECTION_JOB_KINDS.closeVoting]: (ctx, id) => closeElection(ctx, id),
}
