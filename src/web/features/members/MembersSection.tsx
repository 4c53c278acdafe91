import { useState } from 'react'
import type { Body, BodyPermissions } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { formatLongDate, plural } from '../../shared/format.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { ExportLink } from './ExportLink.tsx'
import { type MemberFilters, NO_FILTERS } from './filters.ts'
import { MemberDetailPanel } from './MemberDetailPanel.tsx'
import { MemberFiltersForm } from './MemberFiltersForm.tsx'
import { MemberListActions } from './MemberListActions.tsx'
import { MemberTable } from './MemberTable.tsx'
import { useMemberPages } from './use-member-pages.ts'

interface MembersSectionProps {
  readonly body: Body
  readonly isUnit: boolean
  readonly permissions: BodyPermissions
  readonly memberId: number | null
}

/** The members of the body's subtree: filters, keyset pages, export, and the open member's detail. */
export function MembersSection({ body, isUnit, permissions, memberId }: MembersSectionProps) {
  const [filters, setFilters] = useState<MemberFilters>(NO_FILTERS)
  const { version } = useRefresh()
  const pages = useMemberPages(body.id, filters, version)
  const today = useOrganisationToday()
  const filtered = filters.minStandingYears !== null || filters.status !== null || filters.category !== null

  return (
    <section
      aria-labelledby="members-title"
      className={memberId ? 'members-layout with-detail' : 'members-layout'}
    >
      <div className="card">
        <div className="section-head">
          <h2 id="members-title">{isUnit ? 'Members' : `Members of ${body.name} and below`}</h2>
          {permissions.canExport ? <ExportLink bodyId={body.id} /> : null}
        </div>
        <MemberListActions body={body} isUnit={isUnit} permissions={permissions} />
        <MemberFiltersForm value={filters} onChange={setFilters} />
        <p className="muted" aria-live="polite">
          {pages.loading && pages.items.length === 0
            ? ''
            : `Showing ${plural(pages.items.length, 'member')}${pages.hasMore ? ' so far' : ''}${filtered ? ' matching the filters' : ''}.`}
          {today && filters.minStandingYears !== null ? ` Standing counted at ${formatLongDate(today)}.` : ''}
        </p>
        {pages.items.length > 0 ? (
          <MemberTable
            bodyId={body.id}
            members={pages.items}
            showUnit={!isUnit}
            selectedId={memberId}
            today={today}
          />
        ) : null}
        {!pages.loading && !pages.error && pages.items.length === 0 ? (
          <p className="empty">{filtered ? 'No member matches these filters.' : 'No members here yet.'}</p>
        ) : null}
        <PagesFooter pages={pages} loadingLabel="Loading members…" />
      </div>
      {memberId ? (
        <MemberDetailPanel key={memberId} memberId={memberId} closeHref={bodyHref(body.id)} />
      ) : null}
    </section>
  )
}
