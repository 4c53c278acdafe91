import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { appointToPost } from '../../core/mandates/appoint-to-post.ts'
import { END_REASONS, endMandate } from '../../core/mandates/end-mandate.ts'
import { listBodyPosts } from '../../core/mandates/list-body-posts.ts'
import { listBodyMandates, listMemberMandates } from '../../core/mandates/list-mandates.ts'
import { loadMandate } from '../../core/mandates/mandate-support.ts'
import { recordElectedMandate } from '../../core/mandates/record-elected-mandate.ts'
import { isoDateSchema } from '../../core/members/schemas.ts'
import { can } from '../../core/policy/policy.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { authoriseBody, authoriseMember, inTransaction } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import {
  BodyPostsSchema,
  MandateSchema,
  MandateSummarySchema,
  presentMandate,
  presentSummary,
} from '../mandate-schemas.ts'
import { errors, IdParams, idSchema, jsonBody, jsonContent } from '../schemas.ts'

const read = 'Whoever may read the body: who holds its posts is no secret to them.'
const manage = 'Admins and secretaries whose subtree holds the body.'
const post = z.string().min(1).max(60).openapi({ example: 'unit-secretary' })

const postsRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/posts',
  summary: 'The posts the charter defines for a body, their holders on a date, and vacant seats',
  description: read,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({ date: isoDateSchema.optional().openapi({ description: 'Default: today' }) }),
  },
  responses: { 200: jsonContent(BodyPostsSchema, 'Posts and holders'), ...errors(400, 401, 403, 404) },
})

const bodyMandatesRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/mandates',
  summary: 'A body’s mandates, newest first, one page at a time',
  description: read,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      includeEnded: z.enum(['true', 'false']).default('false'),
      after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(MandateSummarySchema), nextCursor: z.string().nullable() }),
      'A page',
    ),
    ...errors(400, 401, 403, 404),
  },
})

const memberMandatesRoute = createRoute({
  method: 'get',
  path: '/api/members/{id}/mandates',
  summary: 'Every mandate a member has held, newest first',
  description: 'Whoever may read the member.',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(MandateSummarySchema) }), 'Mandates'),
    ...errors(400, 401, 403, 404),
  },
})

const appointRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/appointments',
  summary: 'Appoint a member to a post of the body, as the charter allows',
  description:
    'Admins and secretaries whose subtree holds the APPOINTING body, who may also read the body. ' +
    'An elective post needs a justification the charter lists (APPOINTMENT_NOT_ALLOWED with the rule id).',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: jsonBody(
      z
        .object({
          memberId: idSchema,
          post,
          appointedByBodyId: idSchema,
          justification: z.string().min(1).max(60).optional(),
          startsOn: isoDateSchema.optional().openapi({ description: 'Default: today' }),
        })
        .openapi('NewAppointment'),
    ),
  },
  responses: { 201: jsonContent(MandateSchema, 'Appointed'), ...errors(400, 401, 403, 404, 409, 422) },
})

const electedRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/elected-mandates',
  summary: 'Record a mandate won in an election; it replaces any appointment to the post',
  description: manage,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: jsonBody(
      z
        .object({
          memberId: idSchema,
          post,
          startsOn: isoDateSchema.optional().openapi({ description: 'Default: today' }),
          electionId: idSchema
            .optional()
            .openapi({ description: 'Omit for an election held outside Charter' }),
        })
        .openapi('NewElectedMandate'),
    ),
  },
  responses: {
    201: jsonContent(
      z.object({ mandate: MandateSchema, replacedMandateIds: z.array(z.number().int()) }),
      'Recorded',
    ),
    ...errors(400, 401, 403, 404, 409, 422),
  },
})

const endRoute = createRoute({
  method: 'post',
  path: '/api/mandates/{id}/end',
  summary: 'End a mandate: term ended, resigned or recalled',
  description: manage,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({
        reason: z.enum(END_REASONS),
        onDate: isoDateSchema.optional().openapi({ description: 'Default: today' }),
      }),
    ),
  },
  responses: { 200: jsonContent(MandateSchema, 'Ended'), ...errors(400, 401, 403, 404, 409) },
})

export function registerMandateRoutes(app: OpenAPIHono<AppEnv>): void {
  const today = (clock: { now(): Date }) => toIsoDate(clock.now())

  app.openapi(postsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { date } = c.req.valid('query')
    const { principal, body } = await authoriseBody(c, id, 'body.read')
    const db = c.var.deps.database.db
    const listing = await listBodyPosts(db, { bodyId: id, date: date ?? today(c.var.deps.clock) })
    // Ancestors' paths come from the body's own path, so no extra query: '/1/5/23/' → '/1/', '/1/5/'.
    const segments = body.path.split('/').filter(Boolean)
    const pathOf = new Map(
      segments.map((segment, i) => [Number(segment), `/${segments.slice(0, i + 1).join('/')}/`]),
    )
    const manages = (path: string | undefined) =>
      path !== undefined && can(principal, 'mandates.manage', { kind: 'body', path })
    return c.json(
      {
        ...listing,
        posts: listing.posts.map((entry) => ({
          ...entry,
          canAppoint: entry.appointingBodies.some((b) => manages(pathOf.get(b.id))),
        })),
        permissions: { canRead: true, canManageMandates: manages(body.path) },
      },
      200,
    )
  })

  app.openapi(bodyMandatesRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const { principal, body } = await authoriseBody(c, id, 'body.read')
    const page = await listBodyMandates(c.var.deps.database.db, {
      bodyId: id,
      asOf: today(c.var.deps.clock),
      includeEnded: query.includeEnded === 'true',
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    })
    const canEnd = can(principal, 'mandates.manage', { kind: 'body', path: body.path })
    return c.json(
      { items: page.items.map((item) => presentSummary(item, canEnd)), nextCursor: page.nextCursor },
      200,
    )
  })

  app.openapi(memberMandatesRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal } = await authoriseMember(c, id, 'member.read')
    const items = await listMemberMandates(c.var.deps.database.db, {
      memberId: id,
      asOf: today(c.var.deps.clock),
    })
    return c.json(
      {
        items: items.map((item) =>
          presentSummary(item, can(principal, 'mandates.manage', { kind: 'body', path: item.bodyPath })),
        ),
      },
      200,
    )
  })

  app.openapi(appointRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, id, 'body.read')
    await authoriseBody(c, input.appointedByBodyId, 'mandates.manage')
    const mandate = await inTransaction(c, (ctx) =>
      appointToPost(ctx, {
        memberId: input.memberId,
        bodyId: id,
        post: input.post,
        appointedByBodyId: input.appointedByBodyId,
        justification: input.justification ?? null,
        startsOn: input.startsOn ?? today(ctx.clock),
      }),
    )
    return c.json(presentMandate(mandate), 201)
  })

  app.openapi(electedRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseBody(c, id, 'mandates.manage')
    const result = await inTransaction(c, (ctx) =>
      recordElectedMandate(ctx, {
        memberId: input.memberId,
        bodyId: id,
        post: input.post,
        startsOn: input.startsOn ?? today(ctx.clock),
        electionId: input.electionId ?? null,
      }),
    )
    return c.json(
      { mandate: presentMandate(result.mandate), replacedMandateIds: [...result.replacedMandateIds] },
      201,
    )
  })

  app.openapi(endRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const mandate = await loadMandate(c.var.deps.database.db, id)
    await authoriseBody(c, mandate.body_id, 'mandates.manage')
    const ended = await inTransaction(c, (ctx) =>
      endMandate(ctx, { mandateId: id, reason: input.reason, onDate: input.onDate ?? today(ctx.clock) }),
    )
    return c.json(presentMandate(ended), 200)
  })
}
