import { apiGet } from '../../api/client.ts'
import { decisionHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { DecisionBadges } from './DecisionBadges.tsx'
import { KIND_LABELS } from './decision-format.ts'
import type { Decision, RedactedDecision } from './decision-types.ts'

/** Once decided: the decision in a line or two, with a link to its page. */
export function DecisionOutcomeSummary({
  decisionId,
  version,
}: {
  readonly decisionId: number
  readonly version: number
}) {
  const decision = useAsync(
    () => apiGet<Decision | RedactedDecision>(`/decisions/${decisionId}`),
    [decisionId],
    version,
  )
  if (decision.status === 'loading') return <Loading label="Loading the decision…" />
  if (decision.status === 'error') return <ErrorMessage error={decision.error} onRetry={decision.reload} />
  const data = decision.data
  if (data.redacted) {
    return (
      <p className="decision-outcome">
        Decided on {formatLongDate(data.decidedOn)}. <a href={decisionHref(data.id)}>The decision</a>
      </p>
    )
  }
  return (
    <div className="decision-outcome">
      <p className="decision-head">
        <DecisionBadges decision={data} />
      </p>
      <p>
        {KIND_LABELS[data.kind]} on {formatLongDate(data.decidedAt)}
        {data.counts
          ? `: ${data.counts.yes} yes, ${data.counts.no} no, ${data.counts.abstain} abstaining.`
          : '.'}
      </p>
      <p>
        <a href={decisionHref(data.id)}>Read the decision</a>
      </p>
    </div>
  )
}
