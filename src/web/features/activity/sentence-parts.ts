import { formatShortDate } from '../../shared/format.ts'
import { formatInstant } from '../elections/election-format.ts'
import type { LoggedEvent } from './types.ts'

/** What a sentence is built from: the event, with names for its actor and the bodies it names. */
export interface Parts {
  readonly event: LoggedEvent
  /** 'Admin', 'The command line', 'The system'. */
  readonly actor: string
  /** The event's own body, by name ('body #12' when the caller may not see it). */
  readonly body: string
  readonly payload: Readonly<Record<string, unknown>>
  /** A body named in the payload, by name where the caller may see it. */
  readonly bodyName: (id: unknown) => string
}

/** One event type: its label for the type filter and its sentence. */
export interface EventKind {
  /** For the type filter: 'Member registered'. */
  readonly label: string
  readonly sentence: (parts: Parts) => string
}

/** A payload number (0 when missing: a sentence never throws on an odd payload). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0
}

/** A payload string ('' when missing). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** 'member #123' from the event's subject, or 'a member' when it has none. */
export function subjectRef(event: LoggedEvent, noun: string): string {
  return event.subject ? `${noun} #${event.subject.id}` : `a ${noun}`
}

/** A payload date or instant as '2 Dec 1923' ('an unknown date' when it is not one: a sentence never throws). */
export function day(value: unknown): string {
  const iso = text(value)
  const parsed = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
  return iso === '' || Number.isNaN(parsed.getTime()) ? 'an unknown date' : formatShortDate(iso)
}

/** A payload instant as '10 Dec 1923, 18:00' (the organisation's time), or 'an unknown time'. */
export function instant(value: unknown): string {
  const parsed = new Date(text(value))
  return text(value) === '' || Number.isNaN(parsed.getTime()) ? 'an unknown time' : formatInstant(text(value))
}
