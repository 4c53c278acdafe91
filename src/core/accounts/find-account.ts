import type { Executor } from '../../db/client.ts'
import { AppError } from '../shared/errors.ts'

/** The account with this e-mail (any case), or ACCOUNT_NOT_FOUND. */
export async function findAccountByEmail(
  db: Executor,
  email: string,
): Promise<{ id: number; displayName: string; email: string }> {
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'email'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst()
  if (!row) throw new AppError('ACCOUNT_NOT_FOUND', 'No account has this e-mail', { field: 'email' })
  return { id: row.id, displayName: row.display_name, email: row.email }
}
