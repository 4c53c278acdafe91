import type { ColumnType, Generated, Selectable } from 'kysely'

/**
 * Table types of deliberation (questions, criticism, meetings, decisions, tasks), kept beside
 * schema.ts so neither file grows past a reader's page. Migrations 0801–0805.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>
type IdColumn = Generated<number>

/**
 * collecting: an initiative gathering signatures · discussion: open for criticism · discussed: the
 * discussion closed, awaiting the vote · voting: the body's vote is open · decided · withdrawn.
 */
export type QuestionState = 'collecting' | 'discussion' | 'discussed' | 'voting' | 'decided' | 'withdrawn'
export const QUESTION_STATES: readonly QuestionState[] = [
  'collecting',
  'discussion',
  'discussed',
  'voting',
  'decided',
  'withdrawn',
]

export interface QuestionsTable {
  id: IdColumn
  region_id: number
  body_id: number
  title: string
  text: string
  proposal: string
  /** A slug the charter's `major` and `confidential` rules name, e.g. `economic-policy`. */
  topic: string
  origin: 'body' | 'initiative'
  raised_by_member_id: number | null
  raised_by_account_id: number | null
  state: QuestionState
  major: boolean
  /** The deliberation rule that made the question major (by topic or by the body's level). */
  major_rule_id: string | null
  /** The charter says a major question must be decided at a meeting of the body. */
  meeting_required: boolean
  confidential: Generated<boolean>
  confidential_rule_id: string | null
  /** Set exactly when confidential: from this date the question is visible in scope. */
  declassify_on: string | null
  /** Initiatives: signatures needed (the charter's share of the members in scope, rounded up). */
  signatures_required: number | null
  signatures_count: Generated<number>
  charter_version_id: number
  /** The limits that applied when the discussion opened (copied: later versions do not rewrite them). */
  limits_rule_id: string | null
  minimum_days: number | null
  maximum_days: number | null
  discussion_opened_at: Timestamp | null
  discussion_earliest_close_at: Timestamp | null
  discussion_latest_close_at: Timestamp | null
  discussion_closed_at: Timestamp | null
  discussion_close_reason: 'maximum' | 'early' | 'recorded' | null
  /** For entries of past practice: where the record comes from (minutes, a report). */
  recorded_source: string | null
  raised_at: Timestamp
}

export interface QuestionAudienceTable {
  question_id: number
  member_id: number
}

export interface QuestionSignaturesTable {
  question_id: number
  member_id: number
  region_id: number
  signed_at: Timestamp
}

export interface QuestionSupportsTable {
  question_id: number
  member_id: number
  region_id: number
}

export type CommentKind = 'comment' | 'counter-proposal' | 'amendment'
export const COMMENT_KINDS: readonly CommentKind[] = ['comment', 'counter-proposal', 'amendment']

/** Conduct only: a moderator may hide criticism for these and nothing else (never for its opinion). */
export const HIDE_REASONS = ['abuse', 'threat', 'personal-data', 'spam'] as const
export type HideReason = (typeof HIDE_REASONS)[number]

export interface QuestionCommentsTable {
  id: IdColumn
  question_id: number
  region_id: number
  parent_id: number | null
  author_member_id: number
  kind: CommentKind
  body: string
  /** Amendments: the whole proposal text as the amendment would have it (diffed on read). */
  amended_proposal: string | null
  posted_at: Timestamp
  hidden_at: Timestamp | null
  hidden_reason: HideReason | null
  hidden_note: string | null
  hidden_by_account_id: number | null
}

export interface CommentSupportsTable {
  comment_id: number
  member_id: number
  region_id: number
}

export type MeetingState = 'scheduled' | 'held' | 'cancelled'

export interface MeetingsTable {
  id: IdColumn
  region_id: number
  body_id: number
  title: string
  place: Generated<string>
  starts_at: Timestamp
  ends_at: Timestamp
  state: MeetingState
  minutes: string | null
  /** Set when attendance is recorded: the body's deciding members that day, the quorum, who came. */
  deciding_members: number | null
  quorum_required: number | null
  present_count: number | null
  quorum_rule_id: string | null
  /** iCalendar SEQUENCE: bumped on every change so calendars replace the exported event. */
  sequence: Generated<number>
  created_at: Timestamp
}

export interface MeetingAgendaTable {
  meeting_id: number
  position: number
  question_id: number
}

export interface MeetingAttendanceTable {
  meeting_id: number
  member_id: number
  region_id: number
}

export type DecisionVoteMethod = 'yes-no' | 'choice'

/** One option of a choice vote: the proposal itself (commentId null) or a counter-proposal. */
export interface VoteOption {
  readonly commentId: number | null
}

export interface QuestionVotesTable {
  question_id: number
  method: DecisionVoteMethod
  meeting_id: number | null
  options: ColumnType<VoteOption[], string, string>
  opened_at: Timestamp
}

export interface DecisionBallotsTable {
  question_id: number
  member_id: number
  region_id: number
  choice: 'yes' | 'no' | 'abstain' | null
  /** Choice votes: option indexes (into question_votes.options), most preferred first. */
  ranking: number[] | null
  cast_at: Timestamp
}

export type DecisionKind = 'vote' | 'urgent' | 'recorded'
export type Ratification = 'pending' | 'ratified' | 'rejected'

export interface DecisionsTable {
  id: IdColumn
  region_id: number
  body_id: number
  question_id: number
  kind: DecisionKind
  outcome: 'adopted' | 'rejected'
  method: DecisionVoteMethod | null
  /** Choice votes: the counter-proposal adopted; null when the proposal itself was. */
  chosen_comment_id: number | null
  /** Why a major question could be decided without a completed discussion. */
  exception: 'urgent' | 'confidential' | null
  discussion_completed: boolean
  /** The rule that required the discussion (the `major` rule), when one did. */
  discussion_rule_id: string | null
  justification: string | null
  meeting_id: number | null
  yes_count: number | null
  no_count: number | null
  abstain_count: number | null
  count_report: ColumnType<unknown, string | null, string | null> | null
  deciding_members: number | null
  quorum_required: number | null
  present: number | null
  quorum_rule_id: string | null
  ratify_by: string | null
  ratification: Ratification | null
  ratified_at: Timestamp | null
  ratification_meeting_id: number | null
  recorded_source: string | null
  charter_version_id: number
  decided_at: Timestamp
}

export interface DecisionTasksTable {
  id: IdColumn
  region_id: number
  /** The deciding body (the decision's body). */
  body_id: number
  decision_id: number
  title: string
  owner_member_id: number | null
  owner_body_id: number | null
  due_on: string
  state: 'open' | 'done'
  progress: Generated<number>
  created_at: Timestamp
  closed_at: Timestamp | null
}

export interface TaskReportsTable {
  id: IdColumn
  task_id: number
  region_id: number
  author_account_id: number | null
  author_member_id: number | null
  text: string
  progress: number
  closes: boolean
  reported_at: Timestamp
}

export interface DeliberationTables {
  questions: QuestionsTable
  question_audience: QuestionAudienceTable
  question_signatures: QuestionSignaturesTable
  question_supports: QuestionSupportsTable
  question_comments: QuestionCommentsTable
  comment_supports: CommentSupportsTable
  meetings: MeetingsTable
  meeting_agenda: MeetingAgendaTable
  meeting_attendance: MeetingAttendanceTable
  question_votes: QuestionVotesTable
  decision_ballots: DecisionBallotsTable
  decisions: DecisionsTable
  decision_tasks: DecisionTasksTable
  task_reports: TaskReportsTable
}

export type QuestionRow = Selectable<QuestionsTable>
export type CommentRow = Selectable<QuestionCommentsTable>
export type MeetingRow = Selectable<MeetingsTable>
export type DecisionRow = Selectable<DecisionsTable>
export type TaskRow = Selectable<DecisionTasksTable>
