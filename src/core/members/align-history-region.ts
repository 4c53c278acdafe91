import type { Executor } from '../../db/client.ts'
import { inSubtree } from '../orgs/tree.ts'

/** Which members changed region: one member, or every member now under a unit path prefix. */
export type MovedMembers = { readonly memberId: number } | { readonly unitPathPrefix: string }

/**
 * Keeps members' history rows (status changes, transfers) on the member's current region. The
 * region id is the future Citus distribution key, so a member's history must live on the same
 * shard as the member; every use case that moves members across regions calls this.
 */
export async function alignHistoryRegion(db: Executor, regionId: number, moved: MovedMembers): Promise<void> {
  for (const table of ['member_status_changes', 'member_transfers'] as const) {
    let update = db.updateTable(table).set({ region_id: regionId }).where('region_id', '<>', regionId)
    update =
      'memberId' in moved
        ? update.where('member_id', '=', moved.memberId)
        : update.where('member_id', 'in', (qb) =>
            qb.selectFrom('members').select('id').where(inSubtree('unit_path', moved.unitPathPrefix)),
          )
    await update.execute()
  }
}
