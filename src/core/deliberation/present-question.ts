import type { QuestionRow, QuestionState } from '../../db/schema-deliberation.ts'
import type { RedactedQuestion } from './question-visibility.ts'

/** How a question reads to someone who may read its words (shared by the list, the view and the export). */

/** A question in a list: what it is about and where it stands, without its long texts. */
export interface QuestionSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly raisedOn: string
  readonly raisedAt: string
  readonly title: string
  readonly topic: string
  readonly origin: 'body' | 'initiative'
  readonly state: QuestionState
  readonly major: boolean
  /** The rule that made it major, so a list can cite it beside the badge. */
  readonly majorRuleId: string | null
  readonly meetingRequired: boolean
  readonly confidential: boolean
  /** Set for a confidential question (shown only to those who may read it). */
  readonly declassifyOn: string | null
  readonly signaturesRequired: number | null
  readonly signaturesCount: number
  readonly discussionOpenedAt: string | null
  readonly discussionLatestCloseAt: string | null
  readonly discussionClosedAt: string | null
  readonly redacted: false
}

/** A list entry: the summary, or only the fact that a confidential question exists. */
export type QuestionListItem = QuestionSummary | RedactedQuestion

/** An instant column as ISO 8601 (PGlite and pg both give Date; strings are tolerated). */
export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

/** A readable question row (with its body's name) as a summary. */
export function presentQuestionSummary(row: QuestionRow & { readonly body_name: string }): QuestionSummary {
  const raisedAt = new Date(row.raised_at).toISOString()
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    raisedOn: raisedAt.slice(0, 10),
    raisedAt,
    title: row.title,
    topic: row.topic,
    origin: row.origin,
    state: row.state,
    major: row.major,
    majorRuleId: row.major_rule_id,
    meetingRequired: row.meeting_required,
    confidential: row.confidential,
    declassifyOn: row.declassify_on,
    signaturesRequired: row.signatures_required,
    signaturesCount: row.signatures_count,
    discussionOpenedAt: isoOrNull(row.discussion_opened_at),
    discussionLatestCloseAt: isoOrNull(row.discussion_latest_close_at),
    discussionClosedAt: isoOrNull(row.discussion_closed_at),
    redacted: false,
  }
}
