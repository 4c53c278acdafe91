import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { ROLES } from '../../core/accounts/principal.ts'
import { can } from '../../core/policy/policy.ts'
import { collectPersonalData } from '../../core/privacy/collect-personal-data.ts'
import { eraseMember } from '../../core/privacy/erase-member.ts'
import { ERASURE_REASONS } from '../../core/privacy/erasure-reasons.ts'
import { exportPersonalData } from '../../core/privacy/export-personal-data.ts'
import { findErasure } from '../../core/privacy/find-erasure.ts'
import { AppError } from '../../core/shared/errors.ts'
import { authoriseMember, inTransaction, requirePrincipal } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const ActorSchema = z.object({
  kind: z.enum(['account', 'system', 'cli']),
  accountId: z.number().int().nullable(),
  displayName: z.string().nullable(),
})

/** The document of core/privacy/personal-data.ts, for the OpenAPI description. */
const PersonalDataSchema = z
  .object({
    format: z.literal('charter.personal-data'),
    version: z.literal(1),
    generatedAt: z.string().nullable(),
    member: z.object({
      id: z.number().int(),
      fullName: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      card: z.string().nullable(),
      unitId: z.number().int(),
      unitName: z.string(),
      regionId: z.number().int(),
      joinedOn: z.string(),
      category: z.string(),
      status: z.string(),
      statusSince: z.string(),
      fullMemberSince: z.string().nullable(),
      fieldsOfWork: z.array(z.string()).readonly(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    statusHistory: z
      .array(
        z.object({
          from: z.string(),
          to: z.string(),
          onDate: z.string(),
          reason: z.string().nullable(),
          eventId: z.number().int(),
        }),
      )
      .readonly(),
    transfers: z
      .array(
        z.object({
          fromUnitId: z.number().int(),
          fromUnitName: z.string(),
          toUnitId: z.number().int(),
          toUnitName: z.string(),
          onDate: z.string(),
          eventId: z.number().int(),
        }),
      )
      .readonly(),
    accounts: z
      .array(
        z.object({
          id: z.number().int(),
          email: z.string(),
          displayName: z.string(),
          disabled: z.boolean(),
          createdAt: z.string(),
          grants: z
            .array(
              z.object({
                role: z.enum(ROLES),
                bodyId: z.number().int(),
                bodyName: z.string(),
              }),
            )
            .readonly(),
        }),
      )
      .readonly(),
    recordReads: z
      .array(
        z.object({
          eventId: z.number().int(),
          at: z.string(),
          view: z.enum(['list', 'detail']),
          scopeBodyId: z.number().int(),
          scopeBodyName: z.string(),
          reader: ActorSchema,
        }),
      )
      .readonly()
      .openapi({ description: 'Who read the member’s record and when' }),
    events: z
      .array(
        z.object({
          id: z.number().int(),
          type: z.string(),
          occurredAt: z.string(),
          actor: ActorSchema,
          bodyId: z.number().int().nullable(),
          subject: z.object({ kind: z.string(), id: z.number().int() }).nullable(),
          payload: z.unknown(),
        }),
      )
      .readonly(),
  })
  .openapi('PersonalData')

const ErasureSchema = z
  .object({
    eventId: z.number().int(),
    erasedAt: z.string(),
    reason: z.enum(ERASURE_REASONS),
  })
  .openapi('Erasure')

const notLinked = 'An account not linked to a member gets 404 ACCOUNT_NOT_LINKED.'

const myDataRoute = createRoute({
  method: 'get',
  path: '/api/me/data',
  summary: 'Everything held about the signed-in member (record, history, accounts, who read it, events)',
  description: `The signed-in member only. ${notLinked}`,
  security: [{ session: [] }],
  responses: { 200: jsonContent(PersonalDataSchema, 'The document'), ...errors(401, 404) },
})

const exportRoute = createRoute({
  method: 'get',
  path: '/api/me/data/export',
  summary: 'Download everything held about the signed-in member as JSON (the export is an event)',
  description: `The signed-in member only; writes personal_data.exported. ${notLinked}`,
  security: [{ session: [] }],
  responses: {
    200: {
      description: 'The document as an attachment',
      content: { 'application/json': { schema: PersonalDataSchema } },
    },
    ...errors(401, 404),
  },
})

const erasureRoute = createRoute({
  method: 'get',
  path: '/api/members/{id}/erasure',
  summary: 'Whether a member’s personal data was erased, and whether the caller may erase it',
  description: 'Whoever may read the member.',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: {
    200: jsonContent(z.object({ erasure: ErasureSchema.nullable(), canErase: z.boolean() }), 'The state'),
    ...errors(400, 401, 403, 404),
  },
})

const eraseRoute = createRoute({
  method: 'post',
  path: '/api/members/{id}/erase',
  summary: 'Erase a member’s personal data (an erasure request); ids, dates, status and unit stay',
  description:
    'Admins whose subtree holds the member’s unit. Clears name, e-mail, phone and card, disables ' +
    'and anonymises linked accounts, and writes member.erased (id and reason code only). A second ' +
    'erasure is 409 ALREADY_ERASED.',
  security: [{ session: [] }],
  request: {
    params: IdParams,
    body: jsonBody(z.object({ reason: z.enum(ERASURE_REASONS) }).openapi('EraseMember')),
  },
  responses: {
    200: jsonContent(
      z.object({ memberId: z.number().int(), accountsErased: z.number().int(), erasure: ErasureSchema }),
      'Erased',
    ),
    ...errors(400, 401, 403, 404, 409),
  },
})

function linkedMember(principal: { memberId: number | null }): number {
  if (principal.memberId === null) {
    throw new AppError('ACCOUNT_NOT_LINKED', 'Your account is not linked to a member record', {})
  }
  return principal.memberId
}

/** Personal-data rights: a member's own data and its export, and erasure by an admin. */
export function registerPrivacyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(myDataRoute, async (c) => {
    const memberId = linkedMember(requirePrincipal(c))
    const { database, clock } = c.var.deps
    const document = await collectPersonalData(database.db, { memberId, generatedAt: clock.now() })
    return c.json(document, 200)
  })

  app.openapi(exportRoute, async (c) => {
    const memberId = linkedMember(requirePrincipal(c))
    const document = await inTransaction(c, (ctx) => exportPersonalData(ctx, { memberId }))
    return c.json(document, 200, {
      'content-disposition': `attachment; filename="my-data-${memberId}.json"`,
      'cache-control': 'no-store',
    })
  })

  app.openapi(erasureRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal, member } = await authoriseMember(c, id, 'member.read')
    const erasure = await findErasure(c.var.deps.database.db, id)
    const canErase = erasure === null && can(principal, 'member.erase', { kind: 'member', ...member })
    return c.json({ erasure, canErase }, 200)
  })

  app.openapi(eraseRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { reason } = c.req.valid('json')
    await authoriseMember(c, id, 'member.erase')
    const erased = await inTransaction(c, async (ctx) => {
      const result = await eraseMember(ctx, { memberId: id, reason })
      return { result, erasure: await findErasure(ctx.db, id) }
    })
    if (!erased.erasure) throw new AppError('INTERNAL_ERROR', 'The erasure was not recorded')
    return c.json(
      { memberId: id, accountsErased: erased.result.accountsErased, erasure: erased.erasure },
      200,
    )
  })
}
