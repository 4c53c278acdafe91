import { createAccount } from '../accounts/create-account.ts'
import { grantRole } from '../accounts/grant-role.ts'
import { recordMemberAccess } from '../members/record-member-access.ts'
import type { UseCaseContext } from '../shared/context.ts'

export interface DemoMemberInput {
  readonly email: string
  readonly password: string
  /** Units to pick the member from (the demo passes Moscow's factory units). */
  readonly unitIds: readonly number[]
  /** A secretary's account that has read the member's record, so "My data" has a read to show. */
  readonly readerAccountId: number | null
}

/**
 * A sign-in account linked to a real demo member (the first full-member worker of the given
 * units), with a member role on their unit and one read of their record by the secretary: a
 * newcomer signs in as a rank-and-file member and sees "My data" at work. Null when the units
 * hold no such member (a tiny demo).
 */
export async function createDemoMember(
  ctx: UseCaseContext,
  input: DemoMemberInput,
): Promise<{ email: string; role: 'member'; bodyId: number } | null> {
  if (input.unitIds.length === 0) return null
  const member = await ctx.db
    .selectFrom('members')
    .select(['id', 'full_name', 'unit_id', 'region_id'])
    .where('unit_id', 'in', [...input.unitIds])
    .where('category', '=', 'worker')
    .where('status', '=', 'full')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  if (!member) return null
  const account = await createAccount(ctx, {
    email: input.email,
    displayName: member.full_name,
    password: input.password,
    memberId: member.id,
  })
  await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: member.unit_id })
  if (input.readerAccountId !== null) {
    await recordMemberAccess(
      { ...ctx, actor: { kind: 'account', accountId: input.readerAccountId } },
      { view: 'detail', scopeBodyId: member.unit_id, regionId: member.region_id, memberIds: [member.id] },
    )
  }
  return { email: input.email, role: 'member', bodyId: member.unit_id }
}
