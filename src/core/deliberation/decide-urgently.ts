import { z } from 'zod'
import type { DecisionRow } from '../../db/schema-deliberation.ts'
import { parseInput } from '../members/schemas.ts'
import { cancelJobs } from '../scheduler/cancel-jobs.ts'
import { daysAfter, toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { invalidInput } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import {
  assertMeetingOfBody,
  decisionSetting,
  discussionRequired,
  isDiscussionCompleted,
} from './decision-rules-check.ts'
import { loadMeeting } from './meeting-lookups.ts'
import { assertQuestionState, DELIBERATION_JOB_KINDS, loadQuestion } from './question-lookups.ts'
import { writeDecision } from './write-decision.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** A justification is written reasoning the body will ratify: a sentence at least, a page at most. */
export const URGENT_LIMITS = { justificationMin: 20, justification: 5_000 } as const

export const decideUrgentlyInputSchema = z.object({
  questionId: id,
  justification: plainText(URGENT_LIMITS.justification, URGENT_LIMITS.justificationMin),
  outcome: z.enum(['adopted', 'rejected']).default('adopted'),
  /** The meeting that decided, if one did (an urgent decision needs none). */
  meetingId: id.nullable().optional(),
})

export type DecideUrgentlyInput = z.input<typeof decideUrgentlyInputSchema>

/**
 * The urgent exception (deliberation.manage): the question is decided at once, whatever its
 * phase (collecting signatures, in discussion, discussed, or while its vote is open), with a
 * written justification, and the body must ratify the decision within the charter's deadline (a
 * job checks it then). Without an urgent rule in the charter there is no exception to invoke: a
 * major question is refused DISCUSSION_REQUIRED (its `major` rule), any other VALIDATION_FAILED.
 * The scheduled close of an open discussion is cancelled; an open vote's record is kept.
 */
export async function decideUrgently(ctx: UseCaseContext, input: DecideUrgentlyInput): Promise<DecisionRow> {
  const data = parseInput(decideUrgentlyInputSchema, input, 'urgent decision')
  const question = await loadQuestion(ctx.db, data.questionId, 'update')
  assertQuestionState(question, ['collecting', 'discussion', 'discussed', 'voting'])
  const now = ctx.clock.now()
  const today = toIsoDate(now)
  const { version, rules } = await decisionSetting(ctx.db, question, today)
  const urgent = rules.urgent
  if (!urgent) {
    if (question.major) throw discussionRequired(question)
    throw invalidInput('The charter in force provides no urgent decisions', [
      { path: 'justification', message: 'the charter has no urgent rule' },
    ])
  }
  const meetingId = data.meetingId ?? null
  if (meetingId !== null) assertMeetingOfBody(await loadMeeting(ctx.db, meetingId), question.body_id)
  const decision = await writeDecision(ctx, {
    question,
    kind: 'urgent',
    outcome: data.outcome,
    exception: 'urgent',
    discussionCompleted: isDiscussionCompleted(question),
    charterVersionId: version.versionId,
    decidedAt: now,
    justification: data.justification,
    meetingId,
    ratifyBy: daysAfter(today, urgent.ratifyWithinDays),
  })
  await cancelJobs(ctx, { kind: DELIBERATION_JOB_KINDS.closeDiscussion, subjectId: question.id })
  return decision
}
