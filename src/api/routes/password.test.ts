import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
beforeAll(async () => {
  t = await openApiTest()
})
afterAll(async () => {
  await t.database.drop()
})

const NEW_PASSWORD = 'a new and longer passphrase'
const signIn = (password: string) =>
  t.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sec.a@example.org', password }),
  })

describe('PATCH /api/me/password', () => {
  it('refuses a wrong current password as a field error, without signing the caller out', async () => {
    const cookie = await t.signInAs('sec.a@example.org')
    const res = await t.app.request(
      '/api/me/password',
      t.json('PATCH', cookie, { currentPassword: 'not my password', newPassword: NEW_PASSWORD }),
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'currentPassword' }] },
    })
    expect((await t.app.request('/api/me', { headers: { cookie } })).status).toBe(200)
    const short = await t.app.request(
      '/api/me/password',
      t.json('PATCH', cookie, { currentPassword: PASSWORD, newPassword: 'short' }),
    )
    expect(short.status).toBe(400)
  })

  it('changes the password: the old one fails, the new one works, other sessions end', async () => {
    const here = await t.signInAs('sec.a@example.org')
    const elsewhere = await t.signInAs('sec.a@example.org')
    const before = await t.eventCount()
    const res = await t.app.request(
      '/api/me/password',
      t.json('PATCH', here, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    )
    expect(res.status).toBe(204)
    expect(await t.eventCount()).toBe(before + 1)
    expect((await t.app.request('/api/me', { headers: { cookie: here } })).status).toBe(200)
    expect((await t.app.request('/api/me', { headers: { cookie: elsewhere } })).status).toBe(401)
    expect((await signIn(PASSWORD)).status).toBe(401)
    expect((await signIn(NEW_PASSWORD)).status).toBe(200)
  })

  it('needs a session', async () => {
    const res = await t.app.request(
      '/api/me/password',
      t.json('PATCH', '', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    )
    expect(res.status).toBe(401)
  })
})
