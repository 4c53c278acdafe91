import { useContext } from 'react'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { DiscussionCloseButton } from './DiscussionCloseButton.tsx'
import { discussionSteps } from './discussion-steps.ts'
import type { QuestionView } from './types.ts'

/** Why there is no timeline yet, or none at all. */
function noDiscussion(question: QuestionView): string {
  if (question.state === 'collecting') return 'The discussion opens when the initiative has its signatures.'
  if (question.state === 'withdrawn') return 'Withdrawn before its discussion opened.'
  return 'This question was not discussed.'
}

/**
 * The discussion's limits and where it stands against the organisation's clock: opened, the
 * charter's minimum (before which the body cannot close it), the maximum (when it closes by
 * itself), and the close with its reason; the limits rule is cited. Officers close it here.
 */
export function DiscussionTimeline({ question }: { readonly question: QuestionView }) {
  const now = useContext(OrganisationContext)?.now ?? null
  const d = question.discussion
  const list = discussionSteps(question.discussion, now)
  return (
    <section className="card" aria-labelledby="discussion-period-title">
      <h2 id="discussion-period-title">Discussion period</h2>
      {d.limitsRuleId ? (
        <p className="muted">
          Limits set by <code className="rule-id">{d.limitsRuleId}</code>
          {d.minimumDays !== null && d.maximumDays !== null
            ? `: at least ${d.minimumDays} days, at most ${d.maximumDays}.`
            : '.'}{' '}
          {d.open ? 'Open for contributions now.' : ''}
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="muted">{noDiscussion(question)}</p>
      ) : (
        <ol className="phase-list discussion-steps" aria-label="Discussion timeline">
          {list.map((step) => (
            <li
              key={step.key}
              className={`phase ${step.status}${step.warning ? ' overrun' : ''}`}
              aria-current={step.status === 'current' ? 'step' : undefined}
            >
              <span className="phase-title">{step.title}</span>
              <span className="phase-when">{step.when}</span>
              {step.note ? <span className="phase-note">{step.note}</span> : null}
              {step.warning ? (
                <strong className="phase-warning">
                  <span aria-hidden="true">⚠ </span>
                  {step.warning}
                </strong>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <DiscussionCloseButton question={question} />
    </section>
  )
}
