import type { UseCaseContext } from '../shared/context.ts'
import { type CreateAccountInput, createAccount } from './create-account.ts'
import { grantRole } from './grant-role.ts'
import type { Role } from './principal.ts'

export interface AddPersonInput extends CreateAccountInput {
  readonly role: Role
  readonly bodyId: number
}

/**
 * Creates an account and grants it a role on a body, together: an admin adding a person wants
 * both or neither, never an account that can sign in to nothing. It composes two state changes,
 * so it writes their two events (`account.created`, `role.granted`) in the caller's transaction.
 */
export async function addPerson(
  ctx: UseCaseContext,
  input: AddPersonInput,
): Promise<{ account: Awaited<ReturnType<typeof createAccount>>; grantId: number }> {
  const { role, bodyId, ...account } = input
  const created = await createAccount(ctx, account)
  const grant = await grantRole(ctx, { accountId: created.id, role, bodyId })
  return { account: created, grantId: grant.id }
}
