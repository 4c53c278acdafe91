import { z } from 'zod'

/** Events of bulk creation: a generated or demo tree is one state change, not 100,000. */
export const bulkEvents = [
  z.object({
    type: z.literal('bodies.bulk_created'),
    payload: z.object({
      source: z.enum(['demo', 'generate']),
      count: z.number().int(),
      firstBodyId: z.number().int(),
      lastBodyId: z.number().int(),
    }),
  }),
] as const
