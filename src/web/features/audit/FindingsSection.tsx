import { useId } from 'react'
import { queryString } from '../../api/client.ts'
import { plural } from '../../shared/format.ts'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { SEVERITY_LABELS } from './audit-format.ts'
import { FindingItem } from './FindingItem.tsx'
import {
  type AuditSummary,
  type Finding,
  type FindingKind,
  type FindingsPage,
  SEVERITIES,
  type Severity,
} from './types.ts'

const PAGE_SIZE = 25

/** The list's filters: one kind and one severity (null: any). */
export interface FindingFilters {
  readonly kind: FindingKind | null
  readonly severity: Severity | null
}

export const NO_FINDING_FILTERS: FindingFilters = { kind: null, severity: null }

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value)
}

interface FindingsSectionProps {
  readonly summary: AuditSummary
  readonly filters: FindingFilters
  readonly onFilters: (filters: FindingFilters) => void
}

/**
 * The findings as of the date, gravest first, a page at a time, filtered by kind and severity.
 * The filters apply as they change (selects, so the keyboard works them as usual).
 */
export function FindingsSection({ summary, filters, onFilters }: FindingsSectionProps) {
  const { kind, severity } = filters
  const id = useId()
  const pages = useKeysetPages<Finding, FindingsPage>(
    `/bodies/${summary.body.id}/audit/findings${queryString({
      asOf: summary.asOf,
      kind,
      severity,
      limit: PAGE_SIZE,
    })}`,
    nextCursor,
  )
  const filtered = kind !== null || severity !== null
  return (
    <section className="card" aria-labelledby="audit-findings-title">
      <h2 id="audit-findings-title">Findings</h2>
      <form className="filters" aria-label="Filter the findings" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={kind ?? ''}
            onChange={(event) => {
              const picked = summary.byKind.find((entry) => entry.kind === event.target.value)
              onFilters({ ...filters, kind: picked ? picked.kind : null })
            }}
          >
            <option value="">Every kind ({summary.totals.total})</option>
            {summary.byKind.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.title} ({entry.total})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-severity`}>Severity</label>
          <select
            id={`${id}-severity`}
            value={severity ?? ''}
            onChange={(event) =>
              onFilters({ ...filters, severity: isSeverity(event.target.value) ? event.target.value : null })
            }
          >
            <option value="">Any severity</option>
            {SEVERITIES.map((option) => (
              <option key={option} value={option}>
                {SEVERITY_LABELS[option]} ({summary.totals[option]})
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <div className="actions">
            <button type="button" className="link-button" onClick={() => onFilters(NO_FINDING_FILTERS)}>
              Clear the filters
            </button>
          </div>
        ) : null}
      </form>
      {!pages.loading && !pages.error ? (
        <p className="muted" aria-live="polite">
          {pages.items.length === 0
            ? filtered
              ? 'No finding of this kind or severity.'
              : 'No departure from the rules found.'
            : `Showing ${plural(pages.items.length, 'finding')}${pages.hasMore ? ' so far' : ''}.`}
        </p>
      ) : null}
      <ol className="plain-list findings" aria-label="Findings, gravest first">
        {pages.items.map((finding) => (
          <FindingItem key={finding.id} finding={finding} />
        ))}
      </ol>
      <PagesFooter pages={pages} loadingLabel="Loading the findings…" />
    </section>
  )
}
