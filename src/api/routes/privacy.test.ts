import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sealEvents } from '../../core/events/seal-events.ts'
import { verifyLog } from '../../core/events/verify-log.ts'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let anna: string
let secretary: string
let admin: string
beforeAll(async () => {
  t = await openApiTest()
  anna = await t.signInAs('anna@example.org')
  secretary = await t.signInAs('sec.a@example.org')
  admin = await t.signInAs('admin@example.org')
})
afterAll(async () => {
  await t.database.drop()
})

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })

interface Doc {
  member: { id: number; fullName: string }
  accounts: { email: string }[]
  recordReads: { view: string; reader: { displayName: string | null } }[]
  events: { type: string }[]
}

describe('a member’s own data', () => {
  it('shows the signed-in member their own document, with who read their record', async () => {
    expect((await get(`/api/members/${t.tree.memberA.id}`, secretary)).status).toBe(200)
    const res = await get('/api/me/data', anna)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Doc
    expect(doc.member).toMatchObject({ id: t.tree.memberA.id, fullName: 'Anna A' })
    expect(doc.accounts.map((a) => a.email)).toEqual(['anna@example.org'])
    expect(doc.recordReads).toContainEqual(
      expect.objectContaining({
        view: 'detail',
        reader: expect.objectContaining({ displayName: 'Secretary A' }),
      }),
    )
    expect(JSON.stringify(doc)).not.toContain('Boris')
    // Their own document only: the detail of another member stays refused.
    expect((await get(`/api/members/${t.tree.memberB.id}`, anna)).status).toBe(403)
  })

  it('answers 404 ACCOUNT_NOT_LINKED for an account without a member, 401 without a session', async () => {
    const res = await get('/api/me/data', secretary)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: 'ACCOUNT_NOT_LINKED' })
    expect((await t.app.request('/api/me/data')).status).toBe(401)
    expect((await get('/api/me/data/export', secretary)).status).toBe(404)
  })

  it('exports the document as a JSON download and records the export', async () => {
    const before = await t.eventCount()
    const res = await get('/api/me/data/export', anna)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="my-data-${t.tree.memberA.id}.json"`,
    )
    expect(((await res.json()) as Doc).member.id).toBe(t.tree.memberA.id)
    expect(await t.eventCount()).toBe(before + 1)
    const event = await t.database.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(event).toEqual({ type: 'personal_data.exported', payload: { memberId: t.tree.memberA.id } })
  })
})

describe('erasure', () => {
  const erase = (id: number, cookie: string, reason: unknown = 'member_request') =>
    t.app.request(`/api/members/${id}/erase`, t.json('POST', cookie, { reason }))

  it('refuses a secretary, even in their own subtree, and a bad reason', async () => {
    const refused = await erase(t.tree.memberA.id, secretary)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN', details: { action: 'member.erase' } })
    const state = await get(`/api/members/${t.tree.memberA.id}/erasure`, secretary)
    expect(await state.json()).toEqual({ erasure: null, canErase: false })
    expect((await erase(t.tree.memberA.id, admin, 'whim')).status).toBe(400)
    expect((await erase(999_999, admin)).status).toBe(404)
  })

  it('lets an admin erase: the list shows the placeholder, sign-in fails, the log stays intact', async () => {
    expect(await (await get(`/api/members/${t.tree.memberA.id}/erasure`, admin)).json()).toEqual({
      erasure: null,
      canErase: true,
    })
    await sealEvents(t.database.db, t.clock, { waitMs: 200 })
    const res = await erase(t.tree.memberA.id, admin)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      memberId: t.tree.memberA.id,
      accountsErased: 1,
      erasure: { reason: 'member_request', erasedAt: t.clock.now().toISOString() },
    })
    await sealEvents(t.database.db, t.clock, { waitMs: 200 })
    expect(await verifyLog(t.database.db)).toMatchObject({ ok: true, unsealedEvents: 0 })

    const list = await get(`/api/bodies/${t.tree.unitA.id}/members`, admin)
    const names = ((await list.json()) as { items: { fullName: string; email: string | null }[] }).items
    expect(names).toEqual([expect.objectContaining({ fullName: 'Erased member', email: null })])

    // The erased member's session ended and their account no longer signs in.
    expect((await get('/api/me/data', anna)).status).toBe(401)
    const signIn = await t.app.request(
      '/api/session',
      t.json('POST', '', { email: 'anna@example.org', password: PASSWORD }),
    )
    expect(signIn.status).toBe(401)

    const again = await erase(t.tree.memberA.id, admin)
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'ALREADY_ERASED' })
    const state = (await (await get(`/api/members/${t.tree.memberA.id}/erasure`, admin)).json()) as {
      erasure: { reason: string } | null
      canErase: boolean
    }
    expect(state).toMatchObject({ erasure: { reason: 'member_request' }, canErase: false })

    const log = JSON.stringify(await t.database.db.selectFrom('events').selectAll().execute())
    expect(log).not.toContain('Anna A')
    expect(log).not.toContain('anna@example.org')
  })
})
