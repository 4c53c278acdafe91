import type { MemberListItem } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { formatShortDate, humanise, wholeYearsBetween } from '../../shared/format.ts'
import { StatusBadge } from './StatusBadge.tsx'

interface MemberTableProps {
  readonly bodyId: number
  readonly members: readonly MemberListItem[]
  /** Whether to name each member's unit: a list wider than one unit mixes them. */
  readonly showUnit: boolean
  readonly selectedId: number | null
  /** The organisation's date, to count standing; null while it loads. */
  readonly today: string | null
}

/** Members in join-date order; a name opens the member's detail panel, a unit its page. */
export function MemberTable({ bodyId, members, showUnit, selectedId, today }: MemberTableProps) {
  return (
    <div className="table-wrap">
      <table className="members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            {showUnit ? <th scope="col">Unit</th> : null}
            <th scope="col">Card</th>
            <th scope="col">Joined</th>
            <th scope="col" className="num">
              Standing
            </th>
            <th scope="col">Category</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} aria-selected={member.id === selectedId}>
              <td>
                <a
                  href={bodyHref(bodyId, member.id)}
                  aria-current={member.id === selectedId ? 'true' : undefined}
                >
                  {member.fullName}
                </a>
              </td>
              {showUnit ? (
                <td>
                  <a href={bodyHref(member.unitId)}>{member.unitName}</a>
                </td>
              ) : null}
              <td className={member.card ? 'mono' : undefined}>{member.card ?? '—'}</td>
              <td>
                <time dateTime={member.joinedOn}>{formatShortDate(member.joinedOn)}</time>
              </td>
              <td className="num">{today ? `${wholeYearsBetween(member.joinedOn, today)} y` : '—'}</td>
              <td>{humanise(member.category)}</td>
              <td>
                <StatusBadge status={member.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
