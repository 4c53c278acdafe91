import { z } from 'zod'

const isoDate = z.iso.date()

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
  // The demo's past meetings, entered at once from the bodies' minutes books: one event for the
  // lot (ids and the span of their dates), as a bulk import of members is one event.
  z.object({
    type: z.literal('meetings.recorded'),
    payload: z.object({
      source: z.enum(['demo', 'generate']),
      count: z.number().int(),
      firstMeetingId: z.number().int(),
      lastMeetingId: z.number().int(),
      from: isoDate,
      to: isoDate,
    }),
  }),
] as const
