import { useState } from 'react'
import { apiGet, queryString } from '../../api/client.ts'
import { bodyHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { AbsentChecks } from './AbsentChecks.tsx'
import { AuditHeader } from './AuditHeader.tsx'
import { AuditRatios } from './AuditRatios.tsx'
import { ChildrenTable } from './ChildrenTable.tsx'
import { type FindingFilters, FindingsSection, NO_FINDING_FILTERS } from './FindingsSection.tsx'
import { KindTable } from './KindTable.tsx'
import { TrendSection } from './TrendSection.tsx'
import type { AuditSummary } from './types.ts'
import './audit.css'

interface AuditPageProps {
  readonly bodyId: number
  /** The date in the URL; null: the organisation's today. */
  readonly asOf: string | null
}

/**
 * A body's audit (#/bodies/:id/audit[/YYYY-MM-DD]): the line against the practice in its subtree
 * as of a date, by the rules then in force. Headline ratios, counts by kind, the bodies below side
 * by side, the findings, the trend of the daily snapshots, and what is not audited yet.
 */
export function AuditPage({ bodyId, asOf }: AuditPageProps) {
  const today = useOrganisationToday()
  // The filters outlive a change of date, so a finding can be followed back in time.
  const [filters, setFilters] = useState<FindingFilters>(NO_FINDING_FILTERS)
  const summary = useAsync(
    () => apiGet<AuditSummary>(`/bodies/${bodyId}/audit${queryString({ asOf })}`),
    [bodyId, asOf],
  )
  const data = summary.status === 'ready' ? summary.data : null
  return (
    <div className="audit-page">
      <nav aria-label="Breadcrumb">
        <a href={bodyHref(bodyId)}>← {data ? data.body.name : 'The body'}</a>
      </nav>
      <AuditHeader bodyId={bodyId} asOf={asOf} today={today} summary={data} />
      {summary.status === 'loading' ? <Loading label="Running the audit…" /> : null}
      {summary.status === 'error' ? <ErrorMessage error={summary.error} onRetry={summary.reload} /> : null}
      {data ? (
        <>
          <AuditRatios summary={data} />
          <KindTable summary={data} />
          <ChildrenTable summary={data} />
          <FindingsSection summary={data} filters={filters} onFilters={setFilters} />
          <TrendSection bodyId={bodyId} bodyName={data.body.name} asOf={data.asOf} />
          <AbsentChecks absent={data.absent} />
        </>
      ) : null}
    </div>
  )
}
