import { formatShortDate } from '../../shared/format.ts'
import { OUTCOME_LABELS, RATIFICATION_LABELS } from './decision-format.ts'
import type { DecisionListItem, DecisionSummary } from './decision-types.ts'

/**
 * A decision's badges: its outcome, the exception it was taken under (urgent, confidential), and
 * where its ratification stands. The colour repeats the word, never replaces it.
 */
export function DecisionBadges({ decision }: { readonly decision: DecisionSummary }) {
  const { ratification } = decision
  return (
    <span className="decision-badges">
      <span className={`badge outcome-${decision.outcome}`}>{OUTCOME_LABELS[decision.outcome]}</span>
      {decision.exception ? (
        <span className={`badge exception-${decision.exception}`}>
          {decision.exception === 'urgent' ? 'Urgent' : 'Confidential'}
        </span>
      ) : null}
      {ratification ? (
        <span className={`badge ratification-${ratification.state}`}>
          {RATIFICATION_LABELS[ratification.state]}
          {ratification.state === 'pending' || ratification.state === 'overdue'
            ? ` · by ${formatShortDate(ratification.ratifyBy)}`
            : ratification.late
              ? ' late'
              : ''}
        </span>
      ) : null}
    </span>
  )
}

/** The decision's question title, or what an outsider learns of a confidential one. */
export function decisionTitle(decision: DecisionListItem): string {
  return decision.redacted
    ? `Decision on a confidential question of ${formatShortDate(decision.question.raisedOn)}`
    : decision.question.title
}
