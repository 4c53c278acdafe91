import { useEffect, useRef } from 'react'
import { apiGet } from '../../api/client.ts'
import type { MemberDetail } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate, humanise, plural, wholeYearsBetween } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { MemberMandates } from '../mandates/MemberMandates.tsx'
import { ErasureSection } from '../privacy/ErasureSection.tsx'
import { MemberActions } from './MemberActions.tsx'
import { MemberHistory } from './MemberHistory.tsx'
import { StatusBadge } from './StatusBadge.tsx'

interface MemberDetailPanelProps {
  readonly memberId: number
  readonly closeHref: string
}

/** One member's record and history, beside the list. */
export function MemberDetailPanel({ memberId, closeHref }: MemberDetailPanelProps) {
  const { version } = useRefresh()
  const detail = useAsync(() => apiGet<MemberDetail>(`/members/${memberId}`), [memberId], version)
  const today = useOrganisationToday()
  const panel = useRef<HTMLElement>(null)
  // On a narrow screen the panel sits below the list: bring it into view when it opens (it is
  // keyed by member, so each member opens a fresh panel).
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' })
  }, [])
  return (
    <aside ref={panel} className="member-detail card" aria-labelledby="member-detail-title">
      <a href={closeHref} className="close" aria-label="Close member details">
        ×
      </a>
      {detail.status === 'loading' ? <Loading /> : null}
      {detail.status === 'error' ? <ErrorMessage error={detail.error} onRetry={detail.reload} /> : null}
      {detail.status === 'ready' ? (
        <>
          <h2 id="member-detail-title">{detail.data.member.fullName}</h2>
          <p>
            <StatusBadge status={detail.data.member.status} /> since{' '}
            {formatLongDate(detail.data.member.statusSince)}
          </p>
          {detail.data.permissions.canManage ? (
            <MemberActions member={detail.data.member} allowedStatuses={detail.data.allowedStatuses} />
          ) : null}
          <ErasureSection memberId={detail.data.member.id} fullName={detail.data.member.fullName} />
          <dl className="facts-list">
            {/* The id is what the appointment and eligibility forms ask for. */}
            <dt>Member id</dt>
            <dd className="mono">{detail.data.member.id}</dd>
            <dt>Unit</dt>
            <dd>
              <a href={bodyHref(detail.data.member.unitId)}>{detail.data.unitName}</a>
            </dd>
            <dt>Joined</dt>
            <dd>
              {formatLongDate(detail.data.member.joinedOn)}
              {today
                ? ` (${plural(wholeYearsBetween(detail.data.member.joinedOn, today), 'year')} of standing)`
                : ''}
            </dd>
            {detail.data.member.fullMemberSince ? (
              <>
                <dt>Full member since</dt>
                <dd>{formatLongDate(detail.data.member.fullMemberSince)}</dd>
              </>
            ) : null}
            <dt>Category</dt>
            <dd>{humanise(detail.data.member.category)}</dd>
            <dt>Fields of work</dt>
            <dd>{detail.data.member.fieldsOfWork.map(humanise).join(', ') || '—'}</dd>
            <dt>Card</dt>
            <dd className={detail.data.member.card ? 'mono' : undefined}>{detail.data.member.card ?? '—'}</dd>
            <dt>E-mail</dt>
            <dd>{detail.data.member.email ?? '—'}</dd>
            <dt>Phone</dt>
            <dd>{detail.data.member.phone ?? '—'}</dd>
          </dl>
          <h3>Mandates</h3>
          <MemberMandates memberId={detail.data.member.id} />
          <h3>History</h3>
          <MemberHistory detail={detail.data} />
        </>
      ) : null}
    </aside>
  )
}
