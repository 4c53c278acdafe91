/** How decisions, meetings and tasks read: their states and kinds in words, and date arithmetic. */

import type { DecisionKind, DecisionOutcome, RatificationState } from './decision-types.ts'
import type { MeetingState, MeetingSummary } from './meeting-types.ts'

export const OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  adopted: 'Adopted',
  rejected: 'Rejected',
}

export const KIND_LABELS: Readonly<Record<DecisionKind, string>> = {
  vote: 'Decided by vote',
  urgent: 'Decided urgently',
  recorded: 'Recorded from past practice',
}

export const RATIFICATION_LABELS: Readonly<Record<RatificationState, string>> = {
  pending: 'Awaiting ratification',
  overdue: 'Ratification overdue',
  ratified: 'Ratified',
  rejected: 'Rejected on ratification',
}

export const MEETING_STATE_LABELS: Readonly<Record<MeetingState, string>> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
}

/** What a meeting's withheld words say instead (the API's withheldReason). */
export const WITHHELD_NOTE = 'the agenda has a confidential item'

/** A meeting's title, or why the caller may not read it. */
export function meetingTitle(meeting: Pick<MeetingSummary, 'title' | 'withheldReason'>): string {
  return meeting.title ?? `Title withheld — ${meeting.withheldReason ?? WITHHELD_NOTE}`
}

/** 'YYYY-MM-DD' plus `days` calendar days (the organisation's calendar is UTC). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

// The organisation's clock is UTC (shared/format.ts), so times are shown in UTC too.
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })

/** '18:00' (the organisation's time). */
export function formatTime(iso: string): string {
  return time.format(new Date(iso))
}

/** 'Proposal' for the question's own proposal (index 0), 'Counter-proposal 2' for the others. */
export function optionName(option: { readonly index: number; readonly commentId: number | null }): string {
  return option.commentId === null ? 'Proposal' : `Counter-proposal ${option.index}`
}
