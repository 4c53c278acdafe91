import { appendEvent } from '../events/append-event.ts'
import { getBody } from '../orgs/get-body.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import type { Role } from './principal.ts'

export interface RoleInput {
  readonly accountId: number
  readonly role: Role
  readonly bodyId: number
}

/** Grants a role on a body (and so on its subtree). Granting a role already held is DUPLICATE. */
export async function grantRole(ctx: UseCaseContext, input: RoleInput): Promise<{ id: number }> {
  await requireAccount(ctx, input.accountId)
  const body = await getBody(ctx.db, input.bodyId)
  const existing = await ctx.db
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', input.accountId)
    .where('role', '=', input.role)
    .where('body_id', '=', input.bodyId)
    .executeTakeFirst()
  if (existing) throw new AppError('DUPLICATE', 'The account already holds this role on this body', input)
  const row = await ctx.db
    .insertInto('role_grants')
    .values({
      account_id: input.accountId,
      role: input.role,
      body_id: input.bodyId,
      created_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'role.granted', payload: { role: input.role, bodyId: input.bodyId } },
    { bodyId: body.id, regionId: body.region_id, subject: { kind: 'account', id: input.accountId } },
  )
  return { id: row.id }
}

/** Fails with ACCOUNT_NOT_FOUND unless the account exists. */
export async function requireAccount(ctx: UseCaseContext, accountId: number): Promise<void> {
  const account = await ctx.db
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', accountId)
    .executeTakeFirst()
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND', `No account with id ${accountId}`, { accountId })
}
