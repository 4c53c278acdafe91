import { useEffect, useState } from 'react'
import { apiGet, queryString } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { humanise } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import type { PickedBody } from './picked-body.ts'
import './picker-search.css'

/** A body found by GET /bodies/:id/search. */
interface FoundBody extends PickedBody {
  readonly parentName: string | null
  readonly kind: string | null
}

type SearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'done'; readonly items: readonly FoundBody[] }

const RESULTS = 20
/** Wait this long after the last keystroke: one request per pause, not one per letter. */
const DEBOUNCE_MS = 250

interface PickerSearchProps {
  /** Searches this body's subtree (the server keeps the results inside the caller's scope). */
  readonly rootId: number
  readonly canChoose: (body: PickedBody) => boolean
  readonly onChoose: (body: PickedBody) => void
}

/** Finds a body by part of its name; each match names its parent to tell twins apart. */
export function PickerSearch({ rootId, canChoose, onChoose }: PickerSearchProps) {
  const [q, setQ] = useState('')
  const [state, setState] = useState<SearchState>({ status: 'idle' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` retries on purpose.
  useEffect(() => {
    const text = q.trim()
    if (text === '') {
      setState({ status: 'idle' })
      return
    }
    let current = true
    const timer = setTimeout(() => {
      setState({ status: 'searching' })
      apiGet<{ items: FoundBody[] }>(
        `/bodies/${rootId}/search${queryString({ q: text, limit: RESULTS })}`,
      ).then(
        (found) => current && setState({ status: 'done', items: found.items }),
        (error: unknown) =>
          current &&
          setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
      )
    }, DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [q, rootId, attempt])

  const choosable = state.status === 'done' ? state.items.filter(canChoose) : []
  return (
    <div className="picker-search">
      <Field label="Search by name" hint="Part of the name is enough.">
        {(id, hint) => (
          <input
            id={id}
            type="search"
            aria-describedby={hint}
            autoComplete="off"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches here instead of submitting the surrounding form.
              if (event.key === 'Enter') event.preventDefault()
            }}
          />
        )}
      </Field>
      <div aria-live="polite">
        {state.status === 'searching' ? <p className="loading">Searching…</p> : null}
        {state.status === 'done' && choosable.length === 0 ? (
          <p className="muted">
            {state.items.length === 0 ? 'No body matches.' : 'Matches found, but none can be chosen here.'}
          </p>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <ErrorMessage error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {choosable.length > 0 ? (
        <ul className="picker-list" aria-label="Search results">
          {choosable.map((body) => (
            <li key={body.id}>
              <span>
                {body.name} <span className="tag">{humanise(body.kind ?? body.level)}</span>
                {body.parentName ? <span className="muted picker-parent"> in {body.parentName}</span> : null}
              </span>
              <span className="picker-buttons">
                <button
                  type="button"
                  aria-label={`Choose ${body.name}`}
                  onClick={() => {
                    onChoose(body)
                    setQ('')
                  }}
                >
                  Choose
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
