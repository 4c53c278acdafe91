import type { JobHandlers } from '../scheduler/job-handler.ts'
import { decisionJobHandlers } from './decision-jobs.ts'
import { discussionJobHandlers } from './discussion-jobs.ts'
import { taskJobHandlers } from './task-jobs.ts'

/** Every deliberation job handler, by kind (DELIBERATION_JOB_KINDS); the composition root registers them. */
export const deliberationJobHandlers: JobHandlers = {
  ...discussionJobHandlers,
  ...decisionJobHandlers,
  ...taskJobHandlers,
}
