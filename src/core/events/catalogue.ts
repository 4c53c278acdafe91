import { z } from 'zod'
import { accountEvents } from '../accounts/events.ts'
import { charterEvents } from '../charter/events.ts'
import { deliberationEvents } from '../deliberation/events.ts'
import { bulkEvents } from '../demo/events.ts'
import { electionEvents } from '../elections/events.ts'
import { mandateEvents } from '../mandates/events.ts'
import { memberEvents } from '../members/events.ts'
import { orgEvents } from '../orgs/events.ts'
import { privacyEvents } from '../privacy/events.ts'

/**
 * Every event type Charter writes, as one discriminated union on `type`. Each capability owns
 * its list in `<capability>/events.ts`; the audit reads events through this catalogue.
 */
export const eventSchema = z.discriminatedUnion('type', [
  ...orgEvents,
  ...memberEvents,
  ...accountEvents,
  ...bulkEvents,
  ...privacyEvents,
  ...charterEvents,
  ...mandateEvents,
  ...electionEvents,
  ...deliberationEvents,
])

export type CharterEvent = z.infer<typeof eventSchema>
export type EventType = CharterEvent['type']
export type EventPayload<T extends EventType> = Extract<CharterEvent, { type: T }>['payload']
