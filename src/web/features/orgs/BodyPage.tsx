import { apiGet } from '../../api/client.ts'
import type { BodyDescription } from '../../api/types.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { MembersSection } from '../members/MembersSection.tsx'
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
  const description = useAsync(() => apiGet<BodyDescription>(`/bodies/${bodyId}`), [bodyId])
  if (description.status === 'loading') return <Loading />
  if (description.status === 'error')
    return <ErrorMessage error={description.error} onRetry={description.reload} />
  const { body, ancestors, permissions, level } = description.data
  return (
    <div className="body-page">
      <Breadcrumbs ancestors={ancestors} current={body} />
      <BodySummary description={description.data} />
      {!level.isUnit && permissions.canReadTree ? (
        <section aria-labelledby="children-title" className="card">
          <h2 id="children-title">Below {body.name}</h2>
          <ChildrenList bodyId={bodyId} />
        </section>
      ) : null}
      {permissions.canReadMembers ? (
        <MembersSection
          body={body}
          isUnit={level.isUnit}
          canExport={permissions.canExport}
          memberId={memberId}
        />
      ) : null}
    </div>
  )
}
