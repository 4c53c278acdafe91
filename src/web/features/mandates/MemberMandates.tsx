import { apiGet } from '../../api/client.ts'
import { bodyHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatShortDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { HowBadge, PromotedTag } from './MandateBadges.tsx'
import { END_REASON_LABELS } from './mandate-labels.ts'
import type { MandateSummary } from './types.ts'
import '../charter/charter.css'
import './mandates.css'

function period(mandate: MandateSummary): string {
  const from = formatShortDate(mandate.startsOn)
  if (mandate.endedOn) return `${from} – ${formatShortDate(mandate.endedOn)}`
  return `${from} – ${mandate.state === 'expired' ? 'expired' : 'due'} ${formatShortDate(mandate.endsOn)}`
}

/** The posts a member holds and has held: which post of which body, how, and from when to when. */
export function MemberMandates({ memberId }: { readonly memberId: number }) {
  const { version } = useRefresh()
  const mandates = useAsync(
    () => apiGet<{ items: MandateSummary[] }>(`/members/${memberId}/mandates`),
    [memberId],
    version,
  )
  if (mandates.status === 'loading') return <Loading label="Loading mandates…" />
  if (mandates.status === 'error') return <ErrorMessage error={mandates.error} onRetry={mandates.reload} />
  if (mandates.data.items.length === 0) return <p className="muted">Holds no post and has held none.</p>
  return (
    <ul className="member-mandates" aria-label="Mandates">
      {mandates.data.items.map((mandate) => (
        <li key={mandate.id}>
          <div className="mandate-head">
            <strong>{mandate.postTitle}</strong> of <a href={bodyHref(mandate.bodyId)}>{mandate.bodyName}</a>
            <HowBadge how={mandate.how} />
            {mandate.firstMandate ? <PromotedTag /> : null}
          </div>
          <div className="muted">
            {period(mandate)}
            {mandate.appointedBy ? `; appointed by ${mandate.appointedBy.name}` : ''}
            {mandate.endReason ? ` (${END_REASON_LABELS[mandate.endReason].toLowerCase()})` : ''}
            {mandate.state === 'expired' ? ' — an election is due' : ''}
          </div>
        </li>
      ))}
    </ul>
  )
}
