import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sealEvents } from '../../core/events/seal-events.ts'
import { openApiTest } from '../test-fixture.ts'

interface EventItem {
  id: number
  type: string
  actor: { kind: string; accountId: number | null; displayName: string | null }
  bodyId: number | null
  bodyName: string | null
  subject: { kind: string; id: number } | null
  payload: Record<string, unknown>
}
interface EventPage {
  items: EventItem[]
  nextAfter: number | null
  bodyNames: Record<string, string>
}

describe('event log API', () => {
  let t: Awaited<ReturnType<typeof openApiTest>>
  let admin = ''
  let secretary = ''
  let member = ''
  let registeredId = 0
  beforeAll(async () => {
    t = await openApiTest()
    admin = await t.signInAs('admin@example.org')
    secretary = await t.signInAs('sec.a@example.org')
    member = await t.signInAs('anna@example.org')
    const res = await t.app.request(
      '/api/members',
      t.json('POST', secretary, {
        unitId: t.tree.unitA.id,
        fullName: 'Vera New',
        joinedOn: '1923-11-01',
        category: 'worker',
        status: 'candidate',
      }),
    )
    expect(res.status).toBe(201)
    registeredId = ((await res.json()) as { id: number }).id
    const renamed = await t.app.request(
      `/api/bodies/${t.tree.unitB.id}`,
      t.json('PATCH', admin, { name: 'Farm B2' }),
    )
    expect(renamed.status).toBe(200)
  })
  afterAll(async () => t.database.drop())

  const get = async (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })
  const page = async (path: string, cookie: string): Promise<EventPage> => {
    const res = await get(path, cookie)
    expect(res.status).toBe(200)
    return (await res.json()) as EventPage
  }

  it('shows a secretary the events of its region, named, newest first', async () => {
    const { items, bodyNames } = await page(`/api/bodies/${t.tree.regionA.id}/events`, secretary)
    const regionA = [t.tree.regionA, t.tree.districtA, t.tree.unitA].map((body) => body.id)
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((event) => event.bodyId !== null && regionA.includes(event.bodyId))).toBe(true)
    expect(items.map((event) => event.id)).toEqual([...items.map((event) => event.id)].sort((a, b) => b - a))
    expect(items[0]).toMatchObject({
      type: 'member.registered',
      actor: { kind: 'account', accountId: t.tree.secretary.id, displayName: 'Secretary A' },
      bodyId: t.tree.unitA.id,
      bodyName: 'Mill A',
      subject: { kind: 'member', id: registeredId },
      payload: { unitId: t.tree.unitA.id, status: 'candidate' },
    })
    expect(bodyNames[String(t.tree.unitA.id)]).toBe('Mill A')
    expect(items.some((event) => event.type === 'body.renamed')).toBe(false)
  })

  it('refuses other regions, members and strangers', async () => {
    expect((await get(`/api/bodies/${t.tree.regionB.id}/events`, secretary)).status).toBe(403)
    expect((await get(`/api/bodies/${t.tree.root.id}/events`, secretary)).status).toBe(403)
    expect((await get(`/api/bodies/${t.tree.unitA.id}/events`, member)).status).toBe(403)
    expect((await get(`/api/bodies/${t.tree.unitA.id}/events`, '')).status).toBe(401)
    expect((await get('/api/bodies/999999/events', admin)).status).toBe(404)
  })

  it('gives an admin at the root the whole log, sign-ins included', async () => {
    const { items } = await page(`/api/bodies/${t.tree.root.id}/events?limit=200`, admin)
    expect(items[0]).toMatchObject({
      type: 'body.renamed',
      actor: { displayName: 'Admin' },
      bodyName: 'Farm B2',
      payload: { from: 'Farm B', to: 'Farm B2' },
    })
    expect(items.filter((event) => event.type === 'account.signed_in')).toHaveLength(3)
    expect(items.at(-1)?.type).toBe('organisation.configured')
  })

  it('pages with after and filters by type', async () => {
    const all = await page(`/api/bodies/${t.tree.root.id}/events?limit=200`, admin)
    const seen: number[] = []
    let next: number | null = null
    do {
      const query: string = next === null ? '?limit=4' : `?limit=4&after=${next}`
      const one = await page(`/api/bodies/${t.tree.root.id}/events${query}`, admin)
      seen.push(...one.items.map((event) => event.id))
      next = one.nextAfter
    } while (next !== null)
    expect(seen).toEqual(all.items.map((event) => event.id))

    const filtered = await page(
      `/api/bodies/${t.tree.root.id}/events?type=member.registered,body.renamed`,
      admin,
    )
    expect(filtered.items.map((event) => event.type)).toEqual([
      'body.renamed',
      'member.registered',
      'member.registered',
      'member.registered',
    ])
    const bad = await get(`/api/bodies/${t.tree.root.id}/events?type=body.exploded`, admin)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { code: string }).code).toBe('VALIDATION_FAILED')
    expect((await get(`/api/bodies/${t.tree.root.id}/events?limit=5000`, admin)).status).toBe(400)
  })

  it('hides the names of bodies outside the caller’s scope that a payload names', async () => {
    const res = await t.app.request(
      `/api/members/${t.tree.memberB.id}/transfer`,
      t.json('POST', admin, { toUnitId: t.tree.unitA.id, onDate: '1923-12-02' }),
    )
    expect(res.status).toBe(200)
    const { items, bodyNames } = await page(`/api/bodies/${t.tree.unitA.id}/events`, secretary)
    expect(items[0]).toMatchObject({ type: 'member.transferred', payload: { fromUnitId: t.tree.unitB.id } })
    expect(bodyNames[String(t.tree.unitB.id)]).toBeUndefined()
    const asAdmin = await page(`/api/bodies/${t.tree.unitA.id}/events`, admin)
    expect(asAdmin.bodyNames[String(t.tree.unitB.id)]).toBe('Farm B2')
  })

  it('shows the log status and verifies the log to a root admin only', async () => {
    expect((await get('/api/log/status', secretary)).status).toBe(403)
    expect((await t.app.request('/api/log/verify', t.json('POST', secretary, {}))).status).toBe(403)
    expect((await get('/api/log/status', '')).status).toBe(401)

    const before = (await (await get('/api/log/status', admin)).json()) as Record<string, unknown>
    expect(before).toMatchObject({ seals: 0, lastSealHash: null, lastSealedEventId: null })
    expect(before.unsealedEvents).toBe(before.events)

    await sealEvents(t.database.db, t.clock)
    const status = (await (await get('/api/log/status', admin)).json()) as Record<string, unknown>
    expect(status).toMatchObject({ events: before.events, seals: 1, unsealedEvents: 0 })
    expect(status.lastSealHash).toMatch(/^[0-9a-f]{64}$/)
    expect(status.lastSealedAt).toBe('1923-12-02T09:00:00.000Z')

    const verified = await t.app.request('/api/log/verify', t.json('POST', admin, {}))
    expect(verified.status).toBe(200)
    expect(await verified.json()).toEqual({
      ok: true,
      sealsChecked: 1,
      eventsChecked: status.events,
      unsealedEvents: 0,
      lastSealHash: status.lastSealHash,
    })
  })

  it('names a tampered event', async () => {
    const { items } = await page(`/api/bodies/${t.tree.unitB.id}/events?type=body.renamed`, admin)
    const renamed = items[0]?.id ?? 0
    const tamper = async (payload: string) => {
      // What an owner of the tables could do: switch the append-only trigger off, edit, switch it on.
      await sql`alter table events disable trigger events_no_update`.execute(t.database.db)
      await sql`update events set payload = ${payload}::jsonb where id = ${renamed}`.execute(t.database.db)
      await sql`alter table events enable trigger events_no_update`.execute(t.database.db)
    }
    await tamper('{"from":"Farm B","to":"Potemkin Farm"}')
    try {
      const res = await t.app.request('/api/log/verify', t.json('POST', admin, {}))
      expect(await res.json()).toMatchObject({
        ok: false,
        problem: { kind: 'edited', eventId: renamed, sealId: expect.any(Number) },
      })
    } finally {
      await tamper('{"from":"Farm B","to":"Farm B2"}')
    }
    const again = await t.app.request('/api/log/verify', t.json('POST', admin, {}))
    expect(await again.json()).toMatchObject({ ok: true })
  })
})
