import type { MemberListItem, MemberPage } from '../../api/types.ts'
import { type KeysetPages, nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { filterQuery, type MemberFilters } from './filters.ts'

/** Members shown per page; "Load more" fetches the next keyset page. */
export const PAGE_SIZE = 50

/**
 * Keyset pages of a body's members: restarts when the filters change, appends on loadMore. A new
 * `version` (after an action) reloads the first page but keeps the rows on screen until it comes.
 */
export function useMemberPages(
  bodyId: number,
  filters: MemberFilters,
  version = 0,
): KeysetPages<MemberListItem, MemberPage> {
  return useKeysetPages<MemberListItem, MemberPage>(
    `/bodies/${bodyId}/members${filterQuery(filters, { limit: PAGE_SIZE })}`,
    nextCursor,
    version,
  )
}
