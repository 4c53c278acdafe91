import { filterQuery, type MemberFilters } from './filters.ts'

/** Downloads the filtered member list as CSV (the server records the export as an event). */
export function ExportLink({
  bodyId,
  filters,
}: {
  readonly bodyId: number
  readonly filters: MemberFilters
}) {
  return (
    <a className="button" href={`/api/bodies/${bodyId}/members/export${filterQuery(filters)}`} download>
      Export CSV
    </a>
  )
}
