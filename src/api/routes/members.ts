import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { changeMemberStatus, STATUS_TRANSITIONS } from '../../core/members/change-member-status.ts'
import { getMember } from '../../core/members/get-member.ts'
import { listMembers } from '../../core/members/list-members.ts'
import { recordMemberAccess } from '../../core/members/record-member-access.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { isoDateSchema, memberCategorySchema, memberStatusSchema } from '../../core/members/schemas.ts'
import { transferMember } from '../../core/members/transfer-member.ts'
import { memberPatchSchema, updateMember } from '../../core/members/update-member.ts'
import { bodyNames } from '../../core/orgs/body-names.ts'
import { permissionsFor } from '../../core/policy/policy.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { authoriseBody, authoriseMember, inTransaction } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { MemberListItemSchema, MemberSchema, NewMemberSchema, presentMember } from '../member-schemas.ts'
import { errors, IdParams, idSchema, jsonBody, jsonContent } from '../schemas.ts'

const ListQuery = z.object({
  minStandingYears: z.coerce.number().int().min(0).max(150).optional(),
  status: z
    .string()
    .optional()
    .openapi({ description: 'One status or several, comma-separated: full,candidate' })
    .pipe(
      z
        .string()
        .transform((s) => s.split(',').map((v) => v.trim()))
        .pipe(z.array(memberStatusSchema).min(1))
        .optional(),
    ),
  category: memberCategorySchema.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
})

const MemberDetailSchema = z
  .object({
    member: MemberSchema,
    statusHistory: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        onDate: z.string(),
        reason: z.string().nullable(),
        eventId: z.number(),
      }),
    ),
    transfers: z.array(
      z.object({ fromUnitId: z.number(), toUnitId: z.number(), onDate: z.string(), eventId: z.number() }),
    ),
    unitName: z.string(),
    /** The statuses the charter allows next, so clients need not copy the transition rules. */
    allowedStatuses: z.array(memberStatusSchema),
    permissions: z.object({ canRead: z.boolean(), canManage: z.boolean() }),
  })
  .openapi('MemberDetail')

const scoped = 'Admins and secretaries whose subtree holds the unit.'
const self = 'Admins and secretaries whose subtree holds the member’s unit; a member reads their own record.'

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/members',
  summary: 'Members of a subtree in join-date order (standing filter at the organisation’s today)',
  description: 'Admins and secretaries whose subtree holds the body.',
  security: [{ session: [] }],
  request: { params: IdParams, query: ListQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(MemberListItemSchema), nextCursor: z.string().nullable() }),
      'A page',
    ),
    ...errors(400, 401, 403, 404),
  },
})

const registerRoute = createRoute({
  method: 'post',
  path: '/api/members',
  summary: 'Register a member in a unit',
  description: scoped,
  security: [{ session: [] }],
  request: { body: jsonBody(NewMemberSchema) },
  responses: { 201: jsonContent(MemberSchema, 'Registered'), ...errors(400, 401, 403, 404, 409, 422) },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/members/{id}',
  summary: 'A member with status history, transfers and the caller’s permissions',
  description: self,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(MemberDetailSchema, 'The member'), ...errors(400, 401, 403, 404) },
})

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/members/{id}',
  summary: 'Update a member’s personal fields',
  description: scoped,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(memberPatchSchema.openapi('MemberPatch')) },
  responses: { 200: jsonContent(MemberSchema, 'Updated'), ...errors(400, 401, 403, 404, 409) },
})

const statusRoute = createRoute({
  method: 'post',
  path: '/api/members/{id}/status',
  summary: 'Change a member’s status on a date',
  description: scoped,
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({
        to: memberStatusSchema,
        onDate: isoDateSchema,
        reason: z.string().trim().max(2000).nullish(),
      }),
    ),
  },
  responses: { 200: jsonContent(MemberSchema, 'Changed'), ...errors(400, 401, 403, 404, 409) },
})

const transferRoute = createRoute({
  method: 'post',
  path: '/api/members/{id}/transfer',
  summary: 'Transfer a member to another unit on a date',
  description: 'Admins and secretaries whose subtree holds both the member’s unit and the target unit.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(z.object({ toUnitId: idSchema, onDate: isoDateSchema })) },
  responses: { 200: jsonContent(MemberSchema, 'Transferred'), ...errors(400, 401, 403, 404, 409, 422) },
})

export function registerMemberRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const { body } = await authoriseBody(c, id, 'members.read')
    const page = await listMembers(c.var.deps.database.db, {
      scopePath: body.path,
      asOf: toIsoDate(c.var.deps.clock.now()),
      limit: query.limit,
      ...(query.minStandingYears !== undefined ? { minStandingYears: query.minStandingYears } : {}),
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.after ? { after: query.after } : {}),
    })
    const names = await bodyNames(
      c.var.deps.database.db,
      page.items.map((item) => item.unit_id),
    )
    const items = page.items.map((item) => ({
      ...presentMember(item),
      unitName: names.get(item.unit_id) ?? '',
    }))
    await inTransaction(c, (ctx) =>
      recordMemberAccess(ctx, {
        view: 'list',
        scopeBodyId: body.id,
        regionId: body.region_id,
        memberIds: items.map((item) => item.id),
      }),
    )
    return c.json({ items, nextCursor: page.nextCursor }, 200)
  })

  app.openapi(registerRoute, async (c) => {
    const input = c.req.valid('json')
    await authoriseBody(c, input.unitId, 'members.manage')
    const member = await inTransaction(c, (ctx) => registerMember(ctx, input))
    return c.json(presentMember(member), 201)
  })

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal, member } = await authoriseMember(c, id, 'member.read')
    const detail = await getMember(c.var.deps.database.db, id)
    await inTransaction(c, (ctx) =>
      recordMemberAccess(ctx, {
        view: 'detail',
        scopeBodyId: detail.member.unit_id,
        regionId: detail.member.region_id,
        memberIds: [detail.member.id],
      }),
    )
    return c.json(
      {
        member: presentMember(detail.member),
        statusHistory: [...detail.statusHistory],
        transfers: [...detail.transfers],
        unitName:
          (await bodyNames(c.var.deps.database.db, [detail.member.unit_id])).get(detail.member.unit_id) ?? '',
        allowedStatuses: [...STATUS_TRANSITIONS[detail.member.status]],
        permissions: permissionsFor(principal, { kind: 'member', ...member }),
      },
      200,
    )
  })

  app.openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param')
    const patch = c.req.valid('json')
    await authoriseMember(c, id, 'member.manage')
    const member = await inTransaction(c, (ctx) => updateMember(ctx, { memberId: id, patch }))
    return c.json(presentMember(member), 200)
  })

  app.openapi(statusRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseMember(c, id, 'member.manage')
    const member = await inTransaction(c, (ctx) => changeMemberStatus(ctx, { memberId: id, ...input }))
    return c.json(presentMember(member), 200)
  })

  app.openapi(transferRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseMember(c, id, 'member.manage')
    await authoriseBody(c, input.toUnitId, 'members.manage')
    const member = await inTransaction(c, (ctx) => transferMember(ctx, { memberId: id, ...input }))
    return c.json(presentMember(member), 200)
  })
}
