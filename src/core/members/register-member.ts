import { z } from 'zod'
import type { MemberRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { bodyRegion } from '../orgs/tree.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { loadActiveUnit } from './active-unit.ts'
import { assertCardFree } from './member-lookups.ts'
import {
  cardSchema,
  emailSchema,
  fieldOfWorkSchema,
  fullNameSchema,
  isoDateSchema,
  memberCategorySchema,
  memberStatusSchema,
  parseInput,
  phoneSchema,
} from './schemas.ts'

/** Input of registerMember; the API reuses it as its request body schema. */
export const registerMemberInputSchema = z
  .object({
    unitId: z.number().int().positive(),
    fullName: fullNameSchema,
    email: emailSchema.nullish(),
    phone: phoneSchema.nullish(),
    card: cardSchema.nullish(),
    joinedOn: isoDateSchema,
    category: memberCategorySchema,
    status: memberStatusSchema,
    statusSince: isoDateSchema.nullish(),
    fullMemberSince: isoDateSchema.nullish(),
    fieldsOfWork: z.array(fieldOfWorkSchema).max(20).default([]),
  })
  .refine((input) => !input.statusSince || input.statusSince >= input.joinedOn, {
    message: 'statusSince may not precede joinedOn',
    path: ['statusSince'],
  })

export type RegisterMemberInput = z.input<typeof registerMemberInputSchema>

/** Registers a member in an active unit and writes `member.registered` (no personal data in it). */
export async function registerMember(ctx: UseCaseContext, input: RegisterMemberInput): Promise<MemberRow> {
  const data = parseInput(registerMemberInputSchema, input, 'member')
  const unit = await loadActiveUnit(ctx.db, data.unitId)
  const card = data.card ?? null
  if (card) await assertCardFree(ctx.db, card)

  const statusSince = data.statusSince ?? data.joinedOn
  const fullMemberSince = data.fullMemberSince ?? (data.status === 'full' ? statusSince : null)
  const now = ctx.clock.now()
  const member = await ctx.db
    .insertInto('members')
    .values({
      region_id: bodyRegion(unit),
      unit_id: unit.id,
      unit_path: unit.path,
      card,
      full_name: data.fullName,
      email: data.email ?? null,
      phone: data.phone ?? null,
      joined_on: data.joinedOn,
      category: data.category,
      status: data.status,
      status_since: statusSince,
      full_member_since: fullMemberSince,
      fields_of_work: [...new Set(data.fieldsOfWork)],
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()

  await appendEvent(
    ctx,
    {
      type: 'member.registered',
      payload: {
        unitId: unit.id,
        category: member.category,
        status: member.status,
        joinedOn: member.joined_on,
        fieldsOfWork: member.fields_of_work,
      },
    },
    { bodyId: unit.id, regionId: member.region_id, subject: { kind: 'member', id: member.id } },
  )
  return member
}
