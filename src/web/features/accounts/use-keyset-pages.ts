import { useCallback, useEffect, useRef, useState } from 'react'
import { apiGet, queryString } from '../../api/client.ts'

export interface KeysetPages<T> {
  readonly items: readonly T[]
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: Error | null
  readonly loadMore: () => void
  readonly retry: () => void
}

/**
 * Keyset pages of `{ items, nextCursor }` from a list route: the first page on mount, the next on
 * loadMore. A new `version` (after an action) reloads the first page, keeping the rows on screen.
 */
export function useKeysetPages<T>(path: string, pageSize: number, version = 0): KeysetPages<T> {
  const [items, setItems] = useState<readonly T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Error | null>(null)
  // Answers for an older generation (an earlier path or version) are dropped.
  const generation = useRef(0)

  const fetchPage = useCallback(
    (after: string | null, append: boolean) => {
      const mine = generation.current
      setLoading(true)
      setError(null)
      apiGet<{ items: T[]; nextCursor: string | null }>(
        `${path}${queryString({ limit: pageSize, after })}`,
      ).then(
        (page) => {
          if (mine !== generation.current) return
          setItems((previous) => (append ? [...previous, ...page.items] : page.items))
          setCursor(page.nextCursor)
          setLoading(false)
        },
        (caught: unknown) => {
          if (mine !== generation.current) return
          setError(caught instanceof Error ? caught : new Error(String(caught)))
          setLoading(false)
        },
      )
    },
    [path, pageSize],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` reloads on purpose.
  useEffect(() => {
    generation.current += 1
    fetchPage(null, false)
  }, [fetchPage, version])

  const loadMore = useCallback(() => {
    if (cursor) fetchPage(cursor, true)
  }, [cursor, fetchPage])
  const retry = useCallback(() => fetchPage(cursor, items.length > 0), [cursor, fetchPage, items.length])

  return { items, hasMore: cursor !== null, loading, error, loadMore, retry }
}
