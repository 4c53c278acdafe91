import { useCallback, useEffect, useRef, useState } from 'react'
import { apiGet, queryString } from '../../api/client.ts'
import type { EventPage, LoggedEvent } from './types.ts'

/** Events shown per page; "Load more" fetches the next (older) keyset page. */
export const EVENT_PAGE_SIZE = 30

export interface EventPages {
  readonly items: readonly LoggedEvent[]
  readonly bodyNames: Readonly<Record<string, string>>
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: Error | null
  readonly loadMore: () => void
  readonly retry: () => void
}

/**
 * Keyset pages of a body's events, newest first: restarts when the type filter changes, appends
 * on loadMore. A new `version` (after an action on the page) reloads the first page in place.
 */
export function useEventPages(bodyId: number, type: string | null, version = 0): EventPages {
  const [items, setItems] = useState<readonly LoggedEvent[]>([])
  const [bodyNames, setBodyNames] = useState<Readonly<Record<string, string>>>({})
  const [after, setAfter] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Error | null>(null)
  // Each query (body + type) gets a generation; answers for an older one are dropped.
  const generation = useRef(0)

  const fetchPage = useCallback(
    (from: number | null, append: boolean) => {
      const mine = generation.current
      setLoading(true)
      setError(null)
      apiGet<EventPage>(
        `/bodies/${bodyId}/events${queryString({ type, after: from, limit: EVENT_PAGE_SIZE })}`,
      ).then(
        (page) => {
          if (mine !== generation.current) return
          setItems((previous) => (append ? [...previous, ...page.items] : page.items))
          setBodyNames((previous) => (append ? { ...previous, ...page.bodyNames } : page.bodyNames))
          setAfter(page.nextAfter)
          setLoading(false)
        },
        (caught: unknown) => {
          if (mine !== generation.current) return
          setError(caught instanceof Error ? caught : new Error(String(caught)))
          setLoading(false)
        },
      )
    },
    [bodyId, type],
  )

  useEffect(() => {
    generation.current += 1
    setItems([])
    setAfter(null)
    fetchPage(null, false)
  }, [fetchPage])

  const shownVersion = useRef(version)
  useEffect(() => {
    if (shownVersion.current === version) return
    shownVersion.current = version
    generation.current += 1
    fetchPage(null, false)
  }, [version, fetchPage])

  const loadMore = useCallback(() => {
    if (after !== null) fetchPage(after, true)
  }, [after, fetchPage])
  const retry = useCallback(
    () => fetchPage(items.length > 0 ? after : null, items.length > 0),
    [after, fetchPage, items.length],
  )

  return { items, bodyNames, hasMore: after !== null, loading, error, loadMore, retry }
}
