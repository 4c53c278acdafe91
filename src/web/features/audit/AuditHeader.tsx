import { type FormEvent, useEffect, useId, useState } from 'react'
import { queryString } from '../../api/client.ts'
import { auditHref, CHARTER_HREF, navigate } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import type { AuditSummary } from './types.ts'

interface AuditHeaderProps {
  readonly bodyId: number
  /** The date in the URL (null: today). */
  readonly asOf: string | null
  /** The organisation's today (null while it loads). */
  readonly today: string | null
  /** The loaded summary, or null while it runs or when it failed. */
  readonly summary: AuditSummary | null
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The audit's title, its date and the charter version whose rules it applies, the as-of picker
 * (applied on submit: a past date runs the checks live, so not on every keystroke), and the CSV
 * and printable report of the same date.
 */
export function AuditHeader({ bodyId, asOf, today, summary }: AuditHeaderProps) {
  const id = useId()
  const shown = asOf ?? today ?? ''
  const [draft, setDraft] = useState(shown)
  useEffect(() => setDraft(shown), [shown])
  const date = summary?.asOf ?? shown

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!ISO_DATE.test(draft)) return
    navigate(auditHref(bodyId, draft === today ? null : draft), { replace: true })
  }

  const query = queryString({ asOf: summary?.asOf })
  return (
    <section className="card audit-head" aria-labelledby="audit-title">
      <h1 id="audit-title">{summary ? `Audit of ${summary.body.name}` : 'Audit'}</h1>
      {summary ? (
        <p className="audit-as-of">
          As of <time dateTime={date}>{formatLongDate(date)}</time>
          {summary.charter ? (
            <>
              , by the rules of <a href={CHARTER_HREF}>{summary.charter.name}</a> (in force from{' '}
              {formatLongDate(summary.charter.effectiveFrom)})
            </>
          ) : (
            ': no charter was in force, so there was no rule to check against'
          )}
          .{' '}
          <span className="muted">
            {summary.source === 'stored'
              ? 'Findings as the audit keeps them, current for today.'
              : 'Checked afresh for this date.'}
          </span>
        </p>
      ) : null}
      <form className="filters audit-date" aria-label="The audit’s date" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-as-of`}>Audit as of</label>
          <input
            id={`${id}-as-of`}
            type="date"
            value={draft}
            max={today ?? undefined}
            required
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit">Show</button>
          {asOf !== null && asOf !== today ? (
            <a className="button" href={auditHref(bodyId)}>
              Today
            </a>
          ) : null}
        </div>
        {summary ? (
          <div className="actions audit-exports">
            <a className="button" href={`/api/bodies/${bodyId}/audit/findings.csv${query}`} download>
              Findings as CSV
            </a>
            <a className="button" href={`/api/bodies/${bodyId}/audit/report${query}`}>
              Printable report
            </a>
          </div>
        ) : null}
      </form>
    </section>
  )
}
