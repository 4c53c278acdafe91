import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiTest } from './test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
beforeAll(async () => {
  t = await openApiTest()
})
afterAll(async () => {
  await t.database.drop()
})

describe('API documentation', () => {
  it('/api/openapi.json is an OpenAPI 3.1 document with every route', async () => {
    const res = await t.app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
      components: { schemas: Record<string, unknown> }
    }
    expect(doc.openapi).toBe('3.1.0')
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/session',
        'DELETE /api/session',
        'GET /api/me',
        'GET /api/organisation',
        'GET /api/bodies/{id}',
        'GET /api/bodies/{id}/children',
        'GET /api/bodies/{id}/subtree',
        'GET /api/bodies/{id}/ancestors',
        'POST /api/bodies',
        'PATCH /api/bodies/{id}',
        'POST /api/bodies/{id}/move',
        'POST /api/bodies/{id}/dissolve',
        'GET /api/bodies/{id}/members',
        'POST /api/members',
        'GET /api/members/{id}',
        'PATCH /api/members/{id}',
        'POST /api/members/{id}/status',
        'POST /api/members/{id}/transfer',
        'POST /api/bodies/{id}/members/import',
        'GET /api/bodies/{id}/members/export',
        'GET /api/bodies/{id}/contacts',
        'POST /api/bodies/{id}/contacts',
        'POST /api/accounts',
        'POST /api/accounts/{id}/roles',
        'GET /api/bodies/{id}/audit',
        'GET /api/bodies/{id}/audit/findings',
        'GET /api/bodies/{id}/audit/findings.csv',
        'GET /api/bodies/{id}/audit/trend',
        'GET /api/bodies/{id}/audit/report',
      ]),
    )
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'Body', 'Member']))
  })

  it('/api/docs renders every operation as HTML', async () => {
    const res = await t.app.request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html).toContain('Charter API')
    expect(html).toContain('/api/bodies/{id}/members/import')
    expect(html).toContain('minStandingYears')
    expect(html).not.toContain('<script')
  })

  it('/docs and /openapi.json redirect to the documents under /api', async () => {
    expect((await t.app.request('/docs')).headers.get('location')).toBe('/api/docs')
    expect((await t.app.request('/openapi.json')).headers.get('location')).toBe('/api/openapi.json')
  })

  it('sends hardening headers; the docs page alone may use its inline style', async () => {
    const api = await t.app.request('/api/health')
    expect(api.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')
    expect(api.headers.get('referrer-policy')).toBe('no-referrer')
    const docs = await t.app.request('/api/docs')
    expect(docs.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
  })

  it('/api/health answers', async () => {
    const res = await t.app.request('/api/health')
    expect(await res.json()).toMatchObject({ ok: true })
  })
})
