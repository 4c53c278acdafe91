import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiTest } from './test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let secretary: string
let admin: string
let member: string
beforeAll(async () => {
  t = await openApiTest()
  secretary = await t.signInAs('sec.a@example.org')
  admin = await t.signInAs('admin@example.org')
  member = await t.signInAs('anna@example.org')
})
afterAll(async () => {
  await t.database.drop()
})

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })

describe('a secretary of region A', () => {
  it('reads bodies and members in A, with permissions in the response', async () => {
    const res = await get(`/api/bodies/${t.tree.regionA.id}`, secretary)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { body: { name: string }; permissions: Record<string, boolean> }
    expect(body.body.name).toBe('Region A')
    expect(body.permissions).toMatchObject({
      canRead: true,
      canManage: false,
      canManageMembers: true,
      canExport: true,
    })
    expect((await get(`/api/bodies/${t.tree.regionA.id}/children`, secretary)).status).toBe(200)
    const members = await get(`/api/bodies/${t.tree.regionA.id}/members`, secretary)
    expect(
      ((await members.json()) as { items: { fullName: string }[] }).items.map((m) => m.fullName),
    ).toEqual(['Anna A'])
    expect((await get(`/api/members/${t.tree.memberA.id}`, secretary)).status).toBe(200)
  })

  it('sees the ancestors of A by name only', async () => {
    const res = await get(`/api/bodies/${t.tree.unitA.id}/ancestors`, secretary)
    expect(((await res.json()) as { items: { name: string }[] }).items.map((b) => b.name)).toEqual([
      'Central Committee',
      'Region A',
      'District A1',
    ])
    expect((await get(`/api/bodies/${t.tree.root.id}`, secretary)).status).toBe(403)
  })

  it('is refused reading region B: 403 for existing ids, 404 for ids that do not exist', async () => {
    for (const path of [
      `/api/bodies/${t.tree.regionB.id}`,
      `/api/bodies/${t.tree.regionB.id}/children`,
      `/api/bodies/${t.tree.regionB.id}/subtree`,
      `/api/bodies/${t.tree.regionB.id}/members`,
      `/api/bodies/${t.tree.regionB.id}/members/export`,
      `/api/bodies/${t.tree.regionB.id}/contacts`,
      `/api/members/${t.tree.memberB.id}`,
    ]) {
      const res = await get(path, secretary)
      expect(res.status, path).toBe(403)
      expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN')
    }
    expect((await get('/api/bodies/999999', secretary)).status).toBe(404)
    expect((await get('/api/members/999999', secretary)).status).toBe(404)
  })

  it('is refused changing region B, and nothing changes', async () => {
    const before = await t.eventCount()
    const attempts: [string, string, unknown][] = [
      ['PATCH', `/api/bodies/${t.tree.regionB.id}`, { name: 'Taken' }],
      ['PATCH', `/api/members/${t.tree.memberB.id}`, { fullName: 'Renamed' }],
      ['POST', `/api/members/${t.tree.memberB.id}/status`, { to: 'suspended', onDate: '1923-12-01' }],
      [
        'POST',
        `/api/members/${t.tree.memberA.id}/transfer`,
        { toUnitId: t.tree.unitB.id, onDate: '1923-12-01' },
      ],
      [
        'POST',
        '/api/members',
        {
          unitId: t.tree.unitB.id,
          fullName: 'X',
          joinedOn: '1920-01-01',
          category: 'worker',
          status: 'full',
        },
      ],
      ['POST', `/api/bodies/${t.tree.regionB.id}/contacts`, { fullName: 'Contact' }],
      ['POST', `/api/accounts/${t.tree.plain.id}/roles`, { role: 'admin', bodyId: t.tree.regionA.id }],
    ]
    for (const [method, path, body] of attempts) {
      const res = await t.app.request(path, t.json(method, secretary, body))
      expect(res.status, `${method} ${path}`).toBe(403)
    }
    expect(await t.eventCount()).toBe(before)
  })

  it('may change members in A', async () => {
    const res = await t.app.request(
      `/api/members/${t.tree.memberA.id}`,
      t.json('PATCH', secretary, { phone: '12-34' }),
    )
    expect(res.status).toBe(200)
    expect(((await res.json()) as { phone: string }).phone).toBe('12-34')
  })
})

describe('an admin at the root', () => {
  it('reads and changes both regions', async () => {
    expect((await get(`/api/bodies/${t.tree.regionB.id}/members`, admin)).status).toBe(200)
    expect((await get(`/api/members/${t.tree.memberA.id}`, admin)).status).toBe(200)
    const renamed = await t.app.request(
      `/api/bodies/${t.tree.regionB.id}`,
      t.json('PATCH', admin, { name: 'Region Beta' }),
    )
    expect(renamed.status).toBe(200)
    const created = await t.app.request(
      '/api/bodies',
      t.json('POST', admin, { parentId: t.tree.districtA.id, name: 'School A', kind: 'school' }),
    )
    expect(created.status).toBe(201)
    const grant = await t.app.request(
      `/api/accounts/${t.tree.secretary.id}/roles`,
      t.json('POST', admin, { role: 'secretary', bodyId: t.tree.unitB.id }),
    )
    expect(grant.status).toBe(201)
  })
})

describe('a member', () => {
  it('reads their own record and the bodies on their path, nothing else', async () => {
    expect((await get(`/api/members/${t.tree.memberA.id}`, member)).status).toBe(200)
    expect((await get(`/api/bodies/${t.tree.unitA.id}`, member)).status).toBe(200)
    expect((await get(`/api/bodies/${t.tree.root.id}`, member)).status).toBe(200)
    expect((await get(`/api/bodies/${t.tree.regionB.id}`, member)).status).toBe(403)
    expect((await get(`/api/bodies/${t.tree.unitA.id}/members`, member)).status).toBe(403)
    expect((await get(`/api/members/${t.tree.memberB.id}`, member)).status).toBe(403)
  })

  it('needs a session at all', async () => {
    const res = await t.app.request(`/api/bodies/${t.tree.root.id}`)
    expect(res.status).toBe(401)
  })
})
