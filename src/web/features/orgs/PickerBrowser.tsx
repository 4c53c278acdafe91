import { apiGet } from '../../api/client.ts'
import type { BodyChild, BodyDescription } from '../../api/types.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { humanise } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import type { PickedBody } from './picked-body.ts'

interface PickerBrowserProps {
  readonly browsingId: number
  readonly onBrowse: (bodyId: number) => void
  readonly canChoose: (body: PickedBody) => boolean
  readonly onChoose: (body: PickedBody) => void
}

/** One step of the tree in a picker: the way up, the body itself, and the bodies below it. */
export function PickerBrowser({ browsingId, onBrowse, canChoose, onChoose }: PickerBrowserProps) {
  const here = useAsync(() => apiGet<BodyDescription>(`/bodies/${browsingId}`), [browsingId])
  const below = useAsync(() => apiGet<{ items: BodyChild[] }>(`/bodies/${browsingId}/children`), [browsingId])
  if (here.status === 'loading') return <Loading label="Loading the tree…" />
  if (here.status === 'error') return <ErrorMessage error={here.error} onRetry={here.reload} />
  const { body, ancestors, level } = here.data

  return (
    <div className="picker-browser">
      {ancestors.length > 0 ? (
        <p className="picker-path">
          Up to:{' '}
          {ancestors.map((ancestor) => (
            <button
              key={ancestor.id}
              type="button"
              className="link-button"
              onClick={() => onBrowse(ancestor.id)}
            >
              {ancestor.name}
            </button>
          ))}
        </p>
      ) : null}
      <p className="picker-here">
        <strong>{body.name}</strong> <span className="tag">{humanise(body.level)}</span>{' '}
        {canChoose(body) ? (
          <button type="button" onClick={() => onChoose(body)}>
            Choose {body.name}
          </button>
        ) : null}
      </p>
      {level.isUnit ? null : below.status === 'loading' ? (
        <Loading label="Loading the bodies below…" />
      ) : below.status === 'error' ? (
        <ErrorMessage error={below.error} onRetry={below.reload} />
      ) : below.data.items.length === 0 ? (
        <p className="muted">No bodies below.</p>
      ) : (
        <ul className="picker-list" aria-label={`Bodies below ${body.name}`}>
          {below.data.items.map((child) => (
            <li key={child.id}>
              <span>
                {child.name} <span className="tag">{humanise(child.kind ?? child.level)}</span>
              </span>
              <span className="picker-buttons">
                {(child.childCount ?? 0) > 0 ? (
                  <button type="button" aria-label={`Open ${child.name}`} onClick={() => onBrowse(child.id)}>
                    Open ›
                  </button>
                ) : null}
                {canChoose(child) ? (
                  <button type="button" aria-label={`Choose ${child.name}`} onClick={() => onChoose(child)}>
                    Choose
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
