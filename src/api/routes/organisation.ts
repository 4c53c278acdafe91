import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { DEFAULT_LEVELS, readOrganisationSettings } from '../../core/orgs/organisation-settings.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import type { AppEnv } from '../env.ts'
import { jsonContent } from '../schemas.ts'

const OrganisationSchema = z
  .object({
    name: z.string().nullable(),
    levels: z.array(z.string()),
    now: z.string().openapi({ description: 'The organisation’s current instant (its clock, e.g. 1923)' }),
    today: z.string().openapi({ example: '1923-12-02' }),
    rootBodyId: z.number().int().nullable(),
  })
  .openapi('Organisation')

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness and database reachability',
  description: 'Public.',
  responses: { 200: jsonContent(z.object({ ok: z.boolean(), database: z.string() }), 'Healthy') },
})

const organisationRoute = createRoute({
  method: 'get',
  path: '/api/organisation',
  summary: 'The organisation: name, levels, its date and time, the root body',
  description: 'Public: the sign-in page shows the organisation and its date.',
  responses: { 200: jsonContent(OrganisationSchema, 'The organisation') },
})

export function registerOrganisationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(healthRoute, async (c) => {
    const { database } = c.var.deps
    await database.db.selectFrom('settings').select('key').limit(1).execute()
    return c.json({ ok: true, database: database.kind }, 200)
  })

  app.openapi(organisationRoute, async (c) => {
    const { database, clock } = c.var.deps
    const settings = await readOrganisationSettings(database.db)
    const root = await database.db
      .selectFrom('bodies')
      .select('id')
      .where('parent_id', 'is', null)
      .where('status', '=', 'active')
      .executeTakeFirst()
    const now = clock.now()
    return c.json(
      {
        name: settings?.name ?? null,
        levels: [...(settings?.levels ?? DEFAULT_LEVELS)],
        now: now.toISOString(),
        today: toIsoDate(now),
        rootBodyId: root?.id ?? null,
      },
      200,
    )
  })
}
