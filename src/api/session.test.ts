import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiTest } from './test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
beforeAll(async () => {
  t = await openApiTest()
})
afterAll(async () => {
  await t.database.drop()
})

function signIn(email: string, password: string) {
  return t.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
}

describe('sessions', () => {
  it('signs in with an HTTP-only, SameSite=Strict, Secure cookie and shows the grants at /me', async () => {
    const res = await signIn('ADMIN@example.org', 'correct horse battery')
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^charter_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toContain('Path=/')
    expect(cookie).toContain('Secure')
    const me = await t.app.request('/api/me', { headers: { cookie: cookie.split(';')[0] ?? '' } })
    expect(me.status).toBe(200)
    const body = (await me.json()) as { displayName: string; grants: { role: string; bodyName: string }[] }
    expect(body.displayName).toBe('Admin')
    expect(body.grants).toEqual([expect.objectContaining({ role: 'admin', bodyName: 'Central Committee' })])
  })

  it('gives one answer for a wrong password and an unknown e-mail', async () => {
    const wrong = await signIn('admin@example.org', 'not the password')
    const unknown = await signIn('nobody@example.org', 'not the password')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const a = (await wrong.json()) as { code: string; message: string }
    const b = (await unknown.json()) as { code: string; message: string }
    expect(a).toEqual(b)
    expect(a.code).toBe('INVALID_CREDENTIALS')
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  it('stores only a hash of the token, and signing out ends the session', async () => {
    const cookie = await t.signInAs('sec.a@example.org')
    const token = cookie.split('=')[1] ?? ''
    const stored = await t.database.db.selectFrom('sessions').select('id').execute()
    expect(stored.some((s) => s.id === token)).toBe(false)
    const out = await t.app.request('/api/session', { method: 'DELETE', headers: { cookie } })
    expect(out.status).toBe(204)
    const me = await t.app.request('/api/me', { headers: { cookie } })
    expect(me.status).toBe(401)
    expect(((await me.json()) as { code: string }).code).toBe('UNAUTHENTICATED')
  })

  it('expires sessions on the organisation clock', async () => {
    const cookie = await t.signInAs('anna@example.org')
    t.clock.advanceDays(2)
    const me = await t.app.request('/api/me', { headers: { cookie } })
    expect(me.status).toBe(401)
    t.clock.set('1923-12-02T09:00:00Z')
  })

  it('rate-limits sign-in attempts per e-mail', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 11; i += 1) statuses.push((await signIn('victim@example.org', 'guess-guess')).status)
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuses[10]).toBe(429)
  })

  it('shows the organisation, living in 1923, without signing in', async () => {
    const res = await t.app.request('/api/organisation')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      name: 'The Party',
      today: '1923-12-02',
      rootBodyId: t.tree.root.id,
    })
  })
})
