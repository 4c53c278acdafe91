import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { scheduleJob } from '../scheduler/schedule-job.ts'
import { daysAfterInstant } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import type { DeliberationRules } from './deliberation-rules.ts'
import { DELIBERATION_JOB_KINDS, questionPlacement } from './question-lookups.ts'

/**
 * The columns a discussion opened at `openedAt` under `limits` records: the rule and its bounds
 * (copied, so a later charter version does not rewrite them) and the window they give.
 */
export function discussionWindow(openedAt: Date, limits: DeliberationRules['limits']) {
  return {
    limits_rule_id: limits?.id ?? null,
    minimum_days: limits?.minimumDays ?? null,
    maximum_days: limits?.maximumDays ?? null,
    discussion_opened_at: openedAt,
    discussion_earliest_close_at: daysAfterInstant(openedAt, limits?.minimumDays ?? 0),
    discussion_latest_close_at: limits ? daysAfterInstant(openedAt, limits.maximumDays) : null,
  }
}

/**
 * Opens a question's discussion now, within the charter's limits: it may not close before the
 * minimum and closes by itself at the maximum (a scheduled job). The limits are copied onto the
 * question, so a later charter version cannot shorten or lengthen a discussion already running.
 * Without a limits rule the discussion has neither bound and closes only when the body closes it.
 * Called by raising a question and by an initiative's last needed signature; the caller holds the
 * question's row (new, or locked).
 */
export async function openDiscussion(
  ctx: UseCaseContext,
  question: QuestionRow,
  rules: Pick<DeliberationRules, 'limits'>,
): Promise<QuestionRow> {
  const limits = rules.limits
  const window = discussionWindow(ctx.clock.now(), limits)
  const earliest = window.discussion_earliest_close_at
  const latest = window.discussion_latest_close_at
  const opened = await ctx.db
    .updateTable('questions')
    .set({ state: 'discussion', ...window })
    .where('id', '=', question.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (latest) {
    await scheduleJob(ctx, {
      kind: DELIBERATION_JOB_KINDS.closeDiscussion,
      subjectId: question.id,
      dueAt: latest,
    })
  }
  await appendEvent(
    ctx,
    {
      type: 'discussion.opened',
      payload: {
        questionId: question.id,
        ruleId: limits?.id ?? null,
        earliestCloseAt: earliest.toISOString(),
        latestCloseAt: latest?.toISOString() ?? null,
      },
    },
    questionPlacement(question),
  )
  return opened
}
