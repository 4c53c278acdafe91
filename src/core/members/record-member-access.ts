import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'

export interface MemberAccess {
  readonly view: 'list' | 'detail'
  /** The body whose subtree was read (the member's unit for a detail view). */
  readonly scopeBodyId: number
  readonly regionId: number | null
  /** The records shown: ids only, so the log never copies personal data. */
  readonly memberIds: readonly number[]
}

/**
 * Logs that member records were read. Member lists are special-category personal data, so every
 * page and every record shown is on the sealed log with who read it; an empty page is not logged.
 */
export async function recordMemberAccess(ctx: UseCaseContext, access: MemberAccess): Promise<void> {
  if (access.memberIds.length === 0) return
  await appendEvent(
    ctx,
    {
      type: 'member_records.read',
      payload: { view: access.view, scopeBodyId: access.scopeBodyId, memberIds: [...access.memberIds] },
    },
    {
      bodyId: access.scopeBodyId,
      regionId: access.regionId,
      subject: { kind: 'body', id: access.scopeBodyId },
    },
  )
}
