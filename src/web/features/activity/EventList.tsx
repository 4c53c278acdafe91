import { formatLongDate } from '../../shared/format.ts'
import { describeEvent, EVENT_KINDS } from './event-sentences.ts'
import type { LoggedEvent } from './types.ts'

interface EventListProps {
  readonly events: readonly LoggedEvent[]
  readonly bodyNames: Readonly<Record<string, string>>
}

/** Events as dated sentences; the event id and type stay visible for anyone checking the log. */
export function EventList({ events, bodyNames }: EventListProps) {
  return (
    <ol className="event-list" aria-label="Events, newest first">
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.occurredAt} title="The organisation’s date and time">
            {formatLongDate(event.occurredAt.slice(0, 10))}{' '}
            <span className="event-time">{event.occurredAt.slice(11, 16)}</span>
          </time>
          <span className="event-sentence">{describeEvent(event, bodyNames)}</span>
          <span className="event-meta mono" title={EVENT_KINDS[event.type]?.label ?? event.type}>
            #{event.id} {event.type}
          </span>
        </li>
      ))}
    </ol>
  )
}
