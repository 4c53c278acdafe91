import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createBody } from '../orgs/create-body.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { createAccount } from './create-account.ts'
import { grantRole } from './grant-role.ts'
import { resolveSession } from './resolve-session.ts'
import { revokeRole } from './revoke-role.ts'
import { signIn } from './sign-in.ts'
import { signOut } from './sign-out.ts'

let database: Awaited<ReturnType<typeof createTestDatabase>>
const clock = new ManualClock('1923-12-02T09:00:00Z')
const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
  database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.drop()
})

describe('accounts', () => {
  it('creates an account, grants and revokes a role, with events that hold no e-mail or hash', async () => {
    const root = await run((ctx) => createBody(ctx, { parentId: null, name: 'Central' }))
    const account = await run((ctx) =>
      createAccount(ctx, { email: 'Ivan@Example.org', displayName: 'Ivan', password: 'ten chars!!' }),
    )
    const stored = await database.db.selectFrom('accounts').select('password_hash').executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^\$argon2id\$/)
    await run((ctx) => grantRole(ctx, { accountId: account.id, role: 'admin', bodyId: root.id }))
    const session = await run((ctx) => signIn(ctx, { email: 'ivan@example.org', password: 'ten chars!!' }))
    const principal = await resolveSession(database.db, clock, session.token)
    expect(principal?.grants).toEqual([{ role: 'admin', bodyId: root.id, bodyPath: root.path }])
    await run((ctx) => revokeRole(ctx, { accountId: account.id, role: 'admin', bodyId: root.id }))
    expect((await resolveSession(database.db, clock, session.token))?.grants).toEqual([])
    await signOut(database.db, session.token)
    expect(await resolveSession(database.db, clock, session.token)).toBeNull()

    const events = await database.db.selectFrom('events').select(['type', 'payload']).orderBy('id').execute()
    expect(events.map((e) => e.type)).toEqual([
      'body.created',
      'account.created',
      'role.granted',
      'account.signed_in',
      'role.revoked',
    ])
    expect(JSON.stringify(events)).not.toMatch(/ivan|argon/i)
  })

  it('refuses duplicates (any case), short passwords, and bad credentials alike', async () => {
    await expect(
      run((ctx) =>
        createAccount(ctx, { email: 'IVAN@example.org', displayName: 'Other', password: 'long enough pw' }),
      ),
    ).rejects.toMatchObject({ code: 'DUPLICATE' })
    await expect(
      run((ctx) => createAccount(ctx, { email: 'new@example.org', displayName: 'New', password: 'short' })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    // Awaited one after the other: two sign-ins in flight at once on a server pool could settle in
    // either order, and a rejection with no handler yet is reported as unhandled.
    await expect(
      run((ctx) => signIn(ctx, { email: 'ivan@example.org', password: 'wrong password' })),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong' })
    await expect(
      run((ctx) => signIn(ctx, { email: 'who@example.org', password: 'wrong password' })),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong' })
  })
})
