import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createBody } from '../orgs/create-body.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { addPerson } from './add-person.ts'
import { changePassword } from './change-password.ts'
import { findAccountByEmail } from './find-account.ts'
import { grantRole } from './grant-role.ts'
import { listAccess } from './list-access.ts'
import { resolveSession } from './resolve-session.ts'
import { signIn } from './sign-in.ts'

let database: Awaited<ReturnType<typeof createTestDatabase>>
const clock = new ManualClock('1923-12-02T09:00:00Z')
const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
  database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
const PASSWORD = 'ten chars or more'

let tree: Awaited<ReturnType<typeof buildTree>>
async function buildTree() {
  return run(async (ctx) => {
    const root = await createBody(ctx, { parentId: null, name: 'Central' })
    const north = await createBody(ctx, { parentId: root.id, name: 'North' })
    const south = await createBody(ctx, { parentId: root.id, name: 'South' })
    const mill = await createBody(ctx, { parentId: north.id, name: 'Mill' })
    return { root, north, south, mill }
  })
}

beforeAll(async () => {
  database = await createTestDatabase()
  tree = await buildTree()
})
afterAll(async () => {
  await database.drop()
})

describe('listAccess', () => {
  it('lists the grants of a subtree in tree order, a page at a time', async () => {
    const add = (email: string, displayName: string, role: 'admin' | 'secretary', bodyId: number) =>
      run((ctx) => addPerson(ctx, { email, displayName, password: PASSWORD, role, bodyId }))
    await add('root@example.org', 'Root Admin', 'admin', tree.root.id)
    const north = await add('north@example.org', 'North Secretary', 'secretary', tree.north.id)
    await add('mill@example.org', 'Mill Secretary', 'secretary', tree.mill.id)
    await add('south@example.org', 'South Secretary', 'secretary', tree.south.id)
    await run((ctx) => grantRole(ctx, { accountId: north.account.id, role: 'admin', bodyId: tree.mill.id }))

    const first = await listAccess(database.db, { scopePath: tree.north.path, limit: 2 })
    expect(first.items.map((g) => [g.displayName, g.role, g.bodyName])).toEqual([
      ['North Secretary', 'secretary', 'North'],
      ['Mill Secretary', 'secretary', 'Mill'],
    ])
    expect(first.items[0]).toMatchObject({ email: 'north@example.org', accountId: north.account.id })
    expect(first.nextCursor).not.toBeNull()
    const second = await listAccess(database.db, {
      scopePath: tree.north.path,
      limit: 2,
      after: first.nextCursor ?? '',
    })
    expect(second.items.map((g) => [g.displayName, g.role, g.bodyName])).toEqual([
      ['North Secretary', 'admin', 'Mill'],
    ])
    expect(second.nextCursor).toBeNull()
    const all = await listAccess(database.db, { scopePath: tree.root.path, limit: 100 })
    expect(all.items.map((g) => g.bodyName)).toEqual(['Central', 'North', 'Mill', 'Mill', 'South'])
  })

  it('refuses a cursor it did not make', async () => {
    await expect(
      listAccess(database.db, { scopePath: tree.root.path, limit: 5, after: 'bm9wZQ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('adds nothing when the grant fails: no account without a role', async () => {
    await expect(
      run((ctx) =>
        addPerson(ctx, {
          email: 'ghost@example.org',
          displayName: 'Ghost',
          password: PASSWORD,
          role: 'secretary',
          bodyId: 999_999,
        }),
      ),
    ).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' })
    await expect(findAccountByEmail(database.db, 'GHOST@example.org')).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    })
    expect(await findAccountByEmail(database.db, 'MILL@example.org')).toMatchObject({
      displayName: 'Mill Secretary',
    })
  })
})

describe('changePassword', () => {
  it('needs the current password, then the old one fails, the new one works, other sessions end', async () => {
    const account = await findAccountByEmail(database.db, 'mill@example.org')
    const here = await run((ctx) => signIn(ctx, { email: 'mill@example.org', password: PASSWORD }))
    const elsewhere = await run((ctx) => signIn(ctx, { email: 'mill@example.org', password: PASSWORD }))
    await expect(
      run((ctx) =>
        changePassword(ctx, {
          accountId: account.id,
          currentPassword: 'not the password',
          newPassword: 'a brand new passphrase',
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
    await expect(
      run((ctx) =>
        changePassword(ctx, { accountId: account.id, currentPassword: PASSWORD, newPassword: 'short' }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'newPassword' }] } })

    await run((ctx) =>
      changePassword(ctx, {
        accountId: account.id,
        currentPassword: PASSWORD,
        newPassword: 'a brand new passphrase',
        keepSessionToken: here.token,
      }),
    )
    expect(await resolveSession(database.db, clock, here.token)).not.toBeNull()
    expect(await resolveSession(database.db, clock, elsewhere.token)).toBeNull()
    await expect(
      run((ctx) => signIn(ctx, { email: 'mill@example.org', password: PASSWORD })),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
    await run((ctx) => signIn(ctx, { email: 'mill@example.org', password: 'a brand new passphrase' }))

    const events = await database.db
      .selectFrom('events')
      .select(['type', 'payload', 'subject_id'])
      .where('type', '=', 'account.password_changed')
      .execute()
    expect(events).toHaveLength(1)
    expect(events[0]?.subject_id).toBe(account.id)
    expect(JSON.stringify(events[0]?.payload)).toBe('{}')
  })
})
