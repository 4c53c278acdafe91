import { apiGet, queryString } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate, formatShortDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { percent } from './audit-format.ts'
import { LineChart } from './LineChart.tsx'
import { niceMax } from './trend-chart.ts'
import type { AuditTrend } from './types.ts'

interface TrendSectionProps {
  readonly bodyId: number
  readonly bodyName: string
  /** The last day of the trend: the audit's date (the year before it is shown). */
  readonly asOf: string
}

/** The year of daily snapshots up to the audit's date: violations and the elected share, as two line charts. */
export function TrendSection({ bodyId, bodyName, asOf }: TrendSectionProps) {
  const trend = useAsync(
    () => apiGet<AuditTrend>(`/bodies/${bodyId}/audit/trend${queryString({ to: asOf })}`),
    [bodyId, asOf],
  )
  return (
    <section className="card" aria-labelledby="audit-trend-title">
      <h2 id="audit-trend-title">Trend</h2>
      {trend.status === 'loading' ? <Loading label="Loading the trend…" /> : null}
      {trend.status === 'error' ? <ErrorMessage error={trend.error} onRetry={trend.reload} /> : null}
      {trend.status === 'ready' ? <TrendCharts trend={trend.data} bodyName={bodyName} /> : null}
    </section>
  )
}

function TrendCharts({ trend, bodyName }: { readonly trend: AuditTrend; readonly bodyName: string }) {
  const { points } = trend
  if (points.length === 0)
    return (
      <p className="empty">
        No snapshot of {bodyName} between {formatLongDate(trend.from)} and {formatLongDate(trend.to)}. The
        audit keeps a daily snapshot of every body with bodies below it; a unit’s findings are its record.
      </p>
    )
  const violations = points.map((point) => ({ date: point.onDate, value: point.totals.violation }))
  const shares = points.map((point) => ({
    date: point.onDate,
    value: point.ratios.electedPosts.share === null ? null : point.ratios.electedPosts.share * 100,
  }))
  const first = points[0]
  const last = points.at(-1)
  return (
    <>
      <p className="muted">
        {points.length === 1
          ? `One snapshot, of ${formatShortDate(first?.onDate ?? trend.from)}.`
          : `${points.length} snapshots, ${formatShortDate(first?.onDate ?? trend.from)} to ${formatShortDate(
              last?.onDate ?? trend.to,
            )}.`}
      </p>
      <div className="trend-charts">
        <LineChart
          title="Violations"
          values={violations}
          max={niceMax(Math.max(...violations.map((entry) => entry.value)))}
          format={(value) => String(Math.round(value))}
          tone="bad"
        />
        <LineChart
          title="Elective posts filled by election"
          values={shares}
          max={100}
          format={(value) => percent(value / 100)}
          tone="good"
        />
      </div>
      <details className="trend-figures">
        <summary>The figures</summary>
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">Snapshots of {bodyName}</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Violations
                </th>
                <th scope="col" className="num">
                  Warnings
                </th>
                <th scope="col" className="num">
                  Elected share
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.onDate}>
                  <th scope="row">{formatShortDate(point.onDate)}</th>
                  <td className="num">{point.totals.violation}</td>
                  <td className="num">{point.totals.warning}</td>
                  <td className="num">{percent(point.ratios.electedPosts.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  )
}
