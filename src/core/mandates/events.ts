import { z } from 'zod'

const mandateStart = {
  memberId: z.number().int(),
  bodyId: z.number().int(),
  post: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  charterVersionId: z.number().int(),
  /** The member's first mandate: "promoted from the ranks". */
  firstMandate: z.boolean(),
}

/** Events of posts and mandates. The subject of each is the mandate. */
export const mandateEvents = [
  z.object({
    type: z.literal('mandate.elected'),
    payload: z.object({ ...mandateStart, electionId: z.number().int().nullable() }),
  }),
  z.object({
    type: z.literal('mandate.appointed'),
    payload: z.object({
      ...mandateStart,
      appointedByBodyId: z.number().int(),
      /** The charter justification's id, or null when the post is not elective. */
      justification: z.string().nullable(),
      /** The rule that allowed it (election rule with the justification), when there is one. */
      ruleId: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('mandate.ended'),
    payload: z.object({
      reason: z.enum(['term-ended', 'resigned', 'recalled', 'replaced']),
      onDate: z.string(),
      /** For `replaced`: the mandate that took its place. */
      replacedByMandateId: z.number().int().nullable(),
    }),
  }),
  z.object({
    type: z.literal('member.dues_paid'),
    payload: z.object({ months: z.array(z.string()), paidOn: z.string() }),
  }),
] as const
