import { z } from '@hono/zod-openapi'
import type { MandateSummary } from '../core/mandates/list-mandates.ts'
import type { MandateRow } from '../db/schema.ts'

const how = z.enum(['elected', 'appointed'])
const endReason = z.enum(['term-ended', 'resigned', 'recalled', 'replaced'])
const bodyRef = z.object({ id: z.number().int(), name: z.string() })

/** A mandate as written: who, which post of which body, from when to when, and how. */
export const MandateSchema = z
  .object({
    id: z.number().int(),
    memberId: z.number().int(),
    bodyId: z.number().int(),
    post: z.string(),
    how,
    startsOn: z.string(),
    endsOn: z.string().openapi({ description: 'Planned end: the term, or the appointment’s expiry' }),
    endedOn: z.string().nullable(),
    endReason: endReason.nullable(),
    electionId: z.number().int().nullable(),
    appointedByBodyId: z.number().int().nullable(),
    justification: z.string().nullable(),
    ruleId: z.string().nullable(),
    charterVersionId: z.number().int(),
    firstMandate: z.boolean().openapi({ description: 'The member’s first mandate: promoted from the ranks' }),
    eventId: z.number().int(),
  })
  .openapi('Mandate')

/** A mandate row as the API shows it. */
export function presentMandate(row: MandateRow): z.infer<typeof MandateSchema> {
  return {
    id: row.id,
    memberId: row.member_id,
    bodyId: row.body_id,
    post: row.post,
    how: row.how,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    electionId: row.election_id,
    appointedByBodyId: row.appointed_by_body_id,
    justification: row.justification,
    ruleId: row.rule_id,
    charterVersionId: row.charter_version_id,
    firstMandate: row.first_mandate,
    eventId: row.event_id,
  }
}

/** A mandate in a list, with names, its state today and whether the caller may end it. */
export const MandateSummarySchema = z
  .object({
    id: z.number().int(),
    memberId: z.number().int(),
    memberName: z.string(),
    bodyId: z.number().int(),
    bodyName: z.string(),
    post: z.string(),
    postTitle: z
      .string()
      .openapi({ description: 'The post’s title in the charter version the mandate began under' }),
    how,
    startsOn: z.string(),
    endsOn: z.string(),
    endedOn: z.string().nullable(),
    endReason: endReason.nullable(),
    electionId: z.number().int().nullable(),
    appointedBy: bodyRef.nullable(),
    justification: z.string().nullable(),
    ruleId: z.string().nullable(),
    charterVersionId: z.number().int(),
    firstMandate: z.boolean(),
    state: z.enum(['upcoming', 'active', 'expired', 'ended']),
    canEnd: z.boolean(),
  })
  .openapi('MandateSummary')

/** A summary for the API: without the body path, with the caller's right to end it. */
export function presentSummary(item: MandateSummary, canEnd: boolean): z.infer<typeof MandateSummarySchema> {
  const { bodyPath: _path, ...rest } = item
  return { ...rest, canEnd }
}

const HolderSchema = z.object({
  mandateId: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  how,
  startsOn: z.string(),
  endsOn: z.string(),
  electionId: z.number().int().nullable(),
  appointedBy: bodyRef.nullable(),
  justification: z.object({ id: z.string(), text: z.string().nullable() }).nullable(),
  expired: z.boolean().openapi({ description: 'An appointment past its expiry that no one has ended' }),
  firstMandate: z.boolean(),
  ruleId: z.string().nullable(),
})

const PostSchema = z.object({
  post: z.string(),
  title: z.string(),
  seats: z.number().int(),
  termMonths: z.number().int().nullable(),
  defined: z.boolean().openapi({ description: 'False for a post still held but no longer in the charter' }),
  ruleIds: z.object({
    post: z.string().nullable(),
    standing: z.array(z.string()),
    election: z.string().nullable(),
  }),
  appointment: z
    .object({
      by: z.union([z.literal('parent'), z.array(z.string())]),
      justifications: z.array(z.object({ id: z.string(), text: z.string(), maxMonths: z.number().int() })),
    })
    .nullable(),
  elective: z.boolean(),
  appointingBodies: z.array(z.object({ id: z.number().int(), name: z.string(), level: z.string() })),
  holders: z.array(HolderSchema),
  vacant: z.number().int(),
  canAppoint: z.boolean().openapi({ description: 'The caller manages a body allowed to appoint to it' }),
})

/** What the caller may do with a body's posts. */
export const MandatePermissionsSchema = z
  .object({
    canRead: z.boolean(),
    canManageMandates: z
      .boolean()
      .openapi({ description: 'Record elected mandates and end mandates of this body' }),
  })
  .openapi('MandatePermissions')

export const BodyPostsSchema = z
  .object({
    bodyId: z.number().int(),
    date: z.string(),
    charterVersionId: z.number().int().nullable(),
    posts: z.array(PostSchema),
    permissions: MandatePermissionsSchema,
  })
  .openapi('BodyPosts')
