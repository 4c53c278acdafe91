import type { ReactNode } from 'react'
import type { DecisionQuorum } from './decision-types.ts'

interface QuorumFactsProps {
  /** Null shows only the extra facts (children). */
  readonly quorum: (DecisionQuorum & { readonly quorate?: boolean }) | null
  /** What the present count is: members at a meeting, or those who voted. */
  readonly presentLabel: string
  /** Further facts (dt/dd pairs) after the quorum. */
  readonly children?: ReactNode
}

/**
 * The quorum as the charter counts it: the deciding members, the number required (with its rule),
 * how many were present, and, where known, whether that made the quorum. A decision and a meeting
 * show it alike.
 */
export function QuorumFacts({ quorum, presentLabel, children }: QuorumFactsProps) {
  return (
    <dl className="facts-list" aria-label="Quorum">
      {quorum ? (
        <>
          <dt>Deciding members</dt>
          <dd>{quorum.decidingMembers}</dd>
          <dt>Quorum required</dt>
          <dd>
            {quorum.required}
            {quorum.ruleId ? <code className="rule-id">{quorum.ruleId}</code> : null}
          </dd>
          <dt>{presentLabel}</dt>
          <dd>{quorum.present}</dd>
          {quorum.quorate === undefined ? null : (
            <>
              <dt>Quorate</dt>
              <dd className={quorum.quorate ? 'quorum met' : 'quorum short'}>
                {quorum.quorate ? 'Yes' : 'No'}
              </dd>
            </>
          )}
        </>
      ) : null}
      {children}
    </dl>
  )
}
