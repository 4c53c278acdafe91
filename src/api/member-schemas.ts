import { z } from '@hono/zod-openapi'
import type { ContactRow } from '../core/members/add-contact.ts'
import {
  cardSchema,
  emailSchema,
  fieldOfWorkSchema,
  fullNameSchema,
  isoDateSchema,
  memberCategorySchema,
  memberStatusSchema,
} from '../core/members/schemas.ts'
import type { MemberRow } from '../db/schema.ts'
import { idSchema } from './schemas.ts'

export const MemberSchema = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    regionId: z.number().int(),
    card: z.string().nullable(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    joinedOn: z.string(),
    category: memberCategorySchema,
    status: memberStatusSchema,
    statusSince: z.string(),
    fullMemberSince: z.string().nullable(),
    fieldsOfWork: z.array(z.string()),
  })
  .openapi('Member')

/** A member in a list, with the name of their unit so a region-wide list reads without lookups. */
export const MemberListItemSchema = MemberSchema.extend({ unitName: z.string() }).openapi('MemberListItem')

/** Request body of POST /members: the core's registerMember input with ids bounded for bigint. */
export const NewMemberSchema = z
  .object({
    unitId: idSchema,
    fullName: fullNameSchema,
    email: emailSchema.nullish(),
    phone: phoneSchema().nullish(),
    card: cardSchema.nullish(),
    joinedOn: isoDateSchema,
    category: memberCategorySchema,
    status: memberStatusSchema,
    statusSince: isoDateSchema.nullish(),
    fullMemberSince: isoDateSchema.nullish(),
    fieldsOfWork: z.array(fieldOfWorkSchema).max(20).default([]),
  })
  .openapi('NewMember')

function phoneSchema() {
  return z.string().trim().min(1).max(40)
}

export const ContactSchema = z
  .object({
    id: z.number().int(),
    bodyId: z.number().int(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    category: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Contact')

export const NewContactSchema = z
  .object({
    fullName: fullNameSchema,
    email: emailSchema.nullish(),
    phone: phoneSchema().nullish(),
    category: z.string().trim().min(1).max(60).nullish(),
    notes: z.string().trim().max(2000).nullish(),
  })
  .openapi('NewContact')

/** A member row as the API shows it. */
export function presentMember(row: MemberRow): z.infer<typeof MemberSchema> {
  return {
    id: row.id,
    unitId: row.unit_id,
    regionId: row.region_id,
    card: row.card,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    joinedOn: row.joined_on,
    category: row.category,
    status: row.status,
    statusSince: row.status_since,
    fullMemberSince: row.full_member_since,
    fieldsOfWork: row.fields_of_work,
  }
}

/** A contact row as the API shows it. */
export function presentContact(row: ContactRow): z.infer<typeof ContactSchema> {
  return {
    id: row.id,
    bodyId: row.body_id,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    category: row.category,
    notes: row.notes,
    createdAt: new Date(row.created_at).toISOString(),
  }
}
