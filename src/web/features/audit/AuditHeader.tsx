import { type FormEvent, useEffect, useId, useState } from 'react'
import { queryString } from '../../api/client.ts'
import { auditHref, CHARTER_HREF, navigate } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import { dateProblem } from './audit-format.ts'
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

/**
 * The audit's title, its date and the charter version whose rules it applies, the as-of picker
 * (applied on submit: a past date runs the checks live, so not on every keystroke), and the CSV
 * and printable report of the same date.
 */
export function AuditHeader({ bodyId, asOf, today, summary }: AuditHeaderProps) {
  const id = useId()
  const shown = asOf ?? today ?? ''
  const [draft, setDraft] = useState(shown)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    setDraft(shown)
    setProblem(null)
  }, [shown])
  const date = summary?.asOf ?? shown

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const message = dateProblem(draft, today)
    setProblem(message)
    if (message === null) navigate(auditHref(bodyId, draft === today ? null : draft), { replace: true })
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
            {summary.source === 'live'
              ? 'Checked afresh for this date.'
              : 'Findings as the audit keeps them, current for today.'}
          </span>
        </p>
      ) : null}
      {/* noValidate: the form's own message says what is wrong with a date, in every browser. */}
      <form className="filters audit-date" aria-label="The audit’s date" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-as-of`}>Audit as of</label>
          <input
            id={`${id}-as-of`}
            type="date"
            value={draft}
            max={today ?? undefined}
            required
            aria-invalid={problem !== null}
            aria-describedby={problem !== null ? `${id}-as-of-problem` : undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          {problem !== null ? (
            <p id={`${id}-as-of-problem`} className="error" role="alert">
              {problem}
            </p>
          ) : null}
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
