import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiTest } from '../test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let admin: string
let secretary: string
let member: string
beforeAll(async () => {
  t = await openApiTest()
  admin = await t.signInAs('admin@example.org')
  secretary = await t.signInAs('sec.a@example.org')
  member = await t.signInAs('anna@example.org')
})
afterAll(async () => {
  await t.database.drop()
})

async function search(cookie: string, bodyId: number, q: string) {
  const res = await t.app.request(`/api/bodies/${bodyId}/search?q=${encodeURIComponent(q)}`, {
    headers: { cookie },
  })
  const json = (await res.json()) as { items?: { name: string; parentName: string | null }[] }
  return { status: res.status, names: json.items?.map((b) => b.name) ?? [], items: json.items ?? [] }
}

describe('GET /api/bodies/:id/search', () => {
  it('finds bodies by part of their name, shallowest first, naming the parent', async () => {
    const found = await search(admin, t.tree.root.id, 'a')
    expect(found.status).toBe(200)
    expect(found.names).toEqual(['Central Committee', 'Region A', 'District A1', 'Farm B', 'Mill A'])
    expect(found.items.find((b) => b.name === 'Mill A')?.parentName).toBe('District A1')
  })

  it('never returns bodies outside the caller’s scope, even searching from the root', async () => {
    const fromRoot = await search(secretary, t.tree.root.id, 'b')
    expect(fromRoot.status).toBe(200)
    expect(fromRoot.names).toEqual([])
    expect((await search(secretary, t.tree.root.id, 'a')).names).toEqual([
      'Region A',
      'District A1',
      'Mill A',
    ])
    expect((await search(secretary, t.tree.regionB.id, 'b')).status).toBe(403)
    // A member reads their own path but no subtree: nothing to search.
    expect((await search(member, t.tree.root.id, 'a')).names).toEqual([])
  })

  it('refuses an empty query and an unknown body', async () => {
    expect((await search(admin, t.tree.root.id, ' ')).status).toBe(400)
    expect((await search(admin, 999_999, 'a')).status).toBe(404)
    expect((await t.app.request(`/api/bodies/${t.tree.root.id}/search?q=a`)).status).toBe(401)
  })
})
