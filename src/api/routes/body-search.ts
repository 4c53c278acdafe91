import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Principal } from '../../core/accounts/principal.ts'
import { getBody } from '../../core/orgs/get-body.ts'
import { type FoundBody, MAX_SEARCH_RESULTS, searchBodies } from '../../core/orgs/search-bodies.ts'
import { can, canSeeName } from '../../core/policy/policy.ts'
import { AppError } from '../../core/shared/errors.ts'
import { requirePrincipal } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonContent } from '../schemas.ts'

const FoundBodySchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    parentName: z.string().nullable(),
    name: z.string(),
    level: z.string(),
    kind: z.string().nullable(),
    path: z.string(),
    depth: z.number().int(),
  })
  .openapi('FoundBody')

const searchRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/search',
  summary: 'Active bodies below (and including) this one whose name contains q, shallowest first',
  description:
    'Anyone who sees the body, by name at least (so a secretary may search from the root). Results ' +
    'hold only bodies whose subtree the caller may read: the parts of this subtree their grants reach.',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      q: z.string().trim().min(1).max(200),
      limit: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).default(20),
    }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(FoundBodySchema) }), 'Matches'),
    ...errors(400, 401, 403, 404),
  },
})

/**
 * The parts of the subtree at `path` the principal may read in full: the subtree itself when one
 * grant covers it, otherwise the granted bodies inside it (nested ones folded into their parent).
 */
export function readableScopes(principal: Principal, path: string): string[] {
  const readTree = (p: string) => can(principal, 'body.readTree', { kind: 'body', path: p })
  if (readTree(path)) return [path]
  const inside = principal.grants
    .map((grant) => grant.bodyPath)
    .filter((p) => p.startsWith(path) && readTree(p))
    .sort((a, b) => a.length - b.length)
  return inside.filter((p, i) => !inside.slice(0, i).some((outer) => p.startsWith(outer)))
}

function byDepthThenName(a: FoundBody, b: FoundBody): number {
  return a.depth - b.depth || a.name.localeCompare(b.name) || a.id - b.id
}

export function registerBodySearchRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(searchRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { q, limit } = c.req.valid('query')
    const principal = requirePrincipal(c)
    const db = c.var.deps.database.db
    const body = await getBody(db, id)
    if (!canSeeName(principal, body)) {
      throw new AppError('FORBIDDEN', 'You may not do this here', { action: 'body.read' })
    }
    // One query per readable part; a caller rarely holds more than one or two grants.
    const found: FoundBody[] = []
    for (const scopePath of readableScopes(principal, body.path)) {
      found.push(...(await searchBodies(db, { scopePath, q, limit })))
    }
    return c.json({ items: found.sort(byDepthThenName).slice(0, limit) }, 200)
  })
}
