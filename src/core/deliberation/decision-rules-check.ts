import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import type { MeetingRow, QuestionRow } from '../../db/schema-deliberation.ts'
import { type CharterVersion, charterInForce } from '../charter/charter-in-force.ts'
import { getBody } from '../orgs/get-body.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { decidingMemberIds } from './deciding-members.ts'
import { type DeliberationRules, deliberationRules, quorumFor } from './deliberation-rules.ts'
import { assertMeetingStarted, loadMeeting } from './meeting-lookups.ts'

/** Shared reads and guards of the decision use cases (the vote, the urgent exception, ratification). */

/** What deciding a question today rests on: its body, the charter in force, its rules and who decides. */
export interface DecisionSetting {
  readonly body: BodyRow
  readonly version: CharterVersion
  readonly rules: DeliberationRules
  /** The body's full roll today (deciding-members.ts): the quorum is counted against all of it. */
  readonly roll: readonly number[]
  /**
   * Who may vote on the question today, by id: the roll, or for a confidential question the
   * roll's members who are in its audience (others in the audience read and comment, no more).
   */
  readonly deciding: readonly number[]
}

/**
 * The setting of a decision taken `today`. Casting and closing read the same roll, so a member
 * counted in the quorum is one who could vote, and the other way round. A confidential question
 * is decided by the body alone: its audience narrows who votes but the quorum stays the body's,
 * so it is decided only when a quorum of the body is in its audience.
 */
export async function decisionSetting(
  db: Executor,
  question: QuestionRow,
  today: string,
): Promise<DecisionSetting> {
  const body = await getBody(db, question.body_id)
  const version = await charterInForce(db, today)
  const rules = deliberationRules(version.document, body.level)
  const roll = await decidingMemberIds(db, {
    body,
    levels: version.document.levels,
    document: version.document,
    date: today,
  })
  if (!question.confidential) return { body, version, rules, roll, deciding: roll }
  const audience = await db
    .selectFrom('question_audience')
    .select('member_id')
    .where('question_id', '=', question.id)
    .execute()
  const named = new Set(audience.map((row) => row.member_id))
  return { body, version, rules, roll, deciding: roll.filter((memberId) => named.has(memberId)) }
}

/** A quorum as decisions record it: the roll counted against, the number required and present. */
export interface VoteQuorum {
  /** The size of the body's full roll today. */
  readonly decidingMembers: number
  readonly required: number
  readonly present: number
  readonly ruleId: string | null
}

/**
 * The one count of a body's quorum, for closing a vote, showing an open one and ratifying: at a
 * meeting, its attendees who may decide today (setting.deciding); without one, those of them who
 * voted on the question; against the charter's share of the body's full roll today (one present
 * is enough when the charter sets no share). Attendance is read as recorded, the roll as it is
 * today, so a member who left the body since the meeting no longer counts.
 */
export async function voteQuorum(
  db: Executor,
  setting: DecisionSetting,
  counted: { readonly meetingId: number } | { readonly ballotsOfQuestionId: number },
): Promise<VoteQuorum> {
  const deciding = new Set(setting.deciding)
  const rows =
    'meetingId' in counted
      ? await db
          .selectFrom('meeting_attendance')
          .select('member_id')
          .where('meeting_id', '=', counted.meetingId)
          .execute()
      : await db
          .selectFrom('decision_ballots')
          .select('member_id')
          .where('question_id', '=', counted.ballotsOfQuestionId)
          .execute()
  const quorum = setting.rules.quorum
  return {
    decidingMembers: setting.roll.length,
    required: quorumFor(quorum?.share ?? 0, setting.roll.length),
    present: rows.filter((row) => deciding.has(row.member_id)).length,
    ruleId: quorum?.id ?? null,
  }
}

/**
 * Whether the question's discussion was completed: it closed, and not before the charter's
 * minimum. A discussion cut short (the confidential exception closes it whenever the vote opens)
 * was held but not completed, and the decision says so.
 */
export function isDiscussionCompleted(question: QuestionRow): boolean {
  const closed = question.discussion_closed_at
  if (closed === null) return false
  const earliest = question.discussion_earliest_close_at
  return earliest === null || closed >= earliest
}

/** DISCUSSION_REQUIRED citing the question's `major` rule. */
export function discussionRequired(question: QuestionRow): AppError {
  return new AppError(
    'DISCUSSION_REQUIRED',
    `A major question is decided only after its discussion is completed (${question.major_rule_id})`,
    {
      ruleId: question.major_rule_id,
      questionId: question.id,
      state: question.state,
      discussionClosedAt: question.discussion_closed_at?.toISOString() ?? null,
    },
  )
}

/** A meeting usable for deciding in `bodyId`: of that body (VALIDATION_FAILED) and not cancelled. */
export function assertMeetingOfBody(meeting: MeetingRow, bodyId: number): void {
  if (meeting.body_id !== bodyId) {
    throw invalidInput('The meeting is not a meeting of this body', [
      { path: 'meetingId', message: `meeting ${meeting.id} belongs to another body` },
    ])
  }
  if (meeting.state === 'cancelled') {
    throw new AppError('MEETING_WRONG_STATE', 'The meeting was cancelled', {
      meetingId: meeting.id,
      state: meeting.state,
    })
  }
}

/**
 * The meeting a question's vote is taken at. When the charter requires a meeting ("major
 * questions must be discussed at party meetings"), it must be a meeting of the body, not
 * cancelled, with the question on its agenda: MEETING_REQUIRED citing the `major` rule otherwise.
 * Without that requirement a meeting is optional, and a named one must still be of the body.
 * Either way the meeting must have begun (MEETING_WRONG_STATE): a vote at a meeting is cast by
 * those present, and nobody is present before it sits.
 */
export async function meetingForVote(
  db: Executor,
  question: QuestionRow,
  meetingId: number | null,
  now: Date,
): Promise<MeetingRow | null> {
  const required = (reason: string, extra: object = {}) =>
    new AppError('MEETING_REQUIRED', `This question is decided at a meeting of the body: ${reason}`, {
      ruleId: question.major_rule_id,
      questionId: question.id,
      ...extra,
    })
  if (meetingId === null) {
    if (question.meeting_required) throw required('name the meeting')
    return null
  }
  const meeting = await loadMeeting(db, meetingId)
  if (!question.meeting_required) {
    assertMeetingOfBody(meeting, question.body_id)
    assertMeetingStarted(meeting, now)
    return meeting
  }
  if (meeting.body_id !== question.body_id) throw required('the meeting is of another body', { meetingId })
  if (meeting.state === 'cancelled') throw required('the meeting was cancelled', { meetingId })
  const onAgenda = await db
    .selectFrom('meeting_agenda')
    .select('position')
    .where('meeting_id', '=', meeting.id)
    .where('question_id', '=', question.id)
    .executeTakeFirst()
  if (!onAgenda) throw required('the question is not on the meeting’s agenda', { meetingId })
  assertMeetingStarted(meeting, now)
  return meeting
}

/** Whether the member attended the meeting (a vote at a meeting is cast by those present). */
export async function attended(db: Executor, meetingId: number, memberId: number): Promise<boolean> {
  const row = await db
    .selectFrom('meeting_attendance')
    .select('member_id')
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
  return row !== undefined
}
