import type { Selectable } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { DecisionsTable, QuestionState } from '../../db/schema-deliberation.ts'
import { toIsoDate } from '../shared/clock.ts'
import { contentVisibleSql, type RedactedQuestion, redactQuestion } from './question-visibility.ts'

/** How a decision reads (shared by the list and the single view), through the one visibility rule. */

/** The question a decision settled, for those who may read its words. */
export interface DecisionQuestion {
  readonly id: number
  readonly bodyId: number
  readonly raisedOn: string
  readonly title: string
  readonly topic: string
  readonly major: boolean
  readonly confidential: boolean
  readonly state: QuestionState
  readonly redacted: false
}

/** pending → overdue once its deadline has passed; ratified and rejected keep whether it was late. */
export type RatificationState = 'pending' | 'overdue' | 'ratified' | 'rejected'

/** A decision as those who may read its question see it. */
export interface DecisionView {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly question: DecisionQuestion
  readonly kind: 'vote' | 'urgent' | 'recorded'
  readonly outcome: 'adopted' | 'rejected'
  readonly exception: 'urgent' | 'confidential' | null
  readonly discussionCompleted: boolean
  /** The `major` rule that required a discussion, when one did. */
  readonly discussionRuleId: string | null
  /** Null for a decision taken without a vote (urgent, recorded). */
  readonly method: 'yes-no' | 'choice' | null
  /** A choice vote's winner when a counter-proposal won (null: the proposal itself). */
  readonly chosenCommentId: number | null
  readonly meetingId: number | null
  readonly counts: { readonly yes: number; readonly no: number; readonly abstain: number } | null
  readonly quorum: {
    readonly decidingMembers: number
    readonly required: number
    readonly present: number
    readonly ruleId: string | null
  } | null
  readonly ratification: {
    readonly state: RatificationState
    readonly ratifyBy: string
    readonly ratifiedAt: string | null
    /** Ratified or rejected after the deadline (kept visible for the audit). */
    readonly late: boolean
    readonly meetingId: number | null
  } | null
  readonly justification: string | null
  readonly recordedSource: string | null
  readonly charterVersionId: number
  readonly decidedAt: string
  readonly redacted: false
}

/**
 * All that a member outside a confidential question's audience learns of its decision: that a
 * decision on a confidential question was taken, by which body and on which day. Not its kind,
 * outcome, exception, quorum, meeting or ratification: each of those tells what the body did.
 */
export interface RedactedDecision {
  readonly id: number
  readonly bodyId: number
  readonly decidedOn: string
  readonly confidential: true
  readonly redacted: true
  readonly question: RedactedQuestion
}

/** A decision row with its question and body, as the decision queries select it. */
export type DecisionJoinedRow = Selectable<DecisionsTable> & {
  readonly body_name: string
  readonly question_title: string
  readonly question_topic: string
  readonly question_major: boolean
  readonly question_confidential: boolean
  readonly question_state: QuestionState
  readonly question_raised_at: Date
  readonly readable: boolean
}

/** The decisions query: each decision with its question, its body and whether the viewer reads it. */
export function selectDecisions(db: Executor, viewerMemberId: number | null, today: string) {
  return db
    .selectFrom('decisions')
    .innerJoin('questions', 'questions.id', 'decisions.question_id')
    .innerJoin('bodies as b', 'b.id', 'decisions.body_id')
    .selectAll('decisions')
    .select([
      'b.name as body_name',
      'questions.title as question_title',
      'questions.topic as question_topic',
      'questions.major as question_major',
      'questions.confidential as question_confidential',
      'questions.state as question_state',
      'questions.raised_at as question_raised_at',
      contentVisibleSql(viewerMemberId, today).as('readable'),
    ])
}

function ratificationOf(row: DecisionJoinedRow, today: string): DecisionView['ratification'] {
  if (row.ratification === null || row.ratify_by === null) return null
  const ratifyBy = row.ratify_by
  const ratifiedOn = row.ratified_at ? toIsoDate(new Date(row.ratified_at)) : null
  const state: RatificationState =
    row.ratification === 'pending' && today > ratifyBy ? 'overdue' : row.ratification
  return {
    state,
    ratifyBy,
    ratifiedAt: row.ratified_at ? new Date(row.ratified_at).toISOString() : null,
    late: ratifiedOn !== null && ratifiedOn > ratifyBy,
    meetingId: row.ratification_meeting_id,
  }
}

/** The redacted form of a decision (see RedactedDecision). */
export function redactDecision(row: DecisionJoinedRow): RedactedDecision {
  return {
    id: row.id,
    bodyId: row.body_id,
    decidedOn: toIsoDate(new Date(row.decided_at)),
    confidential: true,
    redacted: true,
    question: redactQuestion({
      id: row.question_id,
      body_id: row.body_id,
      raised_at: row.question_raised_at,
    }),
  }
}

/**
 * A decision as the viewer may see it: whole for those who may read its question, and outside a
 * confidential question's audience only that it exists, with its date and body (RedactedDecision).
 */
export function presentDecision(row: DecisionJoinedRow, today: string): DecisionView | RedactedDecision {
  return row.readable ? presentReadableDecision(row, today) : redactDecision(row)
}

/** A decision in full, for a viewer who may read its question (the caller has checked). */
export function presentReadableDecision(row: DecisionJoinedRow, today: string): DecisionView {
  const question: DecisionQuestion = {
    id: row.question_id,
    bodyId: row.body_id,
    raisedOn: toIsoDate(new Date(row.question_raised_at)),
    title: row.question_title,
    topic: row.question_topic,
    major: row.question_major,
    confidential: row.question_confidential,
    state: row.question_state,
    redacted: false,
  }
  const counted = row.yes_count !== null && row.no_count !== null && row.abstain_count !== null
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    question,
    kind: row.kind,
    outcome: row.outcome,
    exception: row.exception,
    discussionCompleted: row.discussion_completed,
    discussionRuleId: row.discussion_rule_id,
    method: row.method,
    chosenCommentId: row.chosen_comment_id,
    meetingId: row.meeting_id,
    counts: counted
      ? { yes: row.yes_count ?? 0, no: row.no_count ?? 0, abstain: row.abstain_count ?? 0 }
      : null,
    quorum:
      row.deciding_members !== null && row.quorum_required !== null && row.present !== null
        ? {
            decidingMembers: row.deciding_members,
            required: row.quorum_required,
            present: row.present,
            ruleId: row.quorum_rule_id,
          }
        : null,
    ratification: ratificationOf(row, today),
    justification: row.justification,
    recordedSource: row.recorded_source,
    charterVersionId: row.charter_version_id,
    decidedAt: new Date(row.decided_at).toISOString(),
    redacted: false,
  }
}
