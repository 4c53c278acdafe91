import type { MeasuredRatios } from '../core/audit/audit-ratios.ts'
import type { AuditReport } from '../core/audit/audit-report.ts'
import {
  admissionWording,
  decisionsWording,
  electedWording,
  NO_CHARTER,
  notMeasuredWording,
  percent,
  plural,
  postWording,
  sentence,
  severityHeading,
  worstPost,
} from '../core/audit/audit-wording.ts'
import type { Finding } from '../core/audit/finding.ts'
import type { AuditTrend } from '../core/audit/list-audit-trend.ts'

/**
 * The printable audit report: one standalone HTML page, charts drawn here as inline SVG (no
 * script, no external file), every piece of data escaped. Served with a policy that allows its
 * inline style and nothing else (see app.ts).
 */

/** Rows of the findings table at most; the CSV export has them all. */
export const REPORT_FINDINGS_LIMIT = 2_000

const COLOURS = {
  violation: '#b3261e',
  warning: '#c77700',
  notice: '#4a6fa5',
  good: '#2e7d32',
  muted: '#9e9e9e',
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

interface Segment {
  readonly label: string
  readonly value: number
  readonly colour: string
}

/** A horizontal bar split into segments by value, each titled (a print-friendly bar chart). */
function stackedBar(segments: readonly Segment[], width = 360, height = 16): string {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0)
  let x = 0
  const rects =
    total === 0
      ? `<rect x="0" y="0" width="${width}" height="${height}" fill="#eee"><title>none</title></rect>`
      : segments
          .filter((segment) => segment.value > 0)
          .map((segment) => {
            const w = (segment.value / total) * width
            const rect = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="${height}" fill="${segment.colour}"><title>${escapeHtml(segment.label)}: ${segment.value}</title></rect>`
            x += w
            return rect
          })
          .join('')
  return `<svg class="bar" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rects}</svg>`
}

function ratioRow(label: string, bar: string, text: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${bar}</td><td>${escapeHtml(text)}</td></tr>`
}

function electedBar(elected: number, appointed: number, width = 360): string {
  return stackedBar(
    [
      { label: 'elected', value: elected, colour: COLOURS.good },
      { label: 'appointed', value: appointed, colour: COLOURS.violation },
    ],
    width,
  )
}

function ratiosSection(ratios: MeasuredRatios, notMeasured: readonly string[]): string {
  const { electedPosts: posts, discussedDecisions: decisions, workerAdmission: admission } = ratios
  const rows = [
    ratioRow(
      'Elective posts filled by election',
      electedBar(posts.elected, posts.appointed),
      electedWording(posts),
    ),
    ...posts.posts.map((post) =>
      ratioRow(`— ${post.title}`, electedBar(post.elected, post.appointed), postWording(post)),
    ),
    ratioRow(
      `Major decisions ${decisions.from} to ${decisions.to}`,
      stackedBar([
        { label: 'after discussion', value: decisions.afterDiscussion, colour: COLOURS.good },
        { label: 'urgent', value: decisions.urgent, colour: COLOURS.warning },
        { label: 'confidential', value: decisions.confidential, colour: COLOURS.notice },
        { label: 'without discussion', value: decisions.withoutDiscussion, colour: COLOURS.violation },
      ]),
      decisionsWording(decisions),
    ),
    ratioRow(`Worker admissions ${admission.from} to ${admission.to}`, '', admissionWording(admission)),
    ...notMeasured.map(
      (line) => `<tr><th scope="row" colspan="3" class="muted">${escapeHtml(line)}</th></tr>`,
    ),
  ]
  return `<table class="ratios"><tbody>${rows.join('')}</tbody></table>`
}

interface Series {
  readonly label: string
  readonly colour: string
  readonly values: readonly (number | null)[]
}

/** A line chart over dates (x evenly by snapshot), with a zero-based y axis and a legend. */
function lineChart(
  dates: readonly string[],
  series: readonly Series[],
  format: (v: number) => string,
): string {
  if (dates.length === 0) return '<p class="muted">No snapshots in this period yet.</p>'
  const width = 640
  const height = 200
  const pad = { left: 44, right: 12, top: 10, bottom: 28 }
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  const max = Math.max(1, ...all)
  const x = (i: number) =>
    pad.left + (dates.length === 1 ? 0 : (i / (dates.length - 1)) * (width - pad.left - pad.right))
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom)
  const lines = series.map((s) => {
    const points = s.values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]))
    const dots = s.values
      .map((v, i) =>
        v === null
          ? ''
          : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${s.colour}"><title>${escapeHtml(`${s.label} ${dates[i]}: ${format(v)}`)}</title></circle>`,
      )
      .join('')
    return `<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${points.join(' ')}"/>${dots}`
  })
  const axis =
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#555"/>` +
    `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#555"/>` +
    `<text x="${pad.left - 4}" y="${y(max) + 4}" text-anchor="end" font-size="10">${escapeHtml(format(max))}</text>` +
    `<text x="${pad.left - 4}" y="${height - pad.bottom}" text-anchor="end" font-size="10">${escapeHtml(format(0))}</text>` +
    `<text x="${pad.left}" y="${height - 8}" font-size="10">${escapeHtml(dates[0])}</text>` +
    `<text x="${width - pad.right}" y="${height - 8}" text-anchor="end" font-size="10">${escapeHtml(dates[dates.length - 1])}</text>`
  const legend = series
    .map(
      (s) =>
        `<span class="key"><span class="swatch" data-colour="${s.colour}">■</span> ${escapeHtml(s.label)}</span>`,
    )
    .join(' ')
  return `<svg class="chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${axis}${lines.join('')}</svg><p class="legend">${legend}</p>`
}

function trendSection(trend: AuditTrend): string {
  const dates = trend.points.map((p) => p.onDate)
  const findings = lineChart(
    dates,
    [
      { label: 'violations', colour: COLOURS.violation, values: trend.points.map((p) => p.totals.violation) },
      { label: 'warnings', colour: COLOURS.warning, values: trend.points.map((p) => p.totals.warning) },
      { label: 'notices', colour: COLOURS.notice, values: trend.points.map((p) => p.totals.notice) },
    ],
    (v) => String(Math.round(v)),
  )
  const shares = lineChart(
    dates,
    [
      {
        label: 'posts filled by election',
        colour: COLOURS.good,
        values: trend.points.map((p) => p.ratios.electedPosts.share),
      },
      {
        label: 'major decisions after discussion',
        colour: COLOURS.notice,
        values: trend.points.map((p) => p.ratios.discussedDecisions.share),
      },
    ],
    (v) => percent(v),
  )
  return `<h3>Findings</h3>${findings}<h3>Shares</h3>${shares}`
}

function findingsSection(findings: readonly Finding[], withheld: number): string {
  const shown = findings.slice(0, REPORT_FINDINGS_LIMIT)
  const groups = (['violation', 'warning', 'notice'] as const).map((severity) => {
    const all = findings.filter((f) => f.severity === severity).length
    const rows = shown.filter((f) => f.severity === severity)
    if (all === 0) return ''
    const body = rows
      .map(
        (f) =>
          `<tr class="${severity}"><td class="date">${escapeHtml(f.since)}</td><td>${escapeHtml(f.bodyName)}</td><td>${escapeHtml(f.message)}</td>` +
          `<td><code>${escapeHtml(f.rule)}</code></td><td>${escapeHtml(f.evidence.join(' ') || '—')}</td></tr>`,
      )
      .join('')
    const heading = `${severityHeading(severity)} (${all}${rows.length < all ? `, ${rows.length} listed` : ''})`
    return `<h3>${escapeHtml(heading)}</h3>${
      rows.length === 0
        ? ''
        : `<table class="findings"><thead><tr><th>Since</th><th>Body</th><th>Finding</th><th>Rule</th><th>Evidence (events)</th></tr></thead><tbody>${body}</tbody></table>`
    }`
  })
  const more =
    findings.length > shown.length
      ? `<p class="muted">The first ${shown.length} of ${findings.length} findings; the CSV export lists them all.</p>`
      : ''
  const unlisted =
    withheld > 0
      ? `<p class="muted">${escapeHtml(
          `${plural(withheld, 'finding')} about members (pending applications) ${withheld === 1 ? 'is' : 'are'} counted above but not listed: ` +
            'they are listed only to those who may read the records of those members.',
        )}</p>`
      : ''
  return findings.length === 0
    ? `<p>No findings listed.</p>${unlisted}`
    : `${groups.join('')}${more}${unlisted}`
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; } h3 { margin-bottom: 0.3rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 0.25rem 0.5rem; vertical-align: top; }
table.findings td, table.findings th, table.children td, table.children th { border-bottom: 1px solid #e3e3e3; }
tr.violation td:first-child { border-left: 4px solid ${COLOURS.violation}; } tr.warning td:first-child { border-left: 4px solid ${COLOURS.warning}; }
tr.notice td:first-child { border-left: 4px solid ${COLOURS.notice}; }
.totals span { display: inline-block; margin-right: 1.5rem; font-size: 1.2rem; } .muted { color: #666; font-weight: normal; }
.swatch[data-colour="${COLOURS.violation}"] { color: ${COLOURS.violation}; } .swatch[data-colour="${COLOURS.warning}"] { color: ${COLOURS.warning}; }
.swatch[data-colour="${COLOURS.notice}"] { color: ${COLOURS.notice}; } .swatch[data-colour="${COLOURS.good}"] { color: ${COLOURS.good}; }
svg.chart { max-width: 100%; height: auto; } code { font-size: 0.85em; } td.date, table.children td:first-child { white-space: nowrap; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; } tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`

/** 'Unit secretary: 80 of 130 appointed', or '—' when no elective post is held by appointment. */
function mostAppointed(ratios: MeasuredRatios): string {
  const worst = worstPost(ratios.electedPosts)
  return worst ? postWording(worst) : '—'
}

/** The whole report page. */
export function renderAuditReportHtml(report: AuditReport, trend: AuditTrend): string {
  const { summary } = report
  const notMeasured = [
    notMeasuredWording('reportPunctuality', summary.ratios.reportPunctuality),
    notMeasuredWording('conferenceRegularity', summary.ratios.conferenceRegularity),
  ]
  const children =
    summary.children.length === 0
      ? ''
      : `<h2>Side by side</h2><table class="children"><thead><tr><th>Body</th><th>Violations</th><th>Warnings</th><th>Notices</th><th>Posts elected</th><th>Major decisions after discussion</th><th>Median worker admission</th><th>Most appointed post</th></tr></thead><tbody>${summary.children
          .map(
            (child) =>
              `<tr><td>${escapeHtml(child.body.name)}</td><td>${child.totals.violation}</td><td>${child.totals.warning}</td><td>${child.totals.notice}</td>` +
              `<td>${electedBar(child.ratios.electedPosts.elected, child.ratios.electedPosts.appointed, 140)} ${escapeHtml(`${child.ratios.electedPosts.elected} of ${child.ratios.electedPosts.total}`)}</td>` +
              `<td>${escapeHtml(`${child.ratios.discussedDecisions.afterDiscussion} of ${child.ratios.discussedDecisions.total}`)}</td>` +
              `<td>${escapeHtml(child.ratios.workerAdmission.medianDays === null ? '—' : `${child.ratios.workerAdmission.medianDays} days`)}</td>` +
              `<td>${escapeHtml(mostAppointed(child.ratios))}</td></tr>`,
          )
          .join('')}</tbody></table>`
  const byKind = summary.byKind
    .map(
      (entry) =>
        `<tr><td>${escapeHtml(entry.title)}</td><td><code>${escapeHtml(entry.kind)}</code></td><td>${entry.violation}</td><td>${entry.warning}</td><td>${entry.notice}</td></tr>`,
    )
    .join('')
  const charter = summary.charter
    ? `Charter: ${escapeHtml(summary.charter.name)}, in force from ${escapeHtml(summary.charter.effectiveFrom)}.`
    : escapeHtml(sentence(NO_CHARTER))
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`Audit of ${summary.body.name} as of ${report.asOf}`)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(`Audit of ${summary.body.name}`)}</h1>
<p>As of ${escapeHtml(report.asOf)}. ${charter} <span class="muted">Findings ${summary.source === 'stored' ? 'as stored today' : 'computed for this date'}.</span></p>
<p class="totals"><span>${summary.totals.violation} violations</span><span>${summary.totals.warning} warnings</span><span>${summary.totals.notice} notices</span></p>
<h2>Line and practice</h2>${ratiosSection(summary.ratios, notMeasured)}
${children}
<h2>Trend ${escapeHtml(trend.from)} to ${escapeHtml(trend.to)}</h2>${trendSection(trend)}
<h2>Findings by kind</h2><table class="children"><thead><tr><th>Check</th><th>Kind</th><th>Violations</th><th>Warnings</th><th>Notices</th></tr></thead><tbody>${byKind}</tbody></table>
<h2>Findings</h2>${findingsSection(report.findings, report.withheld)}
<h2>Not audited yet</h2><ul>${summary.absent.map((entry) => `<li><code>${escapeHtml(entry.kind)}</code>: waits for ${escapeHtml(entry.waitsFor)}</li>`).join('')}</ul>
</body></html>`
}
