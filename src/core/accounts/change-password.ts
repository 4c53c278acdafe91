import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts'
import { sessionId } from './sessions.ts'

export interface ChangePasswordInput {
  readonly accountId: number
  readonly currentPassword: string
  readonly newPassword: string
  /** The session the change was made from: it stays open, every other one ends. */
  readonly keepSessionToken?: string
}

/**
 * Changes an account's password after checking the current one (INVALID_CREDENTIALS otherwise).
 * Every other session of the account ends, so a change made because a password leaked also
 * shuts out whoever used it. Writes `account.password_changed` (no payload: nothing secret).
 */
export async function changePassword(ctx: UseCaseContext, input: ChangePasswordInput): Promise<void> {
  const account = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'disabled'])
    .where('id', '=', input.accountId)
    .executeTakeFirst()
  if (!account || account.disabled || !(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong', {
      issues: [{ path: 'currentPassword', message: 'is wrong' }],
    })
  }
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    const message = `Password must be at least ${MIN_PASSWORD_LENGTH} characters`
    throw invalidInput(message, [{ path: 'newPassword', message }], { minLength: MIN_PASSWORD_LENGTH })
  }
  if (input.newPassword === input.currentPassword) {
    const message = 'The new password must differ from the current one'
    throw invalidInput(message, [{ path: 'newPassword', message }])
  }
  await ctx.db
    .updateTable('accounts')
    .set({ password_hash: await hashPassword(input.newPassword) })
    .where('id', '=', account.id)
    .execute()
  let others = ctx.db.deleteFrom('sessions').where('account_id', '=', account.id)
  if (input.keepSessionToken) others = others.where('id', '<>', sessionId(input.keepSessionToken))
  await others.execute()
  await appendEvent(
    ctx,
    { type: 'account.password_changed', payload: {} },
    { subject: { kind: 'account', id: account.id } },
  )
}
