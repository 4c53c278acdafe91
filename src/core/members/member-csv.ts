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

/**
 * One CSV record, after normaliseCsvCells, → a row for bulkLoadMembers; each issue's path names
 * the column. Plain optional types on purpose: Zod preprocess wrappers cost five times as much
 * per row, which shows at two million rows.
 */
export const memberCsvRowSchema = z
  .object({
    card: cardSchema.optional(),
    full_name: fullNameSchema,
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    unit_id: z
      .string()
      .regex(/^\d{1,15}$/, 'expected a body id (digits)')
      .transform(Number),
    joined_on: isoDateSchema,
    category: memberCategorySchema,
    status: memberStatusSchema,
    status_since: isoDateSchema.optional(),
    full_member_since: isoDateSchema.optional(),
    fields_of_work: z.array(fieldOfWorkSchema).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.status_since && row.status_since < row.joined_on) {
      ctx.addIssue({ code: 'custom', path: ['status_since'], message: 'precedes joined_on' })
    }
  })

/** Zod's message for a blank required cell. */
export const blankCellMessage = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required' : undefined

/**
 * Cells by column name, trimmed; blank cells are left out (a spreadsheet cannot tell an empty
 * string from nothing) and fields of work are split on ';'. Unknown columns are skipped.
 */
export function normaliseCsvCells(
  header: readonly string[],
  fields: readonly string[],
): Record<string, unknown> {
  const cells: Record<string, unknown> = {}
  for (let i = 0; i < header.length; i += 1) {
    const value = (fields[i] ?? '').trim()
    if (value === '') continue
    const column = header[i] as string
    cells[column] =
      column === 'fields_of_work'
        ? value
            .split(FIELDS_SEPARATOR)
            .map((field) => field.trim())
            .filter(Boolean)
        : value
  }
  return cells
}

/** Maps a validated CSV record to the bulk loader's row. */
export function toMemberRowInput(row: z.output<typeof memberCsvRowSchema>, line: number): MemberRowInput {
  return {
    row: line,
    card: row.card ?? null,
    fullName: row.full_name,
    email: row.email ?? null,
    phone: row.phone ?? null,
    unitId: row.unit_id,
    joinedOn: row.joined_on,
    category: row.category,
    status: row.status,
    statusSince: row.status_since ?? null,
    fullMemberSince: row.full_member_since ?? null,
    fieldsOfWork: [...new Set(row.fields_of_work ?? [])],
  }
}
