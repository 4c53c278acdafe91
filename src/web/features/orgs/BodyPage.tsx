import { useMemo, useState } from 'react'
import { apiGet } from '../../api/client.ts'
import type { BodyDescription } from '../../api/types.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { type Refresh, RefreshContext } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { PeopleSection } from '../accounts/PeopleSection.tsx'
import { ActivitySection } from '../activity/ActivitySection.tsx'
import { AuditSection } from '../audit/AuditSection.tsx'
import { ContactsSection } from '../contacts/ContactsSection.tsx'
import { DecisionsSection } from '../deliberation/DecisionsSection.tsx'
import { MeetingsSection } from '../deliberation/MeetingsSection.tsx'
import { QuestionsSection } from '../deliberation/QuestionsSection.tsx'
import { TasksSection } from '../deliberation/TasksSection.tsx'
import { ElectionsSection } from '../elections/ElectionsSection.tsx'
import { PostsSection } from '../mandates/PostsSection.tsx'
import { MembersSection } from '../members/MembersSection.tsx'
import { BodyActions } from './BodyActions.tsx'
import { BodySummary } from './BodySummary.tsx'
import { Breadcrumbs } from './Breadcrumbs.tsx'
import { ChildrenList } from './ChildrenList.tsx'

interface BodyPageProps {
  readonly bodyId: number
  /** A member whose detail panel is open. */
  readonly memberId: number | null
}

/** One body: where it sits, what hangs below it, and its members, as far as the user may see. */
export function BodyPage({ bodyId, memberId }: BodyPageProps) {
  // Every action on the page bumps the version; the summary and every list reload in place.
  const [version, setVersion] = useState(0)
  const refresh = useMemo<Refresh>(() => ({ version, refresh: () => setVersion((n) => n + 1) }), [version])
  const description = useAsync(() => apiGet<BodyDescription>(`/bodies/${bodyId}`), [bodyId], version)
  if (description.status === 'loading') return <Loading />
  if (description.status === 'error')
    return <ErrorMessage error={description.error} onRetry={description.reload} />
  const { body, ancestors, permissions, level } = description.data
  return (
    <RefreshContext value={refresh}>
      <div className="body-page">
        <Breadcrumbs ancestors={ancestors} current={body} />
        <BodySummary description={description.data} />
        <BodyActions description={description.data} />
        {!level.isUnit && permissions.canReadTree ? (
          <section aria-labelledby="children-title" className="card">
            <h2 id="children-title">Below {body.name}</h2>
            <ChildrenList bodyId={bodyId} />
          </section>
        ) : null}
        {/* Every signed-in account reads every body’s audit (audit.read); the card never runs the checks. */}
        <AuditSection body={body} />
        <PostsSection body={body} canReadMembers={permissions.canReadMembers} />
        {/* Whoever reads the body reads its elections (the route asks body.read). */}
        <ElectionsSection body={body} />
        {/* Questions are read by whoever reads the body; confidential ones only as a line saying they exist. */}
        <QuestionsSection body={body} />
        {/* Decisions, tasks and meetings: whoever reads the body reads them (the routes ask body.read). */}
        <DecisionsSection body={body} />
        <TasksSection body={body} />
        <MeetingsSection body={body} />
        {permissions.canReadMembers ? (
          <MembersSection body={body} isUnit={level.isUnit} permissions={permissions} memberId={memberId} />
        ) : null}
        {/* contacts.read and members.read are granted to the same roles (core/policy). */}
        {permissions.canReadMembers ? (
          <ContactsSection body={body} canManage={permissions.canManageMembers} />
        ) : null}
        {permissions.canManageAccounts ? <PeopleSection body={body} /> : null}
        {/* events.read is granted to the same roles as body.readTree (core/policy). */}
        {permissions.canReadTree ? (
          <ActivitySection body={body} isUnit={level.isUnit} canManage={permissions.canManage} />
        ) : null}
      </div>
    </RefreshContext>
  )
}
