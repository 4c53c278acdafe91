import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { checkEligibility } from '../../core/eligibility/check-eligibility.ts'
import { listEligibleMembers } from '../../core/eligibility/list-eligible-members.ts'
import { recordDuesPayments } from '../../core/members/record-dues-payments.ts'
import { recordMemberAccess } from '../../core/members/record-member-access.ts'
import { isoDateSchema, memberCategorySchema, memberStatusSchema } from '../../core/members/schemas.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { authoriseBody, authoriseMember, inTransaction } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, idSchema, jsonBody, jsonContent } from '../schemas.ts'

const postSchema = z.string().trim().min(1).max(60).openapi({ example: 'region-secretary' })
const dateParam = isoDateSchema
  .optional()
  .openapi({ description: 'YYYY-MM-DD; the organisation’s today when absent', example: '1923-12-02' })

const ReasonSchema = z
  .object({
    ruleId: z.string().openapi({ example: 'standing.region-secretary' }),
    text: z.string(),
    satisfied: z.boolean(),
    detail: z.string(),
  })
  .openapi('EligibilityReason')

const AnswerSchema = z
  .object({
    eligible: z.boolean(),
    reasons: z.array(ReasonSchema),
    /** The failed rules, or every rule when all hold. */
    decidingRuleIds: z.array(z.string()),
    memberId: z.number().int(),
    post: z.string(),
    bodyId: z.number().int(),
    date: z.string(),
    charterVersionId: z.number().int(),
  })
  .openapi('Eligibility')

const EligibleMemberSchema = z
  .object({
    memberId: z.number().int(),
    fullName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    joinedOn: z.string(),
    fullMemberSince: z.string().nullable(),
    status: memberStatusSchema,
    category: memberCategorySchema,
  })
  .openapi('EligibleMember')

const EligiblePageSchema = z
  .object({
    items: z.array(EligibleMemberSchema),
    nextCursor: z.string().nullable(),
    post: z.string(),
    bodyId: z.number().int(),
    date: z.string(),
    charterVersionId: z.number().int(),
    sortedBy: z.enum(['joinedOn', 'fullMemberSince']),
    rules: z.array(z.object({ ruleId: z.string(), text: z.string() })),
  })
  .openapi('EligibleMembersPage')

const DuesSchema = z
  .object({
    memberId: z.number().int(),
    months: z.array(z.string()).openapi({ example: ['1923-01-01'] }),
    paidOn: z.string(),
    eventId: z.number().int(),
  })
  .openapi('DuesPayment')

const checkRoute = createRoute({
  method: 'get',
  path: '/api/eligibility',
  summary: 'May this member hold this post in this body on this date? Every rule with its verdict',
  description:
    'Reads the charter in force on the date. Needs the member’s record (admins and secretaries whose ' +
    'subtree holds the member, or the member themself) and the body (its subtree, or a body on the ' +
    'caller’s own path).',
  security: [{ session: [] }],
  request: {
    query: z.object({ memberId: idSchema, post: postSchema, bodyId: idSchema, date: dateParam }),
  },
  responses: {
    200: jsonContent(AnswerSchema, 'The verdict and its reasons'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/eligible',
  summary: 'Members of the body’s scope who may hold a post there, longest standing first',
  description: 'Admins and secretaries whose subtree holds the body. Each page shown is logged as a read.',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    query: z.object({
      post: postSchema,
      date: dateParam,
      after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(1000).default(50),
    }),
  },
  responses: { 200: jsonContent(EligiblePageSchema, 'A page'), ...errors(400, 401, 403, 404, 409, 422) },
})

const duesRoute = createRoute({
  method: 'post',
  path: '/api/members/{id}/dues',
  summary: 'Record a payment of dues for some months',
  description: 'Admins and secretaries whose subtree holds the member’s unit. A month already paid is 409.',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: jsonBody(
      z.object({
        months: z
          .array(z.string())
          .min(1)
          .max(240)
          .openapi({ example: ['1923-01', '1923-02'] }),
        paidOn: isoDateSchema,
      }),
    ),
  },
  responses: { 201: jsonContent(DuesSchema, 'Recorded'), ...errors(400, 401, 403, 404, 409) },
})

/** Eligibility for posts (one member, or the list for a body) and dues payments. */
export function registerEligibilityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(checkRoute, async (c) => {
    const query = c.req.valid('query')
    const { member } = await authoriseMember(c, query.memberId, 'member.read')
    await authoriseBody(c, query.bodyId, 'body.read')
    const answer = await checkEligibility(c.var.deps.database.db, {
      memberId: query.memberId,
      post: query.post,
      bodyId: query.bodyId,
      date: query.date ?? toIsoDate(c.var.deps.clock.now()),
    })
    // The reasons quote the member's join date and status: a read of their record.
    await inTransaction(c, (ctx) =>
      recordMemberAccess(ctx, {
        view: 'detail',
        scopeBodyId: member.unitId,
        regionId: member.regionId,
        memberIds: [member.id],
      }),
    )
    return c.json(
      { ...answer, reasons: [...answer.reasons], decidingRuleIds: [...answer.decidingRuleIds] },
      200,
    )
  })

  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const { body } = await authoriseBody(c, id, 'members.read')
    const page = await listEligibleMembers(c.var.deps.database.db, {
      post: query.post,
      bodyId: body.id,
      date: query.date ?? toIsoDate(c.var.deps.clock.now()),
      limit: query.limit,
      ...(query.after ? { cursor: query.after } : {}),
    })
    await inTransaction(c, (ctx) =>
      recordMemberAccess(ctx, {
        view: 'list',
        scopeBodyId: body.id,
        regionId: body.region_id,
        memberIds: page.items.map((item) => item.memberId),
      }),
    )
    return c.json({ ...page, items: [...page.items], rules: [...page.rules] }, 200)
  })

  app.openapi(duesRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    await authoriseMember(c, id, 'member.manage')
    const record = await inTransaction(c, (ctx) => recordDuesPayments(ctx, { memberId: id, ...input }))
    return c.json({ ...record, months: [...record.months] }, 201)
  })
}
