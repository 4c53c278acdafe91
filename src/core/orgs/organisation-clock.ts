import { type Clock, offsetClock, systemClock } from '../shared/clock.ts'
import type { OrganisationSettings } from './organisation-settings.ts'

/**
 * The clock an organisation lives by: the real clock, or, when its settings say so (the 1923
 * demo), an offset clock that started at the organisation's date and runs in real time.
 */
export function organisationClock(settings: OrganisationSettings | null, real: Clock = systemClock): Clock {
  if (!settings?.clock) return real
  return offsetClock(new Date(settings.clock.organisationStart), new Date(settings.clock.realStart), real)
}
