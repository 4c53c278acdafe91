import { useState } from 'react'
import type { Body } from '../../api/types.ts'
import { decisionHref } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { DecisionBadges, decisionTitle } from './DecisionBadges.tsx'
import { KIND_LABELS } from './decision-format.ts'
import type { DecisionListItem, DecisionListPage } from './decision-types.ts'
import './decisions.css'

type DecisionFilter = 'recent' | 'unratified'

/** One decision in the list: what was decided, or for an outsider only that and when. */
function DecisionItem({ decision }: { readonly decision: DecisionListItem }) {
  if (decision.redacted) {
    return (
      <li>
        <p className="row-head">
          <a href={decisionHref(decision.id)} className="row-title">
            {decisionTitle(decision)}
          </a>
          <span className="badge exception-confidential">Confidential</span>
        </p>
        <p className="muted">
          Decided on {formatLongDate(decision.decidedOn)} · only its named audience reads what was decided
        </p>
      </li>
    )
  }
  return (
    <li className={decision.ratification?.state === 'overdue' ? 'row-overdue' : undefined}>
      <p className="row-head">
        <a href={decisionHref(decision.id)} className="row-title">
          {decisionTitle(decision)}
        </a>
        <DecisionBadges decision={decision} />
      </p>
      <p className="muted">
        {KIND_LABELS[decision.kind]} on {formatLongDate(decision.decidedAt)}
        {decision.discussionCompleted ? '' : ' · without a completed discussion'}
      </p>
    </li>
  )
}

/**
 * A body's decisions, latest first; or, filtered, its urgent decisions awaiting ratification with
 * the overdue ones first and marked. Each links to its page. A confidential question's decision
 * shows an outsider only its date (the API gives no more).
 */
export function DecisionsSection({ body }: { readonly body: Body }) {
  const { version } = useRefresh()
  const [filter, setFilter] = useState<DecisionFilter>('recent')
  const pages = useKeysetPages<DecisionListItem, DecisionListPage>(
    `/bodies/${body.id}/decisions?limit=20${filter === 'unratified' ? '&unratified=true' : ''}`,
    nextCursor,
    version,
  )
  return (
    <section aria-labelledby="decisions-title" className="card decisions">
      <h2 id="decisions-title">Decisions</h2>
      <fieldset className="list-filter">
        <legend className="visually-hidden">Which decisions</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`decisions-${body.id}`}
            checked={filter === 'recent'}
            onChange={() => setFilter('recent')}
          />
          Recent decisions
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`decisions-${body.id}`}
            checked={filter === 'unratified'}
            onChange={() => setFilter('unratified')}
          />
          Urgent decisions awaiting ratification
        </label>
      </fieldset>
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">
          {filter === 'unratified'
            ? `No urgent decision of ${body.name} awaits ratification.`
            : `${body.name} has not decided anything yet.`}
        </p>
      ) : null}
      <ul
        className="plain-list"
        aria-label={filter === 'unratified' ? 'Awaiting ratification' : 'Recent decisions'}
      >
        {pages.items.map((decision) => (
          <DecisionItem key={decision.id} decision={decision} />
        ))}
      </ul>
      <PagesFooter pages={pages} loadingLabel="Loading the decisions…" />
    </section>
  )
}
