import type { EventActor } from './types.ts'

/** Who did something, in words: an account's name, or the system or an operator's command. */
export function describeActor(actor: EventActor): string {
  switch (actor.kind) {
    case 'account':
      return actor.displayName ?? `Account ${actor.accountId ?? '?'}`
    case 'cli':
      return 'An operator (command line)'
    case 'system':
      return 'The system'
  }
}

/** '2 Dec 1923, 09:00' in the organisation's calendar (UTC), for instants on the log. */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(iso))
}
