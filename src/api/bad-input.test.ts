import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSV_LIMIT, JSON_LIMIT } from './app.ts'
import { openApiTest } from './test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let admin: string
beforeAll(async () => {
  t = await openApiTest()
  admin = await t.signInAs('admin@example.org')
})
afterAll(async () => {
  await t.database.drop()
})

interface ErrorBody {
  code: string
  message: string
  details: unknown
}

/** Sends a request that must fail with `status` and the error shape, and change nothing. */
async function refused(path: string, init: RequestInit, status: number, code: string): Promise<ErrorBody> {
  const events = await t.eventCount()
  const members = await t.memberCount()
  const res = await t.app.request(path, init)
  const body = (await res.json()) as ErrorBody
  expect(res.status, `${init.method ?? 'GET'} ${path}: ${JSON.stringify(body)}`).toBe(status)
  expect(body).toEqual({ code, message: expect.any(String), details: expect.anything() })
  expect(await t.eventCount()).toBe(events)
  expect(await t.memberCount()).toBe(members)
  return body
}

const HEADER =
  'card,full_name,email,phone,unit_id,joined_on,category,status,status_since,full_member_since,fields_of_work'
const row = (name: string, unitId: number, joinedOn: string, category: string) =>
  `,${name},,,${unitId},${joinedOn},${category},candidate,,,`

const raw = (method: string, body: string, type = 'application/json'): RequestInit => ({
  method,
  headers: { 'content-type': type, cookie: admin },
  body,
})

describe('bad input is a 4xx with { code, message, details } and changes nothing', () => {
  it('wrong types and missing fields list each issue with its path', async () => {
    const body = await refused(
      '/api/members',
      t.json('POST', admin, { unitId: 'seven', fullName: 42, category: 'worker' }),
      400,
      'VALIDATION_FAILED',
    )
    const paths = (body.details as { issues: { path: string }[] }).issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['unitId', 'fullName', 'joinedOn', 'status']))
    await refused('/api/bodies', t.json('POST', admin, {}), 400, 'VALIDATION_FAILED')
    await refused(
      `/api/bodies/${t.tree.unitA.id}/subtree?limit=abc`,
      { headers: { cookie: admin } },
      400,
      'VALIDATION_FAILED',
    )
    await refused(
      `/api/bodies/${t.tree.unitA.id}/members?status=nobody`,
      { headers: { cookie: admin } },
      400,
      'VALIDATION_FAILED',
    )
  })

  it('ids that are not positive safe integers are 400, not a database error', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '9223372036854775808', '99999999999999999999']) {
      await refused(`/api/bodies/${id}`, { headers: { cookie: admin } }, 400, 'VALIDATION_FAILED')
    }
    await refused(
      '/api/bodies',
      t.json('POST', admin, { parentId: 2 ** 63, name: 'x' }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('unknown ids are 404 with the domain code', async () => {
    await refused('/api/bodies/987654', { headers: { cookie: admin } }, 404, 'BODY_NOT_FOUND')
    await refused('/api/members/987654', { headers: { cookie: admin } }, 404, 'MEMBER_NOT_FOUND')
    await refused('/api/bodies/987654/move', t.json('POST', admin, { newParentId: 1 }), 404, 'BODY_NOT_FOUND')
    await refused(
      `/api/members/${t.tree.memberA.id}/transfer`,
      t.json('POST', admin, { toUnitId: 987654, onDate: '1923-12-01' }),
      404,
      'BODY_NOT_FOUND',
    )
    await refused('/api/nothing/here', { headers: { cookie: admin } }, 404, 'NOT_FOUND')
  })

  it('malformed JSON is 400, a form post is 415', async () => {
    await refused('/api/bodies', raw('POST', '{"parentId": 1,'), 400, 'VALIDATION_FAILED')
    await refused(
      '/api/bodies',
      raw('POST', 'parentId=1&name=x', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
  })

  it('bodies over the limit are 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(JSON_LIMIT + 10), parentId: t.tree.root.id })
    await refused('/api/bodies', raw('POST', big), 413, 'PAYLOAD_TOO_LARGE')
    // Without a content-length the limit still applies (streamed bodies are counted as they come).
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    await refused(
      '/api/bodies',
      { ...raw('POST', ''), body: stream, duplex: 'half' } as RequestInit,
      413,
      'PAYLOAD_TOO_LARGE',
    )
    expect(CSV_LIMIT).toBe(256 * 1024 * 1024)
  })

  it('rule violations carry their domain code', async () => {
    await refused(
      `/api/members/${t.tree.memberA.id}/status`,
      t.json('POST', admin, { to: 'applicant', onDate: '1923-12-01' }),
      409,
      'INVALID_STATUS_TRANSITION',
    )
    await refused(
      '/api/accounts',
      t.json('POST', admin, { email: 'ADMIN@example.org', displayName: 'Again', password: 'long enough pw' }),
      409,
      'DUPLICATE',
    )
  })

  it('a CSV import with bad rows is 422 listing every bad row, and adds no member', async () => {
    const csv = [
      HEADER,
      row('Good One', t.tree.unitA.id, '1920-01-01', 'worker'),
      row('Bad Date', t.tree.unitA.id, '1920-13-01', 'worker'),
      row('Bad Category', t.tree.unitA.id, '1920-01-01', 'king'),
      row('Wrong Region', t.tree.unitB.id, '1920-01-01', 'worker'),
      row('No Unit', 987654, '1920-01-01', 'worker'),
    ].join('\n')
    const secretary = await t.signInAs('sec.a@example.org')
    const body = await refused(
      `/api/bodies/${t.tree.regionA.id}/members/import`,
      { method: 'POST', headers: { 'content-type': 'text/csv', cookie: secretary }, body: csv },
      422,
      'IMPORT_REJECTED',
    )
    const rows = (body.details as { errors: { row: number }[] }).errors.map((e) => e.row)
    expect([...new Set(rows)].sort()).toEqual([3, 4, 5, 6])
    await refused(
      `/api/bodies/${t.tree.regionA.id}/members/import`,
      { method: 'POST', headers: { 'content-type': 'application/json', cookie: secretary }, body: csv },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
  })

  it('a good CSV import adds the members, and the export streams them back', async () => {
    const csv = `${HEADER}\n${row('New Comrade', t.tree.unitA.id, '1921-01-01', 'peasant')}\n`
    const res = await t.app.request(`/api/bodies/${t.tree.regionA.id}/members/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: admin },
      body: csv,
    })
    expect(res.status).toBe(201)
    const imported = (await res.json()) as { count: number; eventId: number }
    expect(imported.count).toBe(1)
    // The import is placed on the body it was addressed to, so it shows in that body's activity.
    const event = await t.database.db
      .selectFrom('events')
      .select(['type', 'body_id', 'region_id'])
      .where('id', '=', imported.eventId)
      .executeTakeFirstOrThrow()
    expect(event).toEqual({
      type: 'members.imported',
      body_id: t.tree.regionA.id,
      region_id: t.tree.regionA.id,
    })
    const exported = await t.app.request(`/api/bodies/${t.tree.regionA.id}/members/export`, {
      headers: { cookie: admin },
    })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toContain('text/csv')
    const text = await exported.text()
    expect(text.split('\n')[0]).toMatch(/^id,/)
    expect(text).toContain('New Comrade')
    expect(text).toContain('Anna A')
    expect(text).not.toContain('Boris B')
  })
})
