import { appendEvent } from '../events/append-event.ts'
import { eventLogged } from '../events/event-logged.ts'
import type { JobHandlers } from '../scheduler/job-handler.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'
import { decisionPlacement } from './ratify-decision.ts'

/**
 * Decisions' scheduled checks. The ratification deadline: an urgent decision still pending at
 * its `ratify_by` is logged overdue, once. Idempotent: a decision ratified or rejected meanwhile
 * makes the job moot, and a retry finds the event already written. The decision stays pending
 * (the body may still ratify it, late); the unratified list shows it overdue.
 */
export const decisionJobHandlers: JobHandlers = {
  [DELIBERATION_JOB_KINDS.ratificationDue]: async (ctx, decisionId) => {
    const decision = await ctx.db
      .selectFrom('decisions')
      .select(['id', 'body_id', 'region_id', 'ratification', 'ratify_by'])
      .where('id', '=', decisionId)
      .forUpdate()
      .executeTakeFirst()
    if (decision?.ratification !== 'pending' || decision.ratify_by === null) return
    if (await eventLogged(ctx.db, { kind: 'decision', id: decision.id }, 'decision.ratification_overdue'))
      return
    await appendEvent(
      ctx,
      {
        type: 'decision.ratification_overdue',
        payload: { decisionId: decision.id, ratifyBy: decision.ratify_by },
      },
      decisionPlacement(decision),
    )
  },
}
