import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { DecisionRow } from '../../db/schema-deliberation.ts'
import { appendEvent, type EventPlacement } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { assertMeetingOfBody, decisionSetting, voteQuorum } from './decision-rules-check.ts'
import { assertMeetingStarted, loadMeeting } from './meeting-lookups.ts'
import { DELIBERATION_JOB_KINDS, loadQuestion } from './question-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const ratifyDecisionInputSchema = z.object({
  decisionId: id,
  /** The body confirms the urgent decision, or rejects it. */
  outcome: z.enum(['ratified', 'rejected']),
  /**
   * The meeting of the body that ratified it: required ("ratified by the body"), begun, with its
   * attendance recorded and quorate. Optional here only so that its absence is refused with the
   * rule (MEETING_REQUIRED) rather than as malformed input.
   */
  meetingId: id.nullable().optional(),
})

export type RatifyDecisionInput = z.input<typeof ratifyDecisionInputSchema>

/** Loads a decision, or DECISION_NOT_FOUND; `update` for a change of its ratification. */
export async function loadDecision(db: Executor, decisionId: number, lock?: 'update'): Promise<DecisionRow> {
  let query = db.selectFrom('decisions').selectAll().where('id', '=', decisionId)
  if (lock === 'update') query = query.forUpdate()
  const decision = await query.executeTakeFirst()
  if (!decision) throw new AppError('DECISION_NOT_FOUND', `No decision with id ${decisionId}`, { decisionId })
  return decision
}

/** Where a decision's events go: its body, its region, and the decision as subject. */
export function decisionPlacement(
  decision: Pick<DecisionRow, 'id' | 'body_id' | 'region_id'>,
): EventPlacement {
  return {
    bodyId: decision.body_id,
    regionId: decision.region_id,
    subject: { kind: 'decision', id: decision.id },
  }
}

/**
 * The body ratifies (or rejects) an urgent decision (deliberation.manage). Only an urgent decision
 * still pending (NOT_AWAITING_RATIFICATION otherwise). "Ratified by the body": at a meeting of the
 * body (MEETING_REQUIRED citing the urgent rule without one), not cancelled, begun
 * (MEETING_WRONG_STATE), and quorate by the quorum a vote needs (voteQuorum: its attendees who may
 * decide the question today, against the body's full roll), QUORUM_NOT_MET with the quorum rule id
 * otherwise (a meeting whose attendance was never recorded has nobody present). An officer alone
 * cannot ratify. Past the deadline the body may still ratify: the decision keeps its deadline and
 * the ratification's date, so lateness stays visible to the audit rather than being refused into
 * a decision that is never ratified at all.
 */
export async function ratifyDecision(ctx: UseCaseContext, input: RatifyDecisionInput): Promise<DecisionRow> {
  const data = parseInput(ratifyDecisionInputSchema, input, 'ratification')
  const decision = await loadDecision(ctx.db, data.decisionId, 'update')
  if (decision.kind !== 'urgent' || decision.ratification !== 'pending') {
    throw new AppError(
      'NOT_AWAITING_RATIFICATION',
      'Only an urgent decision awaiting ratification is ratified',
      {
        decisionId: decision.id,
        kind: decision.kind,
        ratification: decision.ratification,
      },
    )
  }
  const now = ctx.clock.now()
  const question = await loadQuestion(ctx.db, decision.question_id)
  const setting = await decisionSetting(ctx.db, question, toIsoDate(now))
  const meetingId = data.meetingId ?? null
  if (meetingId === null) {
    throw new AppError(
      'MEETING_REQUIRED',
      'An urgent decision is ratified by the body: name the meeting of the body that ratified it',
      { ruleId: setting.rules.urgent?.id ?? null, decisionId: decision.id },
    )
  }
  const meeting = await loadMeeting(ctx.db, meetingId)
  assertMeetingOfBody(meeting, decision.body_id)
  assertMeetingStarted(meeting, now)
  const quorum = await voteQuorum(ctx.db, setting, { meetingId })
  if (quorum.present < quorum.required) {
    throw new AppError('QUORUM_NOT_MET', 'The meeting did not have its quorum, so it cannot ratify', {
      ...quorum,
      meetingId: meeting.id,
      attendanceRecorded: meeting.present_count !== null,
    })
  }
  const ratified = await ctx.db
    .updateTable('decisions')
    .set({ ratification: data.outcome, ratified_at: now, ratification_meeting_id: meetingId })
    .where('id', '=', decision.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.ratificationDue, subjectId: decision.id })
  await appendEvent(
    ctx,
    {
      type: 'decision.ratified',
      payload: { decisionId: decision.id, outcome: question.confidential ? null : data.outcome, meetingId },
    },
    decisionPlacement(decision),
  )
  return ratified
}
