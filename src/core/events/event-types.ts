import { type EventType, eventSchema } from './catalogue.ts'

/** Every event type in the catalogue, in catalogue order (for filters and renderer coverage). */
export const EVENT_TYPES = eventSchema.options.map((option) => option.shape.type.value) as [
  EventType,
  ...EventType[],
]

/** Whether `value` names an event type of the catalogue. */
export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value)
}
