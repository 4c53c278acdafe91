import { formatLongDate } from '../../shared/format.ts'
import type { EligibilityAnswer } from './eligibility-types.ts'
import { ReasonList } from './ReasonList.tsx'

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
      <ReasonList reasons={answer.reasons} />
    </section>
  )
}
