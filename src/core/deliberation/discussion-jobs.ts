import { appendEvent } from '../events/append-event.ts'
import { eventLogged } from '../events/event-logged.ts'
import type { JobHandlers } from '../scheduler/job-handler.ts'
import { toIsoDate } from '../shared/clock.ts'
import { closeDiscussion } from './close-discussion.ts'
import { DELIBERATION_JOB_KINDS, loadQuestion, questionPlacement } from './question-lookups.ts'

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

  /**
   * The declassification date arrived. Visibility already follows the date (the visibility rule
   * compares it with today), so this only puts the moment on the log, once: a retried job, or one
   * whose date is not yet reached, writes nothing. The payload carries the id only, as always.
   */
  [DELIBERATION_JOB_KINDS.declassify]: async (ctx, questionId) => {
    const question = await loadQuestion(ctx.db, questionId, 'update')
    const today = toIsoDate(ctx.clock.now())
    if (!question.confidential || question.declassify_on === null || question.declassify_on > today) return
    if (await eventLogged(ctx.db, { kind: 'question', id: question.id }, 'question.declassified')) return
    await appendEvent(
      ctx,
      { type: 'question.declassified', payload: { questionId: question.id } },
      questionPlacement(question),
    )
  },
}
