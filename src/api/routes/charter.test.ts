import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { charterJsonSchema } from '../../core/charter/charter-json-schema.ts'
import { openApiTest } from '../test-fixture.ts'

const defaultSource = readFileSync(new URL('../../../charter/default.yaml', import.meta.url), 'utf8')

let t: Awaited<ReturnType<typeof openApiTest>>
let admin: string
let secretary: string
let anna: string
beforeAll(async () => {
  t = await openApiTest()
  admin = await t.signInAs('admin@example.org')
  secretary = await t.signInAs('sec.a@example.org')
  anna = await t.signInAs('anna@example.org')
})
afterAll(async () => {
  await t.database.drop()
})

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })
const adoption = (source: string, effectiveFrom = '1923-05-01') => ({
  source,
  decision: { kind: 'congress', title: 'Twelfth Congress', decidedOn: '1923-04-25' },
  effectiveFrom,
})
const brokenSource = defaultSource
  .replace('seats: 3', 'seats: three')
  .replace('  publicElections:', '  ceremonies:\n    - { id: c, text: Raise the flag. }\n  publicElections:')

async function versionCount(): Promise<number> {
  return (await t.database.db.selectFrom('charter_versions').select('id').execute()).length
}

describe('the charter over HTTP', () => {
  it('answers 409 CHARTER_NOT_ADOPTED before any version, and 401 without a session', async () => {
    const res = await get('/api/charter', anna)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ code: 'CHARTER_NOT_ADOPTED', details: { date: '1923-12-02' } })
    expect((await t.app.request('/api/charter')).status).toBe(401)
  })

  it('validates a draft for any signed-in member, with the line and column of each problem', async () => {
    const good = await t.app.request('/api/charter/validate', t.json('POST', anna, { source: defaultSource }))
    expect(good.status).toBe(200)
    expect(await good.json()).toEqual({ ok: true, issues: [] })

    const bad = await t.app.request('/api/charter/validate', t.json('POST', anna, { source: brokenSource }))
    expect(bad.status).toBe(200)
    const body = (await bad.json()) as {
      ok: boolean
      issues: { path: string; line: number; column: number }[]
    }
    const lines = brokenSource.split('\n')
    expect(body.ok).toBe(false)
    expect(body.issues).toEqual([
      expect.objectContaining({ path: 'rules.posts.0.seats', line: lines.indexOf('      seats: three') + 1 }),
      expect.objectContaining({
        path: 'rules.ceremonies',
        line: lines.indexOf('  ceremonies:') + 1,
        column: 3,
      }),
    ])
    expect((await t.app.request('/api/charter/validate', t.json('POST', '', { source: 'x' }))).status).toBe(
      401,
    )
  })

  it('refuses adoption to a secretary and a member (403), and writes nothing', async () => {
    for (const cookie of [secretary, anna]) {
      const res = await t.app.request(
        '/api/charter/versions',
        t.json('POST', cookie, adoption(defaultSource)),
      )
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(await versionCount()).toBe(0)
  })

  it('refuses an invalid charter with 422 CHARTER_INVALID and every issue, writing nothing', async () => {
    const before = await t.eventCount()
    const res = await t.app.request('/api/charter/versions', t.json('POST', admin, adoption(brokenSource)))
    expect(res.status).toBe(422)
    const body = (await res.json()) as { code: string; details: { issues: { path: string; line: number }[] } }
    expect(body.code).toBe('CHARTER_INVALID')
    expect(body.details.issues.map((i) => i.path)).toEqual(['rules.posts.0.seats', 'rules.ceremonies'])
    expect(body.details.issues.every((i) => i.line > 0)).toBe(true)
    expect(await versionCount()).toBe(0)
    expect(await t.eventCount()).toBe(before)
    // Bad dates are refused before anything else.
    const badDate = await t.app.request(
      '/api/charter/versions',
      t.json('POST', admin, adoption(defaultSource, '1923-02-30')),
    )
    expect(badDate.status).toBe(400)
  })

  it('lets the root admin adopt a version, then serves it to every reader', async () => {
    const res = await t.app.request('/api/charter/versions', t.json('POST', admin, adoption(defaultSource)))
    expect(res.status).toBe(201)
    const adopted = (await res.json()) as { versionId: number; source: string; decision: { bodyId: number } }
    expect(adopted.source).toBe(defaultSource)
    expect(adopted.decision.bodyId).toBe(t.tree.root.id)

    const again = await t.app.request('/api/charter/versions', t.json('POST', admin, adoption(defaultSource)))
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'DUPLICATE' })

    const inForce = await get('/api/charter', anna)
    expect(inForce.status).toBe(200)
    const charter = (await inForce.json()) as {
      versionId: number
      date: string
      families: { family: string; rules: { id: string; text: string }[] }[]
      permissions: { canAdopt: boolean }
    }
    expect(charter).toMatchObject({
      versionId: adopted.versionId,
      date: '1923-12-02',
      permissions: { canAdopt: false },
    })
    const standing = charter.families.find((f) => f.family === 'standing')
    expect(standing?.rules).toContainEqual({
      id: 'standing.region-secretary',
      text: expect.stringContaining('before the October Revolution'),
    })
    expect(((await (await get('/api/charter', admin)).json()) as typeof charter).permissions.canAdopt).toBe(
      true,
    )
    expect((await get('/api/charter?date=1923-04-30', anna)).status).toBe(409)
    expect((await get('/api/charter?date=1923-13-01', anna)).status).toBe(400)
  })

  it('lists versions and shows one with its source; 404 for an unknown id', async () => {
    const list = await get('/api/charter/versions', secretary)
    expect(list.status).toBe(200)
    const body = (await list.json()) as {
      items: { versionId: number; status: string; effectiveFrom: string }[]
    }
    expect(body.items).toEqual([expect.objectContaining({ status: 'in-force', effectiveFrom: '1923-05-01' })])
    const id = body.items[0]?.versionId
    const detail = await get(`/api/charter/versions/${id}`, secretary)
    expect(detail.status).toBe(200)
    expect(((await detail.json()) as { source: string }).source).toBe(defaultSource)
    expect((await get('/api/charter/versions/999999', secretary)).status).toBe(404)
  })

  it('publishes the JSON Schema without a session', async () => {
    const res = await t.app.request('/api/charter/schema.json')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(charterJsonSchema())
  })
})
