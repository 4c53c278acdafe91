import { z } from 'zod'
import { ERASURE_REASONS } from './erasure-reasons.ts'

/**
 * Events of personal-data rights. Payloads carry the member's id and a reason code only, never
 * the values exported or erased: the sealed log must not keep what an erasure removed.
 */
export const privacyEvents = [
  z.object({
    // A member downloaded everything held about them (exports are events).
    type: z.literal('personal_data.exported'),
    payload: z.object({ memberId: z.number().int() }),
  }),
  z.object({
    type: z.literal('member.erased'),
    payload: z.object({ memberId: z.number().int(), reason: z.enum(ERASURE_REASONS) }),
  }),
] as const
