import { apiGet } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { auditHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { summaryLine } from './audit-format.ts'
import type { AuditSummary } from './types.ts'
import './audit.css'

/** Where the card's numbers come from, when they are not today's stored findings. */
function sourceNote(summary: AuditSummary, today: string | null): string | null {
  if (summary.source === 'snapshot') return `From the daily snapshot of ${formatLongDate(summary.asOf)}.`
  if (summary.asOf !== today) return `As the audit stood on ${formatLongDate(summary.asOf)}.`
  return null
}

/**
 * The body page's audit card: the audit's findings and its worst appointed post in one line
 * ("12 violations · 80 of 130 unit secretaries appointed"), and the way to the whole audit.
 * Every signed-in account reads every body's audit (audit.read). The card asks for the LATEST
 * summary, which never runs the checks: a live audit of a region is seconds of work, and a body
 * page is opened far more often than its audit. It says the date the numbers are from.
 */
export function AuditSection({ body }: { readonly body: Body }) {
  const { version } = useRefresh()
  const today = useOrganisationToday()
  const summary = useAsync(
    () => apiGet<AuditSummary>(`/bodies/${body.id}/audit?latest=true`),
    [body.id],
    version,
  )
  const data = summary.status === 'ready' ? summary.data : null
  const note = data ? sourceNote(data, today) : null
  return (
    <section aria-labelledby="audit-section-title" className="card audit-summary">
      <div className="section-head">
        <h2 id="audit-section-title">Audit</h2>
        <a href={auditHref(body.id)}>Open the audit</a>
      </div>
      {summary.status === 'loading' ? <Loading label="Reading the audit…" /> : null}
      {summary.status === 'error' ? <ErrorMessage error={summary.error} onRetry={summary.reload} /> : null}
      {data?.source === 'none' ? (
        <p className="audit-line">The audit has not run yet: open it to check this body as of today.</p>
      ) : null}
      {data && data.source !== 'none' ? (
        <>
          <p className={data.totals.violation > 0 ? 'audit-line has-violations' : 'audit-line'}>
            {summaryLine(data)}
          </p>
          {note ? <p className="muted">{note}</p> : null}
        </>
      ) : null}
    </section>
  )
}
