import type { JobHandlers } from '../scheduler/job-handler.ts'
import { closeDiscussion } from './close-discussion.ts'
import { DELIBERATION_JOB_KINDS, loadQuestion } from './question-lookups.ts'

/**
 * The discussion's scheduled transitions. Each is idempotent: a discussion the body already
 * closed, or a question withdrawn or decided meanwhile, makes the job moot.
 */
export const discussionJobHandlers: JobHandlers = {
  [DELIBERATION_JOB_KINDS.closeDiscussion]: async (ctx, questionId) => {
    const question = await loadQuestion(ctx.db, questionId, 'update')
    if (question.state !== 'discussion') return
    await closeDiscussion(ctx, { questionId, reason: 'maximum' })
  },
}
