import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let admin: string
let secretary: string
beforeAll(async () => {
  t = await openApiTest()
  admin = await t.signInAs('admin@example.org')
  secretary = await t.signInAs('sec.a@example.org')
})
afterAll(async () => {
  await t.database.drop()
})

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })
type Grant = { displayName: string; email: string; role: string; bodyName: string; accountId: number }

describe('people with access', () => {
  it('an admin lists the grants of a subtree with who, role and body', async () => {
    const res = await get(`/api/bodies/${t.tree.regionA.id}/access`, admin)
    expect(res.status).toBe(200)
    const page = (await res.json()) as { items: Grant[]; nextCursor: string | null }
    expect(page.items.map((g) => [g.displayName, g.email, g.role, g.bodyName])).toEqual([
      ['Secretary A', 'sec.a@example.org', 'secretary', 'Region A'],
      ['Anna', 'anna@example.org', 'member', 'Mill A'],
    ])
    expect(page.nextCursor).toBeNull()
    const first = (await (await get(`/api/bodies/${t.tree.root.id}/access?limit=1`, admin)).json()) as {
      items: Grant[]
      nextCursor: string
    }
    expect(first.items.map((g) => g.displayName)).toEqual(['Admin'])
    const next = await get(`/api/bodies/${t.tree.root.id}/access?limit=1&after=${first.nextCursor}`, admin)
    expect(((await next.json()) as { items: Grant[] }).items.map((g) => g.displayName)).toEqual([
      'Secretary A',
    ])
  })

  it('a secretary may not list access, even in their own region', async () => {
    const res = await get(`/api/bodies/${t.tree.regionA.id}/access`, secretary)
    expect(res.status).toBe(403)
    expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN')
  })

  it('adds a person as admin of region A, who then cannot grant on region B', async () => {
    const added = await t.app.request(
      `/api/bodies/${t.tree.regionA.id}/people`,
      t.json('POST', admin, {
        email: 'admin.a@example.org',
        displayName: 'Admin A',
        password: PASSWORD,
        role: 'admin',
      }),
    )
    expect(added.status).toBe(201)
    const regionAdmin = await t.signInAs('admin.a@example.org')
    expect((await get(`/api/bodies/${t.tree.regionA.id}/access`, regionAdmin)).status).toBe(200)
    expect((await get(`/api/bodies/${t.tree.regionB.id}/access`, regionAdmin)).status).toBe(403)

    const before = await t.eventCount()
    const refused = [
      await t.app.request(
        `/api/bodies/${t.tree.regionB.id}/access`,
        t.json('POST', regionAdmin, { email: 'sec.a@example.org', role: 'secretary' }),
      ),
      await t.app.request(
        `/api/bodies/${t.tree.districtB.id}/people`,
        t.json('POST', regionAdmin, {
          email: 'spy@example.org',
          displayName: 'Spy',
          password: PASSWORD,
          role: 'secretary',
        }),
      ),
      await t.app.request(
        `/api/accounts/${t.tree.secretary.id}/roles`,
        t.json('POST', regionAdmin, { role: 'admin', bodyId: t.tree.regionB.id }),
      ),
    ]
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403])
    expect(await t.eventCount()).toBe(before)

    // Inside region A it may grant, by e-mail, to an existing account.
    const granted = await t.app.request(
      `/api/bodies/${t.tree.districtA.id}/access`,
      t.json('POST', regionAdmin, { email: 'SEC.A@example.org', role: 'admin' }),
    )
    expect(granted.status).toBe(201)
    expect(await granted.json()).toMatchObject({ accountId: t.tree.secretary.id })
  })

  it('answers an unknown e-mail, a duplicate grant, and a duplicate person with their codes', async () => {
    const unknown = await t.app.request(
      `/api/bodies/${t.tree.unitA.id}/access`,
      t.json('POST', admin, { email: 'nobody@example.org', role: 'member' }),
    )
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { code: string }).code).toBe('ACCOUNT_NOT_FOUND')
    const again = await t.app.request(
      `/api/bodies/${t.tree.regionA.id}/access`,
      t.json('POST', admin, { email: 'sec.a@example.org', role: 'secretary' }),
    )
    expect(again.status).toBe(409)
    const before = await t.eventCount()
    const twice = await t.app.request(
      `/api/bodies/${t.tree.unitA.id}/people`,
      t.json('POST', admin, {
        email: 'Admin.A@example.org',
        displayName: 'Again',
        password: PASSWORD,
        role: 'member',
      }),
    )
    expect(twice.status).toBe(409)
    expect(await t.eventCount()).toBe(before)
  })
})
