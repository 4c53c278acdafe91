import { z } from 'zod'
import { AppError } from '../shared/errors.ts'

/** Social categories of the charter ("from the bench" workers are admitted more easily). */
export const MEMBER_CATEGORIES = ['worker', 'peasant', 'employee', 'other'] as const
/** Member statuses, from application to leaving. */
export const MEMBER_STATUSES = ['applicant', 'candidate', 'full', 'suspended', 'left'] as const
/** The fields of work a standing conference draws from; `custom:<name>` covers the rest. */
export const FIELDS_OF_WORK = ['party', 'economic', 'trade-union', 'military'] as const

export const memberCategorySchema = z.enum(MEMBER_CATEGORIES)
export const memberStatusSchema = z.enum(MEMBER_STATUSES)
export const fieldOfWorkSchema = z.union([
  z.enum(FIELDS_OF_WORK),
  z.string().regex(/^custom:[a-z0-9][a-z0-9 _-]{0,40}$/, 'custom fields of work look like custom:<name>'),
])
/** A calendar date, 'YYYY-MM-DD' (a real date: 2023-02-30 is refused). */
export const isoDateSchema = z.iso.date()

export type MemberCategory = z.infer<typeof memberCategorySchema>
export type MemberStatus = z.infer<typeof memberStatusSchema>

export const fullNameSchema = z.string().trim().min(1, 'required').max(200)
export const cardSchema = z.string().trim().min(1).max(64)
export const emailSchema = z.email().max(320)
export const phoneSchema = z.string().trim().min(1).max(40)

/** Throws VALIDATION_FAILED with Zod's issues when `input` does not match `schema`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', `Invalid ${what}`, {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    })
  }
  return parsed.data
}

/** Opaque keyset cursor: the sort key of the last row of a page, base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** Decodes a cursor made by encodeCursor with the given shape, or VALIDATION_FAILED. */
export function decodeCursor<S extends z.ZodType>(cursor: string, shape: S): z.output<S> {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Invalid page cursor', { cursor })
  }
}
