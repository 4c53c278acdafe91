/** The arithmetic of the trend's line charts: pure, so it is tested without a browser. */

/** One value on a date; null where the snapshot had nothing to measure (no elective post held). */
export interface DatedValue {
  readonly date: string
  readonly value: number | null
}

/** The drawing area inside an SVG of `width` × `height`, with room for the axes' labels. */
export interface ChartFrame {
  readonly width: number
  readonly height: number
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

export interface PlottedPoint {
  readonly x: number
  readonly y: number
  readonly date: string
  readonly value: number
}

export interface PlottedSeries {
  readonly points: readonly PlottedPoint[]
  /** The SVG path: a new stroke after each gap (a null value). */
  readonly path: string
}

const DAY_MS = 86_400_000

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
}

/** The axis top for counts: 1, 2 or 5 times a power of ten, at least `max` (and at least 1). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power
  return 10 * power
}

/**
 * Tick values from 0 to `max`, evenly spaced and whole for the tops niceMax gives: 5 or 4 steps,
 * or one per unit below 5 (0, 1, 2 for a top of 2).
 */
export function yTicks(max: number): readonly number[] {
  const count = max < 5 && Number.isInteger(max) ? max : max % 5 === 0 ? 5 : 4
  const step = max / Math.max(count, 1)
  return Array.from({ length: Math.max(count, 1) + 1 }, (_, index) => Math.round(step * index * 100) / 100)
}

/** The x of a date: dates are placed by the days between them, so irregular snapshots keep their gaps. */
export function xScale(dates: readonly string[], frame: ChartFrame): (date: string) => number {
  const inner = frame.width - frame.left - frame.right
  if (dates.length === 0) return () => frame.left
  const days = dates.map(dayNumber)
  const first = Math.min(...days)
  const span = Math.max(...days) - first
  if (span === 0) return () => frame.left + inner / 2
  return (date) => frame.left + ((dayNumber(date) - first) / span) * inner
}

/** The y of a value on an axis from 0 (bottom) to `max` (top). */
export function yScale(max: number, frame: ChartFrame): (value: number) => number {
  const inner = frame.height - frame.top - frame.bottom
  return (value) => frame.top + inner - (Math.min(Math.max(value, 0), max) / max) * inner
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

/** Places a series on the frame: its points and the path through them, broken at gaps. */
export function plotSeries(values: readonly DatedValue[], max: number, frame: ChartFrame): PlottedSeries {
  const x = xScale(
    values.map((value) => value.date),
    frame,
  )
  const y = yScale(max, frame)
  const points: PlottedPoint[] = []
  let path = ''
  let pen = false
  for (const { date, value } of values) {
    if (value === null) {
      pen = false
      continue
    }
    const point = { x: round(x(date)), y: round(y(value)), date, value }
    points.push(point)
    path += `${path === '' ? '' : ' '}${pen ? 'L' : 'M'}${point.x} ${point.y}`
    pen = true
  }
  return { points, path }
}

/** At most `count` dates to label on the x axis: the first, the last and evenly between. */
export function dateTicks(dates: readonly string[], count = 5): readonly string[] {
  if (dates.length <= count) return dates
  const picked = new Set<string>()
  for (let index = 0; index < count; index += 1) {
    const at = Math.round((index * (dates.length - 1)) / (count - 1))
    const date = dates[at]
    if (date !== undefined) picked.add(date)
  }
  return [...picked]
}

/**
 * The chart in a sentence, for screen readers and the SVG's description: first and last value
 * with their dates, and the highest ('From 3 on 1 Jun 1923 to 12 on 2 Dec 1923; highest 12').
 */
export function describeSeries(
  values: readonly DatedValue[],
  format: (value: number) => string,
  formatDate: (date: string) => string,
): string {
  const measured = values.filter((entry): entry is { date: string; value: number } => entry.value !== null)
  const first = measured[0]
  const last = measured.at(-1)
  if (!first || !last) return 'Nothing measured in these snapshots.'
  if (measured.length === 1) return `${format(first.value)} on ${formatDate(first.date)}.`
  const highest = Math.max(...measured.map((entry) => entry.value))
  return `From ${format(first.value)} on ${formatDate(first.date)} to ${format(last.value)} on ${formatDate(
    last.date,
  )}; highest ${format(highest)}.`
}
