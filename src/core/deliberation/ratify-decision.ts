import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { DecisionRow } from '../../db/schema-deliberation.ts'
import { appendEvent, type EventPlacement } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { assertMeetingOfBody } from './decision-rules-check.ts'
import { quorumFor } from './deliberation-rules.ts'
import { loadMeeting } from './meeting-lookups.ts'
import { meetingQuorumBasis } from './meeting-quorum.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const ratifyDecisionInputSchema = z.object({
  decisionId: id,
  /** The body confirms the urgent decision, or rejects it. */
  outcome: z.enum(['ratified', 'rejected']),
  /** The meeting that ratified it, if one did: it must have had its quorum. */
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
 * still pending (NOT_AWAITING_RATIFICATION otherwise). At a meeting, the meeting must have had its
 * quorum (QUORUM_NOT_MET with the quorum rule id). Past the deadline the body may still ratify:
 * the decision keeps its deadline and the ratification's date, so lateness stays visible to the
 * audit rather than being refused into a decision that is never ratified at all.
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
  const meetingId = data.meetingId ?? null
  if (meetingId !== null) {
    const meeting = await loadMeeting(ctx.db, meetingId)
    assertMeetingOfBody(meeting, decision.body_id)
    const present = meeting.present_count ?? 0
    if (meeting.quorum_required === null || present < meeting.quorum_required) {
      // Attendance not recorded: nobody is known to be present; the quorum is the charter's.
      const basis = meeting.quorum_required === null ? await meetingQuorumBasis(ctx.db, meeting) : null
      throw new AppError('QUORUM_NOT_MET', 'The meeting did not have its quorum, so it cannot ratify', {
        ruleId: basis ? basis.ruleId : meeting.quorum_rule_id,
        required: basis ? quorumFor(basis.share, basis.decidingIds.length) : meeting.quorum_required,
        present,
        decidingMembers: basis ? basis.decidingIds.length : meeting.deciding_members,
        meetingId: meeting.id,
      })
    }
  }
  const ratified = await ctx.db
    .updateTable('decisions')
    .set({ ratification: data.outcome, ratified_at: ctx.clock.now(), ratification_meeting_id: meetingId })
    .where('id', '=', decision.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.ratificationDue, subjectId: decision.id })
  await appendEvent(
    ctx,
    { type: 'decision.ratified', payload: { decisionId: decision.id, outcome: data.outcome, meetingId } },
    decisionPlacement(decision),
  )
  return ratified
}
