import { auditHref } from '../../app/router.ts'
import { humanise } from '../../shared/format.ts'
import { ShareBar } from './AuditRatios.tsx'
import { AuditTableCard } from './AuditTableCard.tsx'
import { percent } from './audit-format.ts'
import type { AuditSummary } from './types.ts'

const CHILDREN_COLUMNS = [
  { label: 'Body' },
  { label: 'Elected share' },
  { label: 'Appointed', num: true },
  { label: 'Violations', num: true },
  { label: 'Warnings', num: true },
  { label: 'Notices', num: true },
  { label: 'Decisions after discussion', num: true },
] as const

/**
 * The direct children side by side (a region's districts, a district's units): the share of their
 * elective posts filled by election, their findings by severity, their decisions after discussion,
 * each name a link to that body's own audit on the same date.
 */
export function ChildrenTable({ summary }: { readonly summary: AuditSummary }) {
  if (summary.children.length === 0) return null
  return (
    <AuditTableCard
      titleId="audit-children-title"
      title={<>Below {summary.body.name}</>}
      caption={<>The bodies directly below {summary.body.name}, side by side</>}
      columns={CHILDREN_COLUMNS}
    >
      <tbody>
        {summary.children.map(({ body, totals, ratios }) => {
          const posts = ratios.electedPosts
          const decisions = ratios.discussedDecisions
          return (
            <tr key={body.id}>
              <th scope="row">
                <a href={auditHref(body.id, summary.asOf)}>{body.name}</a>{' '}
                <span className="tag">{humanise(body.kind ?? body.level)}</span>
              </th>
              <td className="share-cell">
                <span className="share-text">{percent(posts.share)}</span>
                <ShareBar
                  part={posts.elected}
                  total={posts.total}
                  label={`${body.name}: ${posts.elected} of ${posts.total} elected`}
                />
              </td>
              <td className="num">
                {posts.appointed} of {posts.total}
              </td>
              <td className={totals.violation > 0 ? 'num bad' : 'num'}>{totals.violation}</td>
              <td className="num">{totals.warning}</td>
              <td className="num">{totals.notice}</td>
              <td className="num">
                {decisions.total === 0 ? '—' : `${decisions.afterDiscussion} of ${decisions.total}`}
              </td>
            </tr>
          )
        })}
      </tbody>
    </AuditTableCard>
  )
}
