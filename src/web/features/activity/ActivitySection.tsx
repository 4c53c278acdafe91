import { useId, useState } from 'react'
import type { Body } from '../../api/types.ts'
import { LOG_HREF } from '../../app/router.ts'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { EventList } from './EventList.tsx'
import { EVENT_TYPE_CHOICES } from './event-sentences.ts'
import { useEventPages } from './use-event-pages.ts'
import './activity.css'

interface ActivitySectionProps {
  readonly body: Body
  /** A unit has nothing below it, so its heading says so. */
  readonly isUnit: boolean
  /** Whether the caller is an admin granted on this body (the root shows the log-integrity link). */
  readonly canManage: boolean
}

/** The event log of the body's subtree as sentences, newest first, with a type filter. */
export function ActivitySection({ body, isUnit, canManage }: ActivitySectionProps) {
  const [type, setType] = useState<string | null>(null)
  const { version } = useRefresh()
  const pages = useEventPages(body.id, type, version)
  const id = useId()
  const isRoot = body.parentId === null

  return (
    <section aria-labelledby={`${id}-title`} className="card activity">
      <div className="section-head">
        <h2 id={`${id}-title`}>
          {isRoot ? 'Activity' : isUnit ? `Activity in ${body.name}` : `Activity in ${body.name} and below`}
        </h2>
        {isRoot && canManage ? <a href={LOG_HREF}>Log integrity</a> : null}
      </div>
      <p className="muted">
        Every change is recorded as an event on a sealed, append-only log. Dates are the organisation’s.
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-type`}>Show</label>
          <select
            id={`${id}-type`}
            value={type ?? ''}
            onChange={(event) => setType(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">All events</option>
            {EVENT_TYPE_CHOICES.map((choice) => (
              <option key={choice.type} value={choice.type}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {pages.items.length > 0 ? <EventList events={pages.items} bodyNames={pages.bodyNames} /> : null}
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">{type ? 'No events of this kind here.' : 'Nothing has happened here yet.'}</p>
      ) : null}
      <PagesFooter pages={pages} loadingLabel="Loading activity…" />
    </section>
  )
}
