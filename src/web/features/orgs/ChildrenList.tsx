import { apiGet } from '../../api/client.ts'
import type { BodyChild } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { humanise, plural } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'

/** The body's active children: name (a link down), level or kind, and their size. */
export function ChildrenList({ bodyId }: { readonly bodyId: number }) {
  const { version } = useRefresh()
  const children = useAsync(
    () => apiGet<{ items: BodyChild[] }>(`/bodies/${bodyId}/children`),
    [bodyId],
    version,
  )
  if (children.status === 'loading') return <Loading label="Loading the bodies below…" />
  if (children.status === 'error') return <ErrorMessage error={children.error} onRetry={children.reload} />
  const items = children.data.items
  if (items.length === 0) return <p className="muted">No bodies below this one.</p>
  return (
    <ul className="children" aria-label="Bodies below">
      {items.map((child) => (
        <li key={child.id}>
          <a href={bodyHref(child.id)} className="child-name">
            {child.name}
          </a>
          <span className="tag">{humanise(child.kind ?? child.level)}</span>
          <span className="count">
            {child.memberCount !== null
              ? plural(child.memberCount, 'member')
              : plural(child.childCount ?? 0, 'body', 'bodies')}
          </span>
        </li>
      ))}
    </ul>
  )
}
