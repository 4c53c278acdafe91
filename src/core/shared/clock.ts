/**
 * The organisation's clock. No use case reads the system time: the demo lives in 1923 on an
 * offset clock, tests move time by hand, and a real organisation uses the real clock.
 */
export interface Clock {
  now(): Date
}

/** The real clock, for real organisations. */
export const systemClock: Clock = { now: () => new Date() }

/**
 * Starts at `organisationStart` when the real clock reads `realStart`, then runs forward in real
 * time, so scheduled transitions still fire while the report's dates mean what they meant.
 */
export function offsetClock(organisationStart: Date, realStart: Date, real: Clock = systemClock): Clock {
  const offset = organisationStart.getTime() - realStart.getTime()
  return { now: () => new Date(real.now().getTime() + offset) }
}

/** A clock moved by hand, for tests. */
export class ManualClock implements Clock {
  private current: Date
  constructor(start: Date | string) {
    this.current = new Date(start)
  }
  now(): Date {
    return new Date(this.current)
  }
  set(to: Date | string): void {
    this.current = new Date(to)
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000)
  }
}

/** The calendar date of an instant, `YYYY-MM-DD`, in UTC (the organisation's calendar). */
export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}

/** `date` moved back by whole years and months; a day the target month lacks falls to its last day. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const firstOfTarget = new Date(Date.UTC(y, m - 1 - months, 1))
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate()
  firstOfTarget.setUTCDate(Math.min(d, lastDay))
  return toIsoDate(firstOfTarget)
}

/** `date` moved forward by whole months (end-of-month clamped), e.g. a term's end. */
export function monthsAfter(date: string, months: number): string {
  return monthsBefore(date, -months)
}

/** The date `years` calendar years before `date` (Feb 29 falls back to Feb 28). */
export function yearsBefore(date: string, years: number): string {
  return monthsBefore(date, years * 12)
}

/** The instant `days` whole days after `instant` (24-hour days: the organisation's calendar is UTC). */
export function daysAfterInstant(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000)
}

/** The calendar date `days` days after `date` (YYYY-MM-DD). */
export function daysAfter(date: string, days: number): string {
  return toIsoDate(daysAfterInstant(new Date(`${date}T00:00:00Z`), days))
}

/**
 * The instant a calendar date ends (midnight UTC at the start of the next day): a deadline "by
 * 13 December" passes then, and the lists call it overdue from the 14th on.
 */
export function endOfDay(date: string): Date {
  return new Date(`${daysAfter(date, 1)}T00:00:00Z`)
}

/** An instant as ISO 8601 text, whether the driver gave a Date or a string. */
export function isoInstant(value: Date | string): string {
  return new Date(value).toISOString()
}
