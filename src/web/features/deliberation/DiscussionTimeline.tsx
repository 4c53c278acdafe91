import { useContext } from 'react'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { DiscussionCloseButton } from './DiscussionCloseButton.tsx'
import { CLOSE_REASON_LABELS, closesBy, formatInstant } from './format.ts'
import type { QuestionView } from './types.ts'

interface Step {
  readonly key: string
  readonly title: string
  readonly when: string
  readonly status: 'done' | 'current' | 'later'
  readonly note?: string
}

/** The discussion's steps as far as they are known: opened, the earliest close, the latest, closed. */
function steps(question: QuestionView, now: string | null): Step[] {
  const d = question.discussion
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
  if (d.latestCloseAt)
    list.push({
      key: 'latest',
      title: 'Closes by itself at',
      when: formatInstant(d.latestCloseAt),
      status: closed ? 'done' : pastMinimum ? 'current' : 'later',
      note: [
        d.maximumDays !== null ? `the maximum of ${d.maximumDays} days` : null,
        !closed && now ? closesBy(d.latestCloseAt, now) : null,
      ]
        .filter((part) => part !== null)
        .join('; '),
    })
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
  const list = steps(question, now)
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
              className={`phase ${step.status}`}
              aria-current={step.status === 'current' ? 'step' : undefined}
            >
              <span className="phase-title">{step.title}</span>
              <span className="phase-when">{step.when}</span>
              {step.note ? <span className="phase-note">{step.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <DiscussionCloseButton question={question} />
    </section>
  )
}
