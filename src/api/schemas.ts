import { z } from '@hono/zod-openapi'
import type { BodyRow } from '../db/schema.ts'

/**
 * A positive id that fits both a JS number and a bigint column: anything else is 400 before it
 * reaches PostgreSQL (where 2^63 would be a data exception).
 */
export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** `{ id }` path parameters. */
export const IdParams = z.object({
  id: idSchema.openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
})

/** The error shape of every failing response. */
export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: 'FORBIDDEN' }),
    message: z.string(),
    details: z.unknown(),
  })
  .openapi('Error')

/** Error responses, keyed by status, for routes to spread into their `responses`. */
export function errors(...statuses: readonly number[]) {
  const described: Record<number, string> = {
    400: 'Invalid input (VALIDATION_FAILED)',
    401: 'Not signed in (UNAUTHENTICATED)',
    403: 'Outside the caller’s scope (FORBIDDEN)',
    404: 'Unknown id',
    409: 'Conflicts with the current state',
    413: 'Body too large (PAYLOAD_TOO_LARGE)',
    415: 'Wrong content type (UNSUPPORTED_MEDIA_TYPE)',
    422: 'Refused by a rule',
    429: 'Too many attempts (RATE_LIMITED)',
  }
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: described[status] ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  )
}

/** What the caller may do with a body (from core/policy permissionsFor). */
export const BodyPermissionsSchema = z
  .object({
    canRead: z.boolean(),
    canReadTree: z.boolean(),
    canManage: z.boolean(),
    canReadMembers: z.boolean(),
    canManageMembers: z.boolean(),
    canImport: z.boolean(),
    canExport: z.boolean(),
    canManageAccounts: z.boolean(),
  })
  .openapi('BodyPermissions')

export const BodySchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    path: z.string().openapi({ example: '/1/5/23/' }),
    depth: z.number().int(),
    level: z.string(),
    kind: z.string().nullable(),
    name: z.string(),
    regionId: z.number().int().nullable(),
    status: z.enum(['active', 'dissolved']),
    createdAt: z.string(),
    dissolvedAt: z.string().nullable(),
  })
  .openapi('Body')

export type BodyDto = z.infer<typeof BodySchema>

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

/** A body row as the API shows it (camelCase, ISO timestamps). */
export function presentBody(row: BodyRow): BodyDto {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    level: row.level,
    kind: row.kind,
    name: row.name,
    regionId: row.region_id,
    status: row.status,
    createdAt: iso(row.created_at) ?? '',
    dissolvedAt: iso(row.dissolved_at),
  }
}

/** A JSON request body that must be present and JSON (so a form post cannot reach the route). */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  } as const
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const
}
