import { formatLongDate } from '../../shared/format.ts'
import type { EligibilityAnswer } from './eligibility-types.ts'

interface EligibilityVerdictProps {
  readonly answer: EligibilityAnswer
  readonly postTitle: string
}

/** The engine's verdict with every rule it consulted: ✓ or ✗, the rule's text, why, and its id. */
export function EligibilityVerdict({ answer, postTitle }: EligibilityVerdictProps) {
  return (
    <section
      className={answer.eligible ? 'verdict eligible' : 'verdict not-eligible'}
      aria-label="Eligibility"
    >
      <h4>
        {answer.eligible
          ? `Member ${answer.memberId} may hold ${postTitle}`
          : `Member ${answer.memberId} may not hold ${postTitle}`}
        <span className="muted"> on {formatLongDate(answer.date)}</span>
      </h4>
      <ul className="reasons">
        {answer.reasons.map((reason) => (
          <li key={reason.ruleId} className={reason.satisfied ? 'reason met' : 'reason failed'}>
            <span className="mark" aria-hidden="true">
              {reason.satisfied ? '✓' : '✗'}
            </span>
            <span className="visually-hidden">{reason.satisfied ? 'Satisfied: ' : 'Not satisfied: '}</span>
            <div>
              <p className="reason-text">{reason.text}</p>
              <p className="reason-detail">
                {reason.detail} <code className="rule-id">{reason.ruleId}</code>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
