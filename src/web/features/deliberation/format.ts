/** How deliberation reads: states, kinds and reasons in words, and the time left in a discussion. */

import type { CommentKind, Discussion, HideReason, QuestionOrigin, QuestionState } from './types.ts'

export { formatInstant } from '../elections/election-format.ts'

/** Each question state as its badge reads. */
export const QUESTION_STATE_LABELS: Readonly<Record<QuestionState, string>> = {
  collecting: 'Collecting signatures',
  discussion: 'In discussion',
  discussed: 'Awaiting the vote',
  voting: 'Voting',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
}

/** Who put the question. */
export const ORIGIN_LABELS: Readonly<Record<QuestionOrigin, string>> = {
  body: 'Raised by the body',
  initiative: 'Members’ initiative',
}

/** Each kind of criticism as its label reads. */
export const COMMENT_KIND_LABELS: Readonly<Record<CommentKind, string>> = {
  comment: 'Comment',
  'counter-proposal': 'Counter-proposal',
  amendment: 'Amendment',
}

/** The conduct reasons a moderator may give, in words. */
export const HIDE_REASON_LABELS: Readonly<Record<HideReason, string>> = {
  abuse: 'Abuse',
  threat: 'Threat',
  'personal-data': 'Another person’s private data',
  spam: 'Spam',
}

/** Why the discussion closed, as the timeline says it. */
export const CLOSE_REASON_LABELS: Readonly<Record<NonNullable<Discussion['closeReason']>, string>> = {
  maximum: 'by itself at the charter’s maximum',
  early: 'early, by the body',
  recorded: 'as recorded from past practice',
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whole days from `now` until `until`, rounded up (a discussion closing in 30 hours has 2 days
 * left, one closing within the hour 1); 0 once it has passed.
 */
export function daysLeft(until: string, now: string): number {
  const ms = new Date(until).getTime() - new Date(now).getTime()
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS)
}

/** 'closes by itself in 3 days'; 'closes by itself now' past the maximum, before the scheduler has run. */
export function closesBy(until: string, now: string): string {
  const days = daysLeft(until, now)
  if (days === 0) return 'closes by itself now'
  return `closes by itself in ${days === 1 ? '1 day' : `${days} days`}`
}

/**
 * How far a discussion ran past its maximum: 'closed 57 days past the maximum' (whole days, counted
 * down), 'closed less than a day past the maximum' within the first day.
 */
export function pastMaximum(closedAt: string, latestCloseAt: string): string {
  const days = Math.floor((new Date(closedAt).getTime() - new Date(latestCloseAt).getTime()) / DAY_MS)
  if (days < 1) return 'closed less than a day past the maximum'
  return `closed ${days === 1 ? '1 day' : `${days} days`} past the maximum`
}

/**
 * Member ids typed as '12, 40 41': the positive integers in order, without repeats; `bad` names
 * the first piece that is not one (null when all are), so the form can say which.
 */
export function parseMemberIds(text: string): {
  readonly ids: readonly number[]
  readonly bad: string | null
} {
  const pieces = text.split(/[\s,;]+/).filter((piece) => piece !== '')
  const ids: number[] = []
  for (const piece of pieces) {
    if (!/^\d{1,15}$/.test(piece) || Number(piece) === 0) return { ids, bad: piece }
    if (!ids.includes(Number(piece))) ids.push(Number(piece))
  }
  return { ids, bad: null }
}
