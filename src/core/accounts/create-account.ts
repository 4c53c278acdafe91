import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts'

export interface CreateAccountInput {
  readonly email: string
  readonly displayName: string
  readonly password: string
  readonly memberId?: number | null
}

/** Creates a sign-in account (argon2id hash); e-mails are unique case-insensitively. */
export async function createAccount(
  ctx: UseCaseContext,
  input: CreateAccountInput,
): Promise<{ id: number; email: string; displayName: string; memberId: number | null }> {
  const email = input.email.trim()
  const displayName = input.displayName.trim()
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw invalidInput('Not a valid e-mail address', [
      { path: 'email', message: 'not a valid e-mail address' },
    ])
  }
  if (displayName.length < 1 || displayName.length > 200) {
    throw invalidInput('Display name must be 1–200 characters', [
      { path: 'displayName', message: '1–200 characters' },
    ])
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    const message = `Password must be at least ${MIN_PASSWORD_LENGTH} characters`
    throw invalidInput(message, [{ path: 'password', message }], { minLength: MIN_PASSWORD_LENGTH })
  }
  const memberId = input.memberId ?? null
  let regionId: number | null = null
  if (memberId !== null) {
    const member = await ctx.db
      .selectFrom('members')
      .select(['id', 'region_id'])
      .where('id', '=', memberId)
      .executeTakeFirst()
    if (!member) throw new AppError('MEMBER_NOT_FOUND', `No member with id ${memberId}`, { memberId })
    regionId = member.region_id
  }
  const taken = await ctx.db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst()
  if (taken) throw new AppError('DUPLICATE', 'An account with this e-mail already exists', { field: 'email' })

  const row = await ctx.db
    .insertInto('accounts')
    .values({
      email,
      display_name: displayName,
      password_hash: await hashPassword(input.password),
      member_id: memberId,
      created_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'account.created', payload: { memberId } },
    { regionId, subject: { kind: 'account', id: row.id } },
  )
  return { id: row.id, email, displayName, memberId }
}
