import { useMemo } from 'react'
import { queryString } from '../../api/client.ts'
import { type KeysetPages, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import type { EventPage, LoggedEvent } from './types.ts'

/** Events shown per page; "Load more" fetches the next (older) keyset page. */
export const EVENT_PAGE_SIZE = 30

export interface EventPages extends KeysetPages<LoggedEvent, EventPage> {
  readonly bodyNames: Readonly<Record<string, string>>
}

const nextAfter = (page: EventPage) => page.nextAfter

/**
 * Keyset pages of a body's events, newest first: restarts when the type filter changes, appends
 * on loadMore. A new `version` (after an action on the page) reloads the first page in place.
 */
export function useEventPages(bodyId: number, type: string | null, version = 0): EventPages {
  const pages = useKeysetPages<LoggedEvent, EventPage>(
    `/bodies/${bodyId}/events${queryString({ type, limit: EVENT_PAGE_SIZE })}`,
    nextAfter,
    version,
  )
  // Each page names the bodies of its own events; together they name all shown.
  const bodyNames = useMemo(
    () => Object.assign({}, ...pages.pages.map((page) => page.bodyNames)) as Record<string, string>,
    [pages.pages],
  )
  return { ...pages, bodyNames }
}
