import type { MemberDetail } from '../../api/types.ts'
import { formatLongDate } from '../../shared/format.ts'
import { statusLabel } from './StatusBadge.tsx'
import { UnitLink } from './UnitLink.tsx'

type HistoryEntry =
  | {
      readonly kind: 'status'
      readonly onDate: string
      readonly key: string
      readonly from: string
      readonly to: string
      readonly reason: string | null
    }
  | {
      readonly kind: 'transfer'
      readonly onDate: string
      readonly key: string
      readonly fromUnitId: number
      readonly toUnitId: number
    }

/** Status changes and transfers as one dated timeline, oldest first. */
export function MemberHistory({ detail }: { readonly detail: MemberDetail }) {
  const entries: HistoryEntry[] = [
    ...detail.statusHistory.map((change) => ({
      kind: 'status' as const,
      key: `s${change.eventId}`,
      onDate: change.onDate,
      from: change.from,
      to: change.to,
      reason: change.reason,
    })),
    ...detail.transfers.map((transfer) => ({
      kind: 'transfer' as const,
      key: `t${transfer.eventId}`,
      onDate: transfer.onDate,
      fromUnitId: transfer.fromUnitId,
      toUnitId: transfer.toUnitId,
    })),
  ].sort((a, b) => a.onDate.localeCompare(b.onDate))

  return (
    <ol className="timeline">
      <li>
        <time dateTime={detail.member.joinedOn}>{formatLongDate(detail.member.joinedOn)}</time>
        <span>Joined</span>
      </li>
      {entries.map((entry) => (
        <li key={entry.key}>
          <time dateTime={entry.onDate}>{formatLongDate(entry.onDate)}</time>
          {entry.kind === 'status' ? (
            <span>
              {statusLabel(entry.from)} → {statusLabel(entry.to)}
              {entry.reason ? <em className="reason"> — {entry.reason}</em> : null}
            </span>
          ) : (
            <span>
              Transferred from <UnitLink unitId={entry.fromUnitId} /> to <UnitLink unitId={entry.toUnitId} />
            </span>
          )}
        </li>
      ))}
    </ol>
  )
}
