import type { EligibilityReason } from './eligibility-types.ts'

/** Rules the eligibility engine consulted: ✓ or ✗, the rule's text, why, and its id to cite. */
export function ReasonList({ reasons }: { readonly reasons: readonly EligibilityReason[] }) {
  return (
    <ul className="reasons">
      {reasons.map((reason) => (
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
  )
}
