import { readFile, stat } from 'node:fs/promises'
import { extname, normalize, resolve, sep } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from './env.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

async function fileIn(root: string, requestPath: string): Promise<string | null> {
  const relative = normalize(decodeURIComponent(requestPath)).replace(/^([/\\])+/, '')
  const full = resolve(root, relative)
  // Never serve outside the build folder, whatever `..` the path holds.
  if (full !== root && !full.startsWith(root + sep)) return null
  try {
    return (await stat(full)).isFile() ? full : null
  } catch {
    return null
  }
}

/**
 * Serves the built web app from `distDir` for GET requests outside /api: a file when one exists,
 * else index.html (the SPA's router takes it from there). Mount it after createApp's routes.
 */
export function serveWeb<E extends AppEnv>(app: Hono<E>, distDir: string): void {
  const root = resolve(distDir)
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next()
    let file: string | null
    try {
      file = await fileIn(root, c.req.path)
    } catch {
      file = null
    }
    const served = file ?? (await fileIn(root, 'index.html'))
    if (!served) return next()
    const body = await readFile(served)
    const isAsset = file !== null && c.req.path.startsWith('/assets/')
    return c.body(body, 200, {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      // Vite's hashed assets never change; index.html must be revalidated to pick up new builds.
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
  })
}
