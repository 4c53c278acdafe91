/** When the body may put a question to the vote, as src/core/deliberation/open-decision-vote.ts rules. */

import type { QuestionView } from './types.ts'

/**
 * Whether "Put to the vote" can succeed (the server's rule, so officers are not offered a button
 * it always refuses): a `discussed` question; or one still in discussion that is minor (its
 * discussion closes early, once the minimum has passed), confidential (the exception closes it),
 * or past its maximum by the organisation's clock `now` (the scheduler has yet to close it). A
 * major, public question in discussion waits until its discussion is closed.
 */
export function mayPutToVote(question: QuestionView, now: string | null): boolean {
  if (question.state === 'discussed') return true
  if (question.state !== 'discussion') return false
  if (!question.major || question.confidential) return true
  const latest = question.discussion.latestCloseAt
  return latest !== null && now !== null && Date.parse(now) >= Date.parse(latest)
}
