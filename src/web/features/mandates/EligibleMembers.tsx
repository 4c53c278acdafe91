import { queryString } from '../../api/client.ts'
import { bodyHref } from '../../app/router.ts'
import { formatLongDate, formatShortDate, plural, wholeYearsBetween } from '../../shared/format.ts'
import { PagesFooter, PagesTally } from '../../shared/PagesFooter.tsx'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { statusLabel } from '../members/StatusBadge.tsx'
import type { EligibleMember, EligibleMembersPage } from './eligibility-types.ts'
import type { BodyPost } from './types.ts'

const PAGE_SIZE = 25

interface EligibleMembersProps {
  readonly bodyId: number
  readonly post: BodyPost
  /** The date the rules and standing are read on ('YYYY-MM-DD'). */
  readonly date: string
}

/** "Who may stand?": the members of the body's scope who may hold the post, longest standing first. */
export function EligibleMembers({ bodyId, post, date }: EligibleMembersProps) {
  const pages = useKeysetPages<EligibleMember, EligibleMembersPage>(
    `/bodies/${bodyId}/eligible${queryString({ post: post.post, date, limit: PAGE_SIZE })}`,
    nextCursor,
  )
  const first = pages.pages[0]
  const byFull = first?.sortedBy === 'fullMemberSince'
  return (
    <section className="eligible" aria-label={`Who may stand for ${post.title}`}>
      <p className="muted">
        Members who may hold the post on {formatLongDate(date)}, longest{' '}
        {byFull ? 'full membership' : 'standing'} first.
      </p>
      {first && first.rules.length > 0 ? (
        <ul className="applied-rules">
          {first.rules.map((rule) => (
            <li key={rule.ruleId}>
              {rule.text} <code className="rule-id">{rule.ruleId}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {pages.items.length > 0 ? (
        <div className="table-wrap">
          <table className="members eligible-table">
            <caption className="visually-hidden">Members eligible for {post.title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Unit</th>
                <th scope="col">{byFull ? 'Full member since' : 'Joined'}</th>
                <th scope="col" className="num">
                  Standing
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Id
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((member) => {
                const since = byFull && member.fullMemberSince ? member.fullMemberSince : member.joinedOn
                return (
                  <tr key={member.memberId}>
                    <td>
                      <a href={bodyHref(bodyId, member.memberId)}>{member.fullName}</a>
                    </td>
                    <td>
                      <a href={bodyHref(member.unitId)}>{member.unitName}</a>
                    </td>
                    <td>{formatShortDate(since)}</td>
                    <td className="num">{plural(wholeYearsBetween(since, date), 'year')}</td>
                    <td>{statusLabel(member.status)}</td>
                    <td className="num mono">{member.memberId}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <PagesTally pages={pages} noun="eligible member" empty="No member of this scope may hold the post." />
      <PagesFooter pages={pages} loadingLabel="Finding eligible members…" />
    </section>
  )
}
