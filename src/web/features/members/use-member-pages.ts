import { useCallback, useEffect, useRef, useState } from 'react'
import { apiGet } from '../../api/client.ts'
import type { MemberListItem, MemberPage } from '../../api/types.ts'
import { filterQuery, type MemberFilters } from './filters.ts'

/** Members shown per page; "Load more" fetches the next keyset page. */
export const PAGE_SIZE = 50

export interface MemberPages {
  readonly items: readonly MemberListItem[]
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: Error | null
  readonly loadMore: () => void
  readonly retry: () => void
}

/**
 * Keyset pages of a body's members: restarts when the filters change, appends on loadMore. A new
 * `version` (after an action) reloads the first page but keeps the rows on screen until it comes.
 */
export function useMemberPages(bodyId: number, filters: MemberFilters, version = 0): MemberPages {
  const [items, setItems] = useState<readonly MemberListItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Error | null>(null)
  // Each query (body + filters) gets a generation; answers for an older one are dropped.
  const generation = useRef(0)

  const fetchPage = useCallback(
    (after: string | null, append: boolean) => {
      const mine = generation.current
      setLoading(true)
      setError(null)
      apiGet<MemberPage>(
        `/bodies/${bodyId}/members${filterQuery(filters, { limit: PAGE_SIZE, after: after ?? undefined })}`,
      ).then(
        (page) => {
          if (mine !== generation.current) return
          setItems((previous) => (append ? [...previous, ...page.items] : page.items))
          setCursor(page.nextCursor)
          setHasMore(page.nextCursor !== null)
          setLoading(false)
        },
        (caught: unknown) => {
          if (mine !== generation.current) return
          setError(caught instanceof Error ? caught : new Error(String(caught)))
          setLoading(false)
        },
      )
    },
    [bodyId, filters],
  )

  useEffect(() => {
    generation.current += 1
    setItems([])
    setCursor(null)
    fetchPage(null, false)
  }, [fetchPage])

  const loadMore = useCallback(() => {
    if (cursor) fetchPage(cursor, true)
  }, [cursor, fetchPage])

  const shownVersion = useRef(version)
  useEffect(() => {
    if (shownVersion.current === version) return
    shownVersion.current = version
    generation.current += 1
    fetchPage(null, false)
  }, [version, fetchPage])

  const retry = useCallback(() => fetchPage(cursor, items.length > 0), [cursor, fetchPage, items.length])

  return { items, hasMore, loading, error, loadMore, retry }
}
