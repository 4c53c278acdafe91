import { z } from 'zod'
import type { MemberRowInput } from './bulk-load-members.ts'
import {
  cardSchema,
  emailSchema,
  fieldOfWorkSchema,
  fullNameSchema,
  isoDateSchema,
  memberCategorySchema,
  memberStatusSchema,
  phoneSchema,
} from './schemas.ts'

/** The member CSV columns, in export order (export adds `id` first; import ignores it). */
export const MEMBER_CSV_COLUMNS = [
  'card',
  'full_name',
  'email',
  'phone',
  'unit_id',
  'joined_on',
  'category',
  'status',
  'status_since',
  'full_member_since',
  'fields_of_work',
] as const

export type MemberCsvColumn = (typeof MEMBER_CSV_COLUMNS)[number]

/** Columns an import file must have; the others may be left out. */
export const REQUIRED_CSV_COLUMNS: readonly MemberCsvColumn[] = [
  'full_name',
  'unit_id',
  'joined_on',
  'category',
  'status',
]

/** Columns an import file may carry and that are ignored (the export's own member id). */
export const IGNORED_CSV_COLUMNS = ['id'] as const

/** Fields of work in one CSV cell, separated by ';'. */
export const FIELDS_SEPARATOR = ';'

// Blank cells are absent values: spreadsheets cannot tell an empty string from nothing.
const blankToNull = (value: unknown) => (typeof value === 'string' ? value.trim() || null : value)
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToNull, schema.nullable())
const required = <S extends z.ZodType>(schema: S) =>
  z.preprocess(
    blankToNull,
    schema.nullable().refine((value) => value !== null, 'required'),
  )

/** One CSV record (strings by column name) → a row for bulkLoadMembers; issues name the column. */
export const memberCsvRowSchema = z
  .object({
    card: optional(cardSchema),
    full_name: required(fullNameSchema),
    email: optional(emailSchema),
    phone: optional(phoneSchema),
    unit_id: required(
      z
        .string()
        .regex(/^\d{1,15}$/, 'expected a body id (digits)')
        .transform(Number),
    ),
    joined_on: required(isoDateSchema),
    category: required(memberCategorySchema),
    status: required(memberStatusSchema),
    status_since: optional(isoDateSchema),
    full_member_since: optional(isoDateSchema),
    fields_of_work: optional(
      z
        .string()
        .transform((cell) =>
          cell
            .split(FIELDS_SEPARATOR)
            .map((field) => field.trim())
            .filter(Boolean),
        )
        .pipe(z.array(fieldOfWorkSchema)),
    ),
  })
  .superRefine((row, ctx) => {
    if (row.status_since && row.joined_on && row.status_since < row.joined_on) {
      ctx.addIssue({ code: 'custom', path: ['status_since'], message: 'precedes joined_on' })
    }
  })

/** Maps a validated CSV record to the bulk loader's row. */
export function toMemberRowInput(row: z.output<typeof memberCsvRowSchema>, line: number): MemberRowInput {
  return {
    row: line,
    card: row.card,
    fullName: row.full_name as string,
    email: row.email,
    phone: row.phone,
    unitId: row.unit_id as number,
    joinedOn: row.joined_on as string,
    category: row.category as MemberRowInput['category'],
    status: row.status as MemberRowInput['status'],
    statusSince: row.status_since,
    fullMemberSince: row.full_member_since,
    fieldsOfWork: [...new Set(row.fields_of_work ?? [])],
  }
}
