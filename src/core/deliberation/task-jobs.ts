import type { JobHandlers } from '../scheduler/job-handler.ts'

/** Tasks' scheduled checks (a deadline passing with the task still open). */
export const taskJobHandlers: JobHandlers = {}
