import { ApiError } from '../../api/client.ts'
import type { EligibilityReason } from '../mandates/eligibility-types.ts'
import { ReasonList } from '../mandates/ReasonList.tsx'

/** The failed rules a NOT_ELIGIBLE refusal carries in its details (`reasons`), or none. */
export function failedRules(error: Error | null): readonly EligibilityReason[] {
  if (!(error instanceof ApiError) || error.code !== 'NOT_ELIGIBLE') return []
  const details = error.details as { reasons?: unknown }
  if (!Array.isArray(details.reasons)) return []
  return details.reasons.filter(
    (reason): reason is EligibilityReason =>
      typeof reason === 'object' &&
      reason !== null &&
      typeof (reason as EligibilityReason).ruleId === 'string',
  )
}

/**
 * Why a nominee may not stand: each failed rule's text, the reason it failed, and its id to cite,
 * the same way the eligibility check shows them on a post.
 */
export function NotEligibleReasons({
  error,
  headline,
}: {
  readonly error: Error | null
  /** Who may not stand for what, e.g. "You may not stand for Unit secretary". */
  readonly headline: string
}) {
  const reasons = failedRules(error)
  if (reasons.length === 0) return null
  return (
    // The alert announces the refusal; the section inside keeps its name for finding it.
    <div role="alert">
      <section className="verdict not-eligible" aria-label="Rules not met">
        <h4>{headline}: the charter’s rules below are not met.</h4>
        <ReasonList reasons={reasons} />
      </section>
    </div>
  )
}
