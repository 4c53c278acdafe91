import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveWeb } from './static.ts'
import { openApiTest } from './test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let dist: string
beforeAll(async () => {
  t = await openApiTest()
  dist = mkdtempSync(join(tmpdir(), 'charter-web-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Charter</title>')
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)')
  serveWeb(t.app, dist)
})
afterAll(async () => {
  rmSync(dist, { recursive: true, force: true })
  await t.database.drop()
})

describe('serveWeb', () => {
  it('serves files, falls back to index.html for app paths, and leaves /api alone', async () => {
    const asset = await t.app.request('/assets/app-1234.js')
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    const deep = await t.app.request('/bodies/12/members')
    expect(await deep.text()).toContain('<title>Charter</title>')
    const traversal = await t.app.request('/..%2f..%2fetc/passwd')
    expect(await traversal.text()).toContain('<title>Charter</title>')
    const api = await t.app.request('/api/unknown')
    expect(api.status).toBe(404)
    expect(((await api.json()) as { code: string }).code).toBe('NOT_FOUND')
  })
})
