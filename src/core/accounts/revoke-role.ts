import { appendEvent } from '../events/append-event.ts'
import { getBody } from '../orgs/get-body.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { type RoleInput, requireAccount } from './grant-role.ts'

/** Revokes a role held on a body; revoking a role that is not held is NOT_FOUND. */
export async function revokeRole(ctx: UseCaseContext, input: RoleInput): Promise<void> {
  await requireAccount(ctx, input.accountId)
  const body = await getBody(ctx.db, input.bodyId)
  const deleted = await ctx.db
    .deleteFrom('role_grants')
    .where('account_id', '=', input.accountId)
    .where('role', '=', input.role)
    .where('body_id', '=', input.bodyId)
    .executeTakeFirst()
  if (deleted.numDeletedRows === 0n) {
    throw new AppError('NOT_FOUND', 'The account does not hold this role on this body', input)
  }
  await appendEvent(
    ctx,
    { type: 'role.revoked', payload: { role: input.role, bodyId: input.bodyId } },
    { bodyId: body.id, regionId: body.region_id, subject: { kind: 'account', id: input.accountId } },
  )
}
