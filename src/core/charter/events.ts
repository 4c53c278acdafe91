import { z } from 'zod'

/** Events of the charter: each adopted version, with the decision that adopted it. */
export const charterEvents = [
  z.object({
    type: z.literal('charter.adopted'),
    payload: z.object({
      versionId: z.number().int(),
      name: z.string(),
      effectiveFrom: z.string(),
      decision: z.object({
        kind: z.enum(['congress', 'conference', 'committee']),
        title: z.string(),
        decidedOn: z.string(),
        bodyId: z.number().int(),
      }),
      /** SHA-256 of the adopted file: the sealed log pins exactly which text was adopted. */
      sourceSha256: z.string(),
      ruleCount: z.number().int(),
    }),
  }),
] as const
