import type {
  DecisionKind,
  DecisionRow,
  DecisionVoteMethod,
  QuestionRow,
} from '../../db/schema-deliberation.ts'
import { appendEvent } from '../events/append-event.ts'
import { scheduleJob } from '../scheduler/schedule-job.ts'
import { endOfDay } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'

/** Everything a decision records; the vote's fields stay null for urgent and recorded decisions. */
export interface DecisionRecord {
  readonly question: QuestionRow
  readonly kind: DecisionKind
  readonly outcome: 'adopted' | 'rejected'
  readonly exception: 'urgent' | 'confidential' | null
  readonly discussionCompleted: boolean
  readonly charterVersionId: number
  readonly decidedAt: Date
  readonly method?: DecisionVoteMethod | null
  readonly chosenCommentId?: number | null
  readonly justification?: string | null
  readonly meetingId?: number | null
  readonly counts?: { readonly yes: number; readonly no: number; readonly abstain: number } | null
  readonly countReport?: unknown
  readonly quorum?: {
    readonly decidingMembers: number
    readonly required: number
    readonly present: number
    readonly ruleId: string | null
  } | null
  /** Urgent decisions: the date by which the body must ratify (a job checks it then). */
  readonly ratifyBy?: string | null
  /** Recorded decisions: where the record of past practice comes from. */
  readonly recordedSource?: string | null
}

/**
 * Writes a decision (one per question), marks the question decided and logs `decision.taken`,
 * all in the caller's transaction. Every way of deciding (a vote, an urgent decision, a record of
 * past practice) ends here, so the decision row always links the question (its discussion), the
 * vote and the meeting the same way. The caller has checked the rules and locked the question.
 */
export async function writeDecision(ctx: UseCaseContext, record: DecisionRecord): Promise<DecisionRow> {
  const { question } = record
  const decision = await ctx.db
    .insertInto('decisions')
    .values({
      region_id: question.region_id,
      body_id: question.body_id,
      question_id: question.id,
      kind: record.kind,
      outcome: record.outcome,
      method: record.method ?? null,
      chosen_comment_id: record.chosenCommentId ?? null,
      exception: record.exception,
      discussion_completed: record.discussionCompleted,
      discussion_rule_id: question.major ? question.major_rule_id : null,
      justification: record.justification ?? null,
      meeting_id: record.meetingId ?? null,
      yes_count: record.counts?.yes ?? null,
      no_count: record.counts?.no ?? null,
      abstain_count: record.counts?.abstain ?? null,
      count_report: record.countReport === undefined ? null : JSON.stringify(record.countReport),
      deciding_members: record.quorum?.decidingMembers ?? null,
      quorum_required: record.quorum?.required ?? null,
      present: record.quorum?.present ?? null,
      quorum_rule_id: record.quorum?.ruleId ?? null,
      ratify_by: record.ratifyBy ?? null,
      ratification: record.kind === 'urgent' ? 'pending' : null,
      ratified_at: null,
      ratification_meeting_id: null,
      recorded_source: record.recordedSource ?? null,
      charter_version_id: record.charterVersionId,
      decided_at: record.decidedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await ctx.db.updateTable('questions').set({ state: 'decided' }).where('id', '=', question.id).execute()
  if (record.ratifyBy) {
    await scheduleJob(ctx, {
      kind: DELIBERATION_JOB_KINDS.ratificationDue,
      subjectId: decision.id,
      dueAt: endOfDay(record.ratifyBy),
    })
  }
  await appendEvent(
    ctx,
    {
      type: 'decision.taken',
      payload: question.confidential
        ? {
            decisionId: decision.id,
            questionId: question.id,
            confidential: true,
            kind: null,
            outcome: null,
            exception: null,
            discussionCompleted: null,
            discussionRuleId: null,
            meetingId: null,
            quorumRequired: null,
            present: null,
            ratifyBy: null,
          }
        : {
            decisionId: decision.id,
            questionId: question.id,
            confidential: false,
            kind: record.kind,
            outcome: record.outcome,
            exception: record.exception,
            discussionCompleted: record.discussionCompleted,
            discussionRuleId: decision.discussion_rule_id,
            meetingId: decision.meeting_id,
            quorumRequired: decision.quorum_required,
            present: decision.present,
            ratifyBy: decision.ratify_by,
          },
    },
    {
      bodyId: question.body_id,
      regionId: question.region_id,
      subject: { kind: 'decision', id: decision.id },
    },
  )
  return decision
}
