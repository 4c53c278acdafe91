import type { Executor } from '../../db/client.ts'
import { inSubtree } from '../orgs/tree.ts'
import { regionOfPath } from './list-members.ts'
import { MEMBER_STATUSES, type MemberStatus } from './schemas.ts'

/**
 * Member counts per status in a subtree. This reads every member of the subtree (one index range
 * scan plus the heap), so it suits a unit or district page; for a region or the whole
 * organisation, prefer snapshots.
 */
export async function countMembersByStatus(
  db: Executor,
  input: { scopePath: string },
): Promise<Record<MemberStatus, number>> {
  let query = db
    .selectFrom('members')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where(inSubtree('unit_path', input.scopePath))
  const regionId = regionOfPath(input.scopePath)
  if (regionId !== null) query = query.where('region_id', '=', regionId)
  const rows = await query.groupBy('status').execute()
  const counts = Object.fromEntries(MEMBER_STATUSES.map((status) => [status, 0])) as Record<
    MemberStatus,
    number
  >
  for (const row of rows) counts[row.status] = Number(row.count)
  return counts
}
