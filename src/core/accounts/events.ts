import { z } from 'zod'
import { ROLES } from './principal.ts'

const role = z.enum(ROLES)

/** Events of accounts and roles. Credentials and e-mail addresses are never in the payload. */
export const accountEvents = [
  z.object({
    type: z.literal('account.created'),
    payload: z.object({ memberId: z.number().int().nullable() }),
  }),
  z.object({
    type: z.literal('role.granted'),
    payload: z.object({ role, bodyId: z.number().int() }),
  }),
  z.object({
    type: z.literal('role.revoked'),
    payload: z.object({ role, bodyId: z.number().int() }),
  }),
  z.object({
    type: z.literal('account.signed_in'),
    payload: z.object({}),
  }),
  z.object({
    type: z.literal('account.password_changed'),
    payload: z.object({}),
  }),
] as const
