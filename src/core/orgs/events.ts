import { z } from 'zod'

/** Events of the organisation tree. */
export const orgEvents = [
  z.object({
    type: z.literal('organisation.configured'),
    payload: z.object({ name: z.string(), levels: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('body.created'),
    payload: z.object({
      parentId: z.number().int().nullable(),
      level: z.string(),
      kind: z.string().nullable(),
      name: z.string(),
    }),
  }),
  z.object({
    type: z.literal('body.renamed'),
    payload: z.object({ from: z.string(), to: z.string() }),
  }),
  z.object({
    type: z.literal('body.moved'),
    payload: z.object({
      fromParentId: z.number().int(),
      toParentId: z.number().int(),
      bodiesMoved: z.number().int(),
      membersMoved: z.number().int(),
      contactsMoved: z.number().int(),
    }),
  }),
  z.object({
    type: z.literal('body.dissolved'),
    payload: z.object({
      membersTransferredTo: z.number().int().nullable(),
      membersAffected: z.number().int(),
      bodiesDissolved: z.number().int(),
    }),
  }),
] as const
