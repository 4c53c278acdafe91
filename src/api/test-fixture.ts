import { createTestDatabase } from '../../test/support/database.ts'
import { createAccount } from '../core/accounts/create-account.ts'
import { grantRole } from '../core/accounts/grant-role.ts'
import { registerMember } from '../core/members/register-member.ts'
import { configureOrganisation } from '../core/orgs/configure-organisation.ts'
import { createBody } from '../core/orgs/create-body.ts'
import { systemActor } from '../core/shared/actor.ts'
import { ManualClock } from '../core/shared/clock.ts'
import type { UseCaseContext } from '../core/shared/context.ts'
import { createApp } from './app.ts'

export const PASSWORD = 'correct horse battery'

/**
 * An app over a fresh database holding two regions (A and B), each with a district and a unit
 * with one member, an admin at the root and a secretary of region A. Built with the use cases.
 */
export async function openApiTest() {
  const database = await createTestDatabase()
  const clock = new ManualClock('1923-12-02T09:00:00Z')
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
  const tree = await run(async (ctx) => {
    await configureOrganisation(ctx, { name: 'The Party', levels: ['central', 'region', 'district', 'unit'] })
    const root = await createBody(ctx, { parentId: null, name: 'Central Committee' })
    const regionA = await createBody(ctx, { parentId: root.id, name: 'Region A' })
    const regionB = await createBody(ctx, { parentId: root.id, name: 'Region B' })
    const districtA = await createBody(ctx, { parentId: regionA.id, name: 'District A1' })
    const districtB = await createBody(ctx, { parentId: regionB.id, name: 'District B1' })
    const unitA = await createBody(ctx, { parentId: districtA.id, name: 'Mill A', kind: 'factory' })
    const unitB = await createBody(ctx, { parentId: districtB.id, name: 'Farm B', kind: 'village' })
    const member = { joinedOn: '1917-03-01', category: 'worker', status: 'full' } as const
    const memberA = await registerMember(ctx, { ...member, unitId: unitA.id, fullName: 'Anna A' })
    const memberB = await registerMember(ctx, { ...member, unitId: unitB.id, fullName: 'Boris B' })
    const admin = await createAccount(ctx, {
      email: 'admin@example.org',
      displayName: 'Admin',
      password: PASSWORD,
    })
    await grantRole(ctx, { accountId: admin.id, role: 'admin', bodyId: root.id })
    const secretary = await createAccount(ctx, {
      email: 'sec.a@example.org',
      displayName: 'Secretary A',
      password: PASSWORD,
    })
    await grantRole(ctx, { accountId: secretary.id, role: 'secretary', bodyId: regionA.id })
    const plain = await createAccount(ctx, {
      email: 'anna@example.org',
      displayName: 'Anna',
      password: PASSWORD,
      memberId: memberA.id,
    })
    await grantRole(ctx, { accountId: plain.id, role: 'member', bodyId: unitA.id })
    return {
      root,
      regionA,
      regionB,
      districtA,
      districtB,
      unitA,
      unitB,
      memberA,
      memberB,
      admin,
      secretary,
      plain,
    }
  })
  const app = createApp({ database, clock, secureCookies: true })

  /** Signs in and returns the Cookie header value to send. */
  async function signInAs(email: string): Promise<string> {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
    const cookie = res.headers.get('set-cookie') ?? ''
    return cookie.split(';')[0] ?? ''
  }

  async function eventCount(): Promise<number> {
    const row = await database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async function memberCount(): Promise<number> {
    const row = await database.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  function json(method: string, cookie: string, body: unknown): RequestInit {
    return { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }
  }

  return { database, clock, app, tree, signInAs, eventCount, memberCount, json }
}
