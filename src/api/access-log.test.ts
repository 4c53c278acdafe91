import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiTest } from './test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let secretary: string
beforeAll(async () => {
  t = await openApiTest()
  secretary = await t.signInAs('sec.a@example.org')
})
afterAll(async () => {
  await t.database.drop()
})

const get = (path: string) => t.app.request(path, { headers: { cookie: secretary } })

async function readEvents() {
  return t.database.db
    .selectFrom('events')
    .select(['type', 'actor_kind', 'actor_account_id', 'body_id', 'payload'])
    .where('type', '=', 'member_records.read')
    .orderBy('id')
    .execute()
}

describe('reading member records is logged', () => {
  it('logs who read which records, for a list page and a member detail, without personal data', async () => {
    const before = (await readEvents()).length
    expect((await get(`/api/bodies/${t.tree.regionA.id}/members`)).status).toBe(200)
    expect((await get(`/api/members/${t.tree.memberA.id}`)).status).toBe(200)
    const logged = (await readEvents()).slice(before)
    expect(logged).toHaveLength(2)
    const account = await t.database.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'sec.a@example.org')
      .executeTakeFirstOrThrow()
    expect(logged[0]).toMatchObject({
      actor_kind: 'account',
      actor_account_id: account.id,
      body_id: t.tree.regionA.id,
      payload: { view: 'list', scopeBodyId: t.tree.regionA.id, memberIds: [t.tree.memberA.id] },
    })
    expect(logged[1]).toMatchObject({ payload: { view: 'detail', memberIds: [t.tree.memberA.id] } })
    expect(JSON.stringify(logged)).not.toContain('Anna')
  })

  it('logs nothing for a refused read', async () => {
    const before = (await readEvents()).length
    expect((await get(`/api/members/${t.tree.memberB.id}`)).status).toBe(403)
    expect((await get(`/api/bodies/${t.tree.regionB.id}/members`)).status).toBe(403)
    expect(await readEvents()).toHaveLength(before)
  })
})
