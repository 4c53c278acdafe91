import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { ContactsTable } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { getBody } from '../orgs/get-body.ts'
import { bodyRegion } from '../orgs/tree.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { emailSchema, fullNameSchema, parseInput, phoneSchema } from './schemas.ts'

/** Input of addContact; the API reuses it as its request body schema. */
export const addContactInputSchema = z.object({
  bodyId: z.number().int().positive(),
  fullName: fullNameSchema,
  email: emailSchema.nullish(),
  phone: phoneSchema.nullish(),
  /** Free text: a contact's social category or role ("worker", "women delegate", …). */
  category: z.string().trim().min(1).max(60).nullish(),
  notes: z.string().trim().max(2000).nullish(),
})

export type AddContactInput = z.input<typeof addContactInputSchema>
export type ContactRow = Selectable<ContactsTable>

/** Records a non-member kept by a body for outreach and public elections (`contact.added`). */
export async function addContact(ctx: UseCaseContext, input: AddContactInput): Promise<ContactRow> {
  const data = parseInput(addContactInputSchema, input, 'contact')
  const body = await getBody(ctx.db, data.bodyId)
  if (body.status !== 'active') {
    throw new AppError('BODY_DISSOLVED', `Body ${body.id} is dissolved`, { bodyId: body.id })
  }
  const regionId = bodyRegion(body)
  const contact = await ctx.db
    .insertInto('contacts')
    .values({
      body_id: body.id,
      region_id: regionId,
      full_name: data.fullName,
      email: data.email ?? null,
      phone: data.phone ?? null,
      category: data.category ?? null,
      notes: data.notes || null,
      created_at: ctx.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'contact.added', payload: { bodyId: body.id } },
    { bodyId: body.id, regionId, subject: { kind: 'contact', id: contact.id } },
  )
  return contact
}
