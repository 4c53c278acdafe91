import { type Kysely, sql } from 'kysely'

/**
 * A fourth role, `auditor`: reads its subtree, its event log and what moderators hid (hidden
 * criticism stays readable to auditors), and changes nothing. Deliberation is the first capability
 * that needs it; the audit engine builds on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table role_grants drop constraint role_grants_role_check`.execute(db)
  await sql`
    alter table role_grants add constraint role_grants_role_check
      check (role in ('member', 'secretary', 'admin', 'auditor'))`.execute(db)
}
