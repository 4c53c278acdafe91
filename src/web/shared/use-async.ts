import { type DependencyList, useCallback, useEffect, useState } from 'react'

/** The state of one load: in flight, failed (with the error to show) or ready. */
export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'ready'; readonly data: T }

/** Runs `load` whenever `deps` change; stale answers are dropped. `reload` runs it again. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on.
  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
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
  }, [...deps, attempt])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, reload }
}
