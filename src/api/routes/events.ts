import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Principal } from '../../core/accounts/principal.ts'
import { readEventNames } from '../../core/events/event-names.ts'
import { EVENT_TYPES } from '../../core/events/event-types.ts'
import { type LoggedEvent, listEvents, MAX_EVENT_PAGE } from '../../core/events/list-events.ts'
import { logStatus } from '../../core/events/log-status.ts'
import { verifyLog } from '../../core/events/verify-log.ts'
import { canSeeName } from '../../core/policy/policy.ts'
import { AppError } from '../../core/shared/errors.ts'
import { authoriseBody, requirePrincipal } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonContent } from '../schemas.ts'

const EventSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(EVENT_TYPES),
    occurredAt: z
      .string()
      .openapi({ description: 'On the organisation’s clock', example: '1923-12-02T09:00:00.000Z' }),
    actor: z.object({
      kind: z.enum(['account', 'system', 'cli']),
      accountId: z.number().int().nullable(),
      displayName: z.string().nullable(),
    }),
    bodyId: z.number().int().nullable(),
    bodyName: z.string().nullable(),
    subject: z.object({ kind: z.string(), id: z.number().int() }).nullable(),
    payload: z.unknown().openapi({ description: 'The typed payload of the event type (see the catalogue)' }),
  })
  .openapi('Event')

const EventPageSchema = z
  .object({
    items: z.array(EventSchema),
    nextAfter: z.number().int().nullable().openapi({ description: 'Pass as `after` for older events' }),
    bodyNames: z.record(z.string(), z.string()).openapi({
      description:
        'Names of the bodies the page’s events sit in or name in their payloads, by id, as far as the caller may see them',
    }),
  })
  .openapi('EventPage')

const EventQuery = z.object({
  type: z
    .string()
    .max(2000)
    .optional()
    .openapi({ description: 'Comma-separated event types to keep', example: 'body.renamed,body.moved' }),
  after: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().openapi({
    description: 'nextAfter of the previous page',
  }),
  limit: z.coerce.number().int().min(1).max(MAX_EVENT_PAGE).default(50),
})

const LogStatusSchema = z
  .object({
    events: z.number().int(),
    seals: z.number().int(),
    lastSealedEventId: z.number().int().nullable(),
    lastSealHash: z.string().nullable().openapi({ description: 'Hex SHA-256 of the newest seal' }),
    unsealedEvents: z.number().int(),
    unsealedAtLeast: z
      .boolean()
      .openapi({ description: 'True when the backlog passed the count cap: at least unsealedEvents' }),
    lastSealedAt: z.string().nullable(),
  })
  .openapi('LogStatus')

const VerifyResultSchema = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      sealsChecked: z.number().int(),
      eventsChecked: z.number().int(),
      unsealedEvents: z.number().int(),
      lastSealHash: z.string().nullable(),
    }),
    z.object({
      ok: z.literal(false),
      problem: z.object({
        kind: z.enum(['edited', 'deleted', 'inserted', 'seal-altered']),
        eventId: z.number().int(),
        sealId: z.number().int(),
        message: z.string(),
      }),
      sealsChecked: z.number().int(),
      eventsChecked: z.number().int(),
    }),
  ])
  .openapi('VerifyLogResult')

const rootAdmin = 'Admins whose grant is on the root body.'

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/events',
  summary: 'The event log of a body’s subtree, newest first, one keyset page at a time',
  description: 'Admins and secretaries whose subtree holds the body.',
  security: [{ session: [] }],
  request: { params: IdParams, query: EventQuery },
  responses: { 200: jsonContent(EventPageSchema, 'A page'), ...errors(400, 401, 403, 404) },
})

const statusRoute = createRoute({
  method: 'get',
  path: '/api/log/status',
  summary: 'How much of the event log is sealed, and the newest seal’s hash',
  description: rootAdmin,
  security: [{ session: [] }],
  responses: { 200: jsonContent(LogStatusSchema, 'The status'), ...errors(401, 403) },
})

const verifyRoute = createRoute({
  method: 'post',
  path: '/api/log/verify',
  summary: 'Recompute every seal and name the first event edited, deleted or inserted',
  description: `${rootAdmin} Send an empty JSON object. Reads the whole log: on millions of events it takes a while.`,
  security: [{ session: [] }],
  responses: { 200: jsonContent(VerifyResultSchema, 'What verification found'), ...errors(401, 403, 415) },
})

/** The log as a whole belongs to the root: only an admin granted there may inspect it. */
async function authoriseLog(c: Context<AppEnv>): Promise<void> {
  requirePrincipal(c)
  const root = await c.var.deps.database.db
    .selectFrom('bodies')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirst()
  if (!root)
    throw new AppError('FORBIDDEN', 'The organisation has no root body yet', { action: 'log.verify' })
  await authoriseBody(c, root.id, 'log.verify')
}

function typesOf(type: string | undefined): string[] | undefined {
  const types = type
    ?.split(',')
    .map((value) => value.trim())
    .filter(Boolean)
  return types && types.length > 0 ? types : undefined
}

async function presentPage(
  c: Context<AppEnv>,
  principal: Principal,
  scopePath: string,
  events: readonly LoggedEvent[],
) {
  const names = await readEventNames(c.var.deps.database.db, events)
  // A payload may name a body outside the caller's scope (a transfer from another region): its
  // name is shown only where the policy lets the caller see that body's name.
  const bodyNames: Record<string, string> = {}
  for (const [id, body] of names.bodies) {
    if (body.path.startsWith(scopePath) || canSeeName(principal, body)) bodyNames[String(id)] = body.name
  }
  return {
    bodyNames,
    items: events.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      actor: {
        kind: event.actor.kind,
        accountId: event.actor.accountId,
        displayName:
          event.actor.accountId === null ? null : (names.accounts.get(event.actor.accountId) ?? null),
      },
      bodyId: event.bodyId,
      bodyName: event.bodyId === null ? null : (bodyNames[String(event.bodyId)] ?? null),
      subject: event.subject,
      payload: event.payload,
    })),
  }
}

/** The activity feed of a subtree, and the integrity of the whole log (status and verification). */
export function registerEventRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const { principal, body } = await authoriseBody(c, id, 'events.read')
    const types = typesOf(query.type)
    const page = await listEvents(c.var.deps.database.db, {
      scopePath: body.path,
      limit: query.limit,
      ...(types ? { types: types as (typeof EVENT_TYPES)[number][] } : {}),
      ...(query.after !== undefined ? { after: query.after } : {}),
    })
    const presented = await presentPage(c, principal, body.path, page.items)
    return c.json({ ...presented, nextAfter: page.nextAfter }, 200)
  })

  app.openapi(statusRoute, async (c) => {
    await authoriseLog(c)
    const status = await logStatus(c.var.deps.database.db)
    return c.json({ ...status, lastSealedAt: status.lastSealedAt?.toISOString() ?? null }, 200)
  })

  app.openapi(verifyRoute, async (c) => {
    await authoriseLog(c)
    return c.json(await verifyLog(c.var.deps.database.db), 200)
  })
}
