import { z } from 'zod'
import type { MemberRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { findErasure } from '../privacy/find-erasure.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { assertCardFree, loadMember } from './member-lookups.ts'
import {
  cardSchema,
  emailSchema,
  fieldOfWorkSchema,
  fullNameSchema,
  memberCategorySchema,
  parseInput,
  phoneSchema,
} from './schemas.ts'

/** The fields updateMember may change; null clears an optional field. */
export const memberPatchSchema = z
  .object({
    fullName: fullNameSchema,
    email: emailSchema.nullable(),
    phone: phoneSchema.nullable(),
    card: cardSchema.nullable(),
    category: memberCategorySchema,
    fieldsOfWork: z.array(fieldOfWorkSchema).max(20),
  })
  .partial()
  .strict()

export type MemberPatch = z.input<typeof memberPatchSchema>

const COLUMNS = {
  fullName: 'full_name',
  email: 'email',
  phone: 'phone',
  card: 'card',
  category: 'category',
  fieldsOfWork: 'fields_of_work',
} as const

type PatchField = keyof typeof COLUMNS

/**
 * Changes personal fields, category or fields of work. Writes `member.updated` naming only the
 * fields whose value really changed (never the values: they are personal data); no change, no event.
 */
export async function updateMember(
  ctx: UseCaseContext,
  input: { memberId: number; patch: MemberPatch },
): Promise<MemberRow> {
  const patch = parseInput(memberPatchSchema, input.patch, 'member patch')
  const member = await loadMember(ctx.db, input.memberId, true)
  // An erased record stays erased: typing a name back in would undo the member's request.
  const erasure = await findErasure(ctx.db, member.id)
  if (erasure) {
    throw new AppError('ALREADY_ERASED', `Member ${member.id}'s personal data was erased`, {
      memberId: member.id,
      erasedAt: erasure.erasedAt,
    })
  }
  const changes: Partial<Record<(typeof COLUMNS)[PatchField], unknown>> = {}
  const fields: PatchField[] = []
  for (const field of Object.keys(COLUMNS) as PatchField[]) {
    let value: unknown = patch[field]
    if (value === undefined) continue
    if (field === 'fieldsOfWork') value = [...new Set(value as string[])]
    const column = COLUMNS[field]
    if (JSON.stringify(member[column]) === JSON.stringify(value)) continue
    changes[column] = value
    fields.push(field)
  }
  if (fields.length === 0) return member
  if (typeof changes.card === 'string') await assertCardFree(ctx.db, changes.card, member.id)

  const updated = await ctx.db
    .updateTable('members')
    .set({ ...(changes as Partial<MemberRow>), updated_at: ctx.clock.now() })
    .where('id', '=', member.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'member.updated', payload: { fields } },
    { bodyId: member.unit_id, regionId: member.region_id, subject: { kind: 'member', id: member.id } },
  )
  return updated
}
