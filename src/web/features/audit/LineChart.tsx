import { useId } from 'react'
import { formatShortDate } from '../../shared/format.ts'
import {
  type ChartFrame,
  type DatedValue,
  dateTicks,
  describeSeries,
  plotSeries,
  xScale,
  yScale,
  yTicks,
} from './trend-chart.ts'

const FRAME: ChartFrame = { width: 560, height: 180, left: 44, right: 16, top: 12, bottom: 28 }

interface LineChartProps {
  /** What the line measures, e.g. "Violations"; the SVG's title. */
  readonly title: string
  readonly values: readonly DatedValue[]
  /** The top of the y axis. */
  readonly max: number
  /** A value as the axis and the points' tooltips write it ('12', '62%'). */
  readonly format: (value: number) => string
  /** The line's colour class (audit.css). */
  readonly tone: 'bad' | 'good'
}

/**
 * A line chart over dated snapshots, drawn as inline SVG (no chart library). It is an image with
 * a title and a one-sentence description; each point carries its date and value as a tooltip.
 */
export function LineChart({ title, values, max, format, tone }: LineChartProps) {
  const id = useId()
  const series = plotSeries(values, max, FRAME)
  const x = xScale(
    values.map((value) => value.date),
    FRAME,
  )
  const y = yScale(max, FRAME)
  const bottom = FRAME.height - FRAME.bottom
  const ticks = dateTicks(values.map((value) => value.date))
  const anchor = (index: number) =>
    ticks.length < 2 ? 'middle' : index === 0 ? 'start' : index === ticks.length - 1 ? 'end' : 'middle'
  return (
    <figure className="line-chart">
      <svg
        viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describeSeries(values, format, formatShortDate)}</desc>
        {yTicks(max).map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(tick)} y2={y(tick)} />
            <text x={FRAME.left - 6} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {ticks.map((date, index) => (
          // The first and last labels lean inwards, so the frame's edges do not cut them.
          <text key={date} className="chart-date" x={x(date)} y={bottom + 18} textAnchor={anchor(index)}>
            {formatShortDate(date)}
          </text>
        ))}
        <path className={`chart-line ${tone}`} d={series.path} />
        {series.points.map((point) => (
          <circle key={point.date} className={`chart-point ${tone}`} cx={point.x} cy={point.y} r={3.5}>
            <title>{`${formatShortDate(point.date)}: ${format(point.value)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}
