import { QUESTION_STATE_LABELS } from './format.ts'
import type { QuestionState } from './types.ts'

/** A question's state as a coloured badge (the colour repeats the word, never replaces it). */
export function QuestionStateBadge({ state }: { readonly state: QuestionState }) {
  return <span className={`badge question-${state}`}>{QUESTION_STATE_LABELS[state]}</span>
}

/** "Major · deliberation.major", and "decided at a meeting" when the charter requires one. */
export function QuestionMajorBadge({
  ruleId,
  meetingRequired,
}: {
  readonly ruleId: string | null
  readonly meetingRequired: boolean
}) {
  return (
    <span className="question-major">
      <span className="badge major">Major</span>
      {ruleId ? <code className="rule-id">{ruleId}</code> : null}
      {meetingRequired ? <span className="muted">decided at a meeting</span> : null}
    </span>
  )
}
