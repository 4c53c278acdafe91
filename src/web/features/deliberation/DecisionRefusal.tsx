import { ApiError } from '../../api/client.ts'
import { FormError } from '../../shared/forms/FormError.tsx'
import { citedRuleIds } from '../mandates/RefusalError.tsx'

/** What a refusal of the decision, meeting and task routes means for the person who met it. */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  DISCUSSION_REQUIRED:
    'A major question is decided only after its discussion is completed, unless it is decided urgently or kept confidential.',
  DISCUSSION_TOO_EARLY:
    'The discussion has not yet run the charter’s minimum: it cannot be closed for the vote.',
  MEETING_REQUIRED:
    'This is decided at a meeting of the body: a question the charter sends to a meeting, at one with it on its agenda; an urgent decision’s ratification, at a meeting that had its quorum.',
  QUORUM_NOT_MET: 'Too few of the deciding members for the quorum: the vote stays open.',
  ALREADY_VOTED: 'You have already voted on this question; your first vote stands.',
  NOT_IN_ELECTORATE:
    'You are not among the deciding members of this vote (at a meeting, only those present vote; on a confidential question, only the body’s members named to it).',
  INVALID_BALLOT: 'The vote could not be taken as marked.',
  NOT_AWAITING_RATIFICATION: 'This decision is not awaiting ratification.',
  CONFIDENTIAL: 'This question is confidential: only its named audience may act on it.',
  REPORT_REQUIRED: 'A task is closed with a report saying what was done.',
  TASK_CLOSED: 'This task is already closed.',
  MEETING_WRONG_STATE:
    'The meeting is not in the state this needs: not begun yet, already held, or cancelled.',
  QUESTION_WRONG_PHASE: 'The question is not in the phase for this.',
  FORBIDDEN: 'You may not do this here.',
}

function numberDetail(details: unknown, key: string): number | null {
  if (typeof details !== 'object' || details === null) return null
  const value = (details as Record<string, unknown>)[key]
  return typeof value === 'number' ? value : null
}

/**
 * A refusal beside a deliberation form: the plain meaning, the code with the charter rule that
 * decided (e.g. "DISCUSSION_REQUIRED · deliberation.major"), the quorum's numbers when it was
 * short, then the server's message and each field's problem.
 */
export function DecisionRefusal({
  error,
  labels,
}: {
  readonly error: Error | null
  readonly labels?: Readonly<Record<string, string>>
}) {
  if (!error) return null
  const api = error instanceof ApiError ? error : null
  const explanation = api ? (EXPLANATIONS[api.code] ?? null) : null
  const rules = citedRuleIds(error)
  const required = api?.code === 'QUORUM_NOT_MET' ? numberDetail(api.details, 'required') : null
  const present = api?.code === 'QUORUM_NOT_MET' ? numberDetail(api.details, 'present') : null
  const deciding = api?.code === 'QUORUM_NOT_MET' ? numberDetail(api.details, 'decidingMembers') : null
  // At a meeting the quorum counts those present; otherwise those who voted.
  const atMeeting = api?.code === 'QUORUM_NOT_MET' && numberDetail(api.details, 'meetingId') !== null
  const showCode = api !== null && !['VALIDATION_FAILED', 'NETWORK', 'HTTP_ERROR'].includes(api.code)
  return (
    <div className="decision-refusal">
      {explanation || showCode ? (
        <p className="refusal-plain">
          {explanation ? <strong>{explanation}</strong> : null}
          {showCode && api ? <code className="rule-id">{[api.code, ...rules].join(' · ')}</code> : null}
        </p>
      ) : null}
      {required !== null && present !== null ? (
        <p className="quorum-short">
          Quorum: {required} required, {present} {atMeeting ? 'present' : 'voted'}
          {deciding !== null ? ` (of ${deciding} deciding members)` : ''}.
        </p>
      ) : null}
      <FormError error={error} {...(labels ? { labels } : {})} />
    </div>
  )
}
