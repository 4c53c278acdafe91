import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'

/** The state of one load: in flight, failed (with the error to show) or ready. */
export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'ready'; readonly data: T }

function sameDeps(a: DependencyList | null, b: DependencyList): boolean {
  return a !== null && a.length === b.length && a.every((value, index) => Object.is(value, b[index]))
}

/**
 * Runs `load` whenever `deps` change; stale answers are dropped. `reload` (or a new `refreshKey`)
 * runs it again but keeps the data on screen until the fresh answer arrives, so a refresh after
 * an action does not blank the page (and the forms on it).
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  refreshKey = 0,
): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const lastDeps = useRef<DependencyList | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on.
  useEffect(() => {
    let current = true
    const refreshing = sameDeps(lastDeps.current, deps)
    lastDeps.current = deps
    if (!refreshing) setState({ status: 'loading' })
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data })
      },
      (error: unknown) => {
        if (current)
          setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) })
      },
    )
    return () => {
      current = false
    }
  }, [...deps, attempt, refreshKey])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, reload }
}
