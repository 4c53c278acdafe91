import { apiGet } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { auditHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { summaryLine } from './audit-format.ts'
import type { AuditSummary } from './types.ts'
import './audit.css'

/**
 * The body page's audit card: today's findings and its worst appointed post in one line
 * ("12 violations · 80 of 130 unit secretaries appointed"), and the way to the whole audit.
 * Whoever reads the body reads its audit (audit.read is granted as body.read is).
 */
export function AuditSection({ body }: { readonly body: Body }) {
  const { version } = useRefresh()
  const summary = useAsync(() => apiGet<AuditSummary>(`/bodies/${body.id}/audit`), [body.id], version)
  return (
    <section aria-labelledby="audit-section-title" className="card audit-summary">
      <div className="section-head">
        <h2 id="audit-section-title">Audit</h2>
        <a href={auditHref(body.id)}>Open the audit</a>
      </div>
      {summary.status === 'loading' ? <Loading label="Running the audit…" /> : null}
      {summary.status === 'error' ? <ErrorMessage error={summary.error} onRetry={summary.reload} /> : null}
      {summary.status === 'ready' ? (
        <p className={summary.data.totals.violation > 0 ? 'audit-line has-violations' : 'audit-line'}>
          {summaryLine(summary.data)}
        </p>
      ) : null}
    </section>
  )
}
