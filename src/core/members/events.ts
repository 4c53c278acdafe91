import { z } from 'zod'

const category = z.enum(['worker', 'peasant', 'employee', 'other'])
const status = z.enum(['applicant', 'candidate', 'full', 'suspended', 'left'])

/**
 * Events of the member registry. Payloads carry ids and facts, never names or addresses: personal
 * fields stay in the members table so erasure never touches the sealed log.
 */
export const memberEvents = [
  z.object({
    type: z.literal('member.registered'),
    payload: z.object({
      unitId: z.number().int(),
      category,
      status,
      joinedOn: z.string(),
      fieldsOfWork: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('members.imported'),
    payload: z.object({
      source: z.enum(['csv', 'generate', 'demo']),
      count: z.number().int(),
      firstMemberId: z.number().int().nullable(),
      lastMemberId: z.number().int().nullable(),
    }),
  }),
  z.object({
    type: z.literal('member.updated'),
    payload: z.object({ fields: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('member.status_changed'),
    // The officer's free-text reason may name people, so it stays in member_status_changes
    // (erasable) and never enters the sealed payload; the payload only says that one was given.
    payload: z.object({ from: status, to: status, onDate: z.string(), reasonGiven: z.boolean() }),
  }),
  z.object({
    type: z.literal('member.transferred'),
    payload: z.object({ fromUnitId: z.number().int(), toUnitId: z.number().int(), onDate: z.string() }),
  }),
  z.object({
    type: z.literal('members.exported'),
    payload: z.object({ scopeBodyId: z.number().int(), count: z.number().int(), format: z.literal('csv') }),
  }),
  z.object({
    // Reading member records is logged (special-category data: who looked at whom, and when).
    type: z.literal('member_records.read'),
    payload: z.object({
      view: z.enum(['list', 'detail']),
      scopeBodyId: z.number().int(),
      memberIds: z.array(z.number().int()),
    }),
  }),
  z.object({
    type: z.literal('contact.added'),
    payload: z.object({ bodyId: z.number().int() }),
  }),
] as const
