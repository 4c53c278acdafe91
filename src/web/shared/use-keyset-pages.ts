import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { apiGet } from '../api/client.ts'

/** A keyset cursor as list routes send it: an opaque string or a numeric id. */
export type Cursor = string | number

/** Whatever a list route answers for one page: its rows, plus what else the route sends. */
export interface KeysetPage<T> {
  readonly items: readonly T[]
}

/** The page of routes that answer `{ items, nextCursor }`, most of them. */
export interface CursorPage<T> extends KeysetPage<T> {
  readonly nextCursor: string | null
}

/** The pages of a list so far, with the state a "Load more" list shows. */
export interface KeysetPages<T, P extends KeysetPage<T> = CursorPage<T>> {
  readonly items: readonly T[]
  /** The pages as they came, oldest first (for what a route sends beside its rows). */
  readonly pages: readonly P[]
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: Error | null
  readonly loadMore: () => void
  readonly retry: () => void
}

/** The cursor of routes that answer `{ items, nextCursor }`. */
export function nextCursor(page: { readonly nextCursor: string | null }): string | null {
  return page.nextCursor
}

/** The query with the `after` cursor added (every keyset list route takes it under that name). */
function pageUrl(query: string, after: Cursor | null): string {
  if (after === null) return query
  return `${query}${query.includes('?') ? '&' : '?'}${new URLSearchParams({ after: String(after) })}`
}

/**
 * Keyset pages of a list route. `query` is the route with its filters and limit, and names the
 * list: a new one restarts from an empty first page. loadMore appends the page after the last one's
 * cursor (`nextOf`). A new `version` (after an action) reloads the first page but keeps the rows
 * on screen until it comes.
 */
export function useKeysetPages<T, P extends KeysetPage<T> = CursorPage<T>>(
  query: string,
  nextOf: (page: P) => Cursor | null,
  version = 0,
): KeysetPages<T, P> {
  const [pages, setPages] = useState<readonly P[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Error | null>(null)
  // Each query gets a generation; answers for an older one are dropped.
  const generation = useRef(0)

  const fetchPage = useCallback(
    (after: Cursor | null, append: boolean) => {
      const mine = generation.current
      setLoading(true)
      setError(null)
      apiGet<P>(pageUrl(query, after)).then(
        (page) => {
          if (mine !== generation.current) return
          setPages((previous) => (append ? [...previous, page] : [page]))
          setLoading(false)
        },
        (caught: unknown) => {
          if (mine !== generation.current) return
          setError(caught instanceof Error ? caught : new Error(String(caught)))
          setLoading(false)
        },
      )
    },
    [query],
  )

  useEffect(() => {
    generation.current += 1
    setPages([])
    fetchPage(null, false)
  }, [fetchPage])

  const shownVersion = useRef(version)
  useEffect(() => {
    if (shownVersion.current === version) return
    shownVersion.current = version
    generation.current += 1
    fetchPage(null, false)
  }, [version, fetchPage])

  const items = useMemo(() => pages.flatMap((page) => page.items), [pages])
  const last = pages.at(-1)
  const cursor = last ? nextOf(last) : null
  const loadMore = useCallback(() => {
    if (cursor !== null) fetchPage(cursor, true)
  }, [cursor, fetchPage])
  const retry = useCallback(
    () => fetchPage(items.length > 0 ? cursor : null, items.length > 0),
    [cursor, fetchPage, items.length],
  )

  return { items, pages, hasMore: cursor !== null, loading, error, loadMore, retry }
}
