import { deliberationJobHandlers } from '../core/deliberation/deliberation-jobs.ts'
import { electionJobHandlers } from '../core/elections/election-jobs.ts'
import type { JobHandlers } from '../core/scheduler/job-handler.ts'

/**
 * Every capability's scheduled-job handlers, assembled here at the composition root: the
 * scheduler in core knows none of them. Information adds its own beside these.
 */
export const jobHandlers: JobHandlers = { ...electionJobHandlers, ...deliberationJobHandlers }
