import type { JobHandlers } from '../scheduler/job-handler.ts'

/** The discussion's scheduled transitions (close at the maximum, declassification). */
export const discussionJobHandlers: JobHandlers = {}
