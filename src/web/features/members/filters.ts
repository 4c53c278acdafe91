import { queryString } from '../../api/client.ts'
import type { MemberCategory, MemberStatus } from '../../api/types.ts'

/** The member list's filters as the user set them (empty means "any"). */
export interface MemberFilters {
  readonly minStandingYears: number | null
  readonly status: MemberStatus | null
  readonly category: MemberCategory | null
}

export const NO_FILTERS: MemberFilters = { minStandingYears: null, status: null, category: null }

/** The query string of GET /bodies/:id/members (and its CSV export) for these filters. */
export function filterQuery(
  filters: MemberFilters,
  extra: Record<string, string | number | undefined> = {},
): string {
  return queryString({
    minStandingYears: filters.minStandingYears ?? undefined,
    status: filters.status ?? undefined,
    category: filters.category ?? undefined,
    ...extra,
  })
}
