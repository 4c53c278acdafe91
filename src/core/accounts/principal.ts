import type { Executor } from '../../db/client.ts'

/**
 * The four roles; each is granted on a body and reaches that body's whole subtree. An auditor reads
 * (the subtree, its event log, hidden criticism) and changes nothing.
 */
export const ROLES = ['member', 'secretary', 'admin', 'auditor'] as const
export type Role = (typeof ROLES)[number]

/** One role on one body, with the body's materialised path for prefix checks. */
export interface Grant {
  readonly role: Role
  readonly bodyId: number
  readonly bodyPath: string
}

/** A signed-in account as the policy sees it. */
export interface Principal {
  readonly accountId: number
  readonly displayName: string
  readonly memberId: number | null
  /** The path of the member's unit, when the account is linked to a member. */
  readonly memberUnitPath: string | null
  readonly grants: readonly Grant[]
}

/** Loads the principal of an account (grants with body paths), or null if absent or disabled. */
export async function loadPrincipal(db: Executor, accountId: number): Promise<Principal | null> {
  const account = await db
    .selectFrom('accounts')
    .leftJoin('members', 'members.id', 'accounts.member_id')
    .select([
      'accounts.id',
      'accounts.display_name',
      'accounts.member_id',
      'accounts.disabled',
      'members.unit_path',
    ])
    .where('accounts.id', '=', accountId)
    .executeTakeFirst()
  if (!account || account.disabled) return null
  const grants = await db
    .selectFrom('role_grants')
    .innerJoin('bodies', 'bodies.id', 'role_grants.body_id')
    .select(['role_grants.role', 'role_grants.body_id', 'bodies.path'])
    .where('role_grants.account_id', '=', accountId)
    .orderBy('role_grants.id')
    .execute()
  return {
    accountId: account.id,
    displayName: account.display_name,
    memberId: account.member_id,
    memberUnitPath: account.unit_path ?? null,
    grants: grants.map((g) => ({ role: g.role, bodyId: g.body_id, bodyPath: g.path })),
  }
}
