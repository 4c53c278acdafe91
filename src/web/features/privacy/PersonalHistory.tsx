import { formatLongDate } from '../../shared/format.ts'
import { statusLabel } from '../members/StatusBadge.tsx'
import type { PersonalData } from './types.ts'

/** Joining, status changes and transfers as one dated timeline, oldest first. */
export function PersonalHistory({ data }: { readonly data: PersonalData }) {
  const entries = [
    ...data.statusHistory.map((change) => ({
      key: `s${change.eventId}`,
      onDate: change.onDate,
      text: `${statusLabel(change.from)} → ${statusLabel(change.to)}${change.reason ? ` — ${change.reason}` : ''}`,
    })),
    ...data.transfers.map((transfer) => ({
      key: `t${transfer.eventId}`,
      onDate: transfer.onDate,
      text: `Transferred from ${transfer.fromUnitName} to ${transfer.toUnitName}`,
    })),
  ].sort((a, b) => a.onDate.localeCompare(b.onDate))
  return (
    <ol className="timeline">
      <li>
        <time dateTime={data.member.joinedOn}>{formatLongDate(data.member.joinedOn)}</time>
        <span>Joined</span>
      </li>
      {entries.map((entry) => (
        <li key={entry.key}>
          <time dateTime={entry.onDate}>{formatLongDate(entry.onDate)}</time>
          <span>{entry.text}</span>
        </li>
      ))}
    </ol>
  )
}
