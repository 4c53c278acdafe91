const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

function parse(isoDate: string): Date {
  // A bare 'YYYY-MM-DD' is a calendar date in the organisation's calendar (UTC).
  return new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate)
}

/** '2 December 1923'. */
export function formatLongDate(isoDate: string): string {
  return longDate.format(parse(isoDate))
}

/** '2 Dec 1923'. */
export function formatShortDate(isoDate: string): string {
  return shortDate.format(parse(isoDate))
}

/** Whole years from `from` to `to` (both 'YYYY-MM-DD'), as standing is counted. */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number]
  const beforeAnniversary = tm < fm || (tm === fm && td < fd)
  return Math.max(0, ty - fy - (beforeAnniversary ? 1 : 0))
}

/** 'factory' → 'Factory'; 'custom:tram depot' → 'Tram depot'; 'trade-union' → 'Trade-union'. */
export function humanise(value: string): string {
  const text = value.startsWith('custom:') ? value.slice('custom:'.length) : value
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** '1 member', '3 members'. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
}
