/** The discussion's timeline as steps: what DiscussionTimeline shows, kept apart so it can be tested. */

import { CLOSE_REASON_LABELS, closesBy, formatInstant, pastMaximum } from './format.ts'
import type { Discussion } from './types.ts'

/** One step of the discussion's timeline. */
export interface Step {
  readonly key: string
  readonly title: string
  readonly when: string
  readonly status: 'done' | 'current' | 'later'
  readonly note?: string
  /** Shown as a warning: the discussion ran past the charter's maximum. */
  readonly warning?: string
}

/**
 * The maximum. Open, or closed by the scheduler at it: 'Closes by itself at'. Closed otherwise
 * (early, or recorded from past practice) it is only 'Maximum', and says how the close stood
 * against it: early, or past it (a warning: the record does not read as if it closed in time).
 */
function maximumStep(d: Discussion, latest: string, pastMinimum: boolean, now: string | null): Step {
  const limit = d.maximumDays !== null ? `the maximum of ${d.maximumDays} days` : null
  if (d.closedAt === null || d.closeReason === 'maximum') {
    const closed = d.closedAt !== null
    return {
      key: 'latest',
      title: 'Closes by itself at',
      when: formatInstant(latest),
      status: closed ? 'done' : pastMinimum ? 'current' : 'later',
      note: [limit, !closed && now ? closesBy(latest, now) : null].filter((part) => part !== null).join('; '),
    }
  }
  const closedMs = Date.parse(d.closedAt)
  const latestMs = Date.parse(latest)
  if (closedMs > latestMs)
    return {
      key: 'latest',
      title: 'Maximum',
      when: formatInstant(latest),
      status: 'done',
      ...(limit ? { note: limit } : {}),
      warning: pastMaximum(d.closedAt, latest),
    }
  return {
    key: 'latest',
    title: 'Maximum',
    when: formatInstant(latest),
    status: 'later',
    note: [limit, closedMs < latestMs ? `closed early on ${formatInstant(d.closedAt)}` : null]
      .filter((part) => part !== null)
      .join('; '),
  }
}

/**
 * The discussion's steps as far as they are known against the organisation's clock `now`: opened,
 * the earliest close, the maximum, closed.
 */
export function discussionSteps(d: Discussion, now: string | null): Step[] {
  if (!d.openedAt) return []
  const closed = d.closedAt !== null
  const pastMinimum =
    closed || (d.earliestCloseAt !== null && now !== null && Date.parse(now) >= Date.parse(d.earliestCloseAt))
  const list: Step[] = [{ key: 'opened', title: 'Opened', when: formatInstant(d.openedAt), status: 'done' }]
  if (d.earliestCloseAt)
    list.push({
      key: 'earliest',
      title: 'May close from',
      when: formatInstant(d.earliestCloseAt),
      status: pastMinimum ? 'done' : 'current',
      ...(d.minimumDays !== null ? { note: `the minimum of ${d.minimumDays} days` } : {}),
    })
  if (d.latestCloseAt) list.push(maximumStep(d, d.latestCloseAt, pastMinimum, now))
  if (d.closedAt)
    list.push({
      key: 'closed',
      title: 'Closed',
      when: formatInstant(d.closedAt),
      status: 'done',
      ...(d.closeReason ? { note: CLOSE_REASON_LABELS[d.closeReason] } : {}),
    })
  return list
}
