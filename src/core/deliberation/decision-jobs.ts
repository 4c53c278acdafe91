import type { JobHandlers } from '../scheduler/job-handler.ts'

/** Decisions' scheduled checks (ratification deadlines, task deadlines). */
export const decisionJobHandlers: JobHandlers = {}
