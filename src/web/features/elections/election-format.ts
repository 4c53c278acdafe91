/** How elections read: states in words, instants, vote counts and turnout. */

export type ElectionState = 'called' | 'nominating' | 'voting' | 'closed' | 'cancelled'

/** Each state as its badge reads. */
export const STATE_LABELS: Readonly<Record<ElectionState, string>> = {
  called: 'Called',
  nominating: 'Nominating',
  voting: 'Voting',
  closed: 'Closed',
  cancelled: 'Cancelled',
}

// The organisation's calendar is UTC (shared/format.ts), so its instants are shown in UTC too.
const instant = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
})

/** '1 Dec 1923, 09:00' (the organisation's time). */
export function formatInstant(iso: string): string {
  return instant.format(new Date(iso))
}

const votes = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 5 })

/** Votes as counted: whole numbers as they are, fractions (STV transfers) to at most 5 places. */
export function formatVotes(value: number): string {
  return votes.format(value)
}

/** '12 of 20 electors voted (60%)', or '12 voted' with no electorate. */
export function describeTurnout(votersCount: number, electorateSize: number | null): string {
  if (!electorateSize) return `${votersCount.toLocaleString('en-GB')} voted`
  const share = Math.round((votersCount / electorateSize) * 1000) / 10
  return `${votersCount.toLocaleString('en-GB')} of ${electorateSize.toLocaleString('en-GB')} electors voted (${share}%)`
}

/** An ISO instant (UTC) from a `<input type="datetime-local">` value; null when empty. */
export function fromLocalInput(value: string): string | null {
  return value ? `${value}:00Z` : null
}
