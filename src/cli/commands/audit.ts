import { type AuditReport, auditReport } from '../../core/audit/audit-report.ts'
import { auditDate } from '../../core/audit/audit-source.ts'
import { SEVERITIES } from '../../core/audit/finding.ts'
import { AppError } from '../../core/shared/errors.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

export interface AuditOptions extends DataOptions {
  readonly body?: number
  readonly asOf?: string
  readonly json?: boolean
}

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`)
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Pads cells to their column's width (the last column is left as it is). */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)))
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  )
}

/** The report as text: summary, ratios, children, counts by kind, findings by severity, absent checks. */
export function formatAuditReport(report: AuditReport): string {
  const { summary, findings } = report
  const { electedPosts: posts, discussedDecisions: decisions, workerAdmission: admission } = summary.ratios
  const lines = [
    `Audit of ${summary.body.name} (body ${summary.body.id}) as of ${report.asOf}`,
    summary.charter
      ? `Charter: ${summary.charter.name}, in force from ${summary.charter.effectiveFrom}.`
      : 'No charter was in force on this date: nothing to check.',
    '',
    `Findings: ${plural(summary.totals.violation, 'violation')}, ${plural(summary.totals.warning, 'warning')}, ` +
      `${plural(summary.totals.notice, 'notice')}`,
    '',
    'Line and practice',
    `  Elective posts filled by election: ${posts.elected} of ${posts.total} (${percent(posts.share)}); ${posts.appointed} appointed`,
    ...posts.posts.map(
      (post) => `    ${post.title}: ${post.appointed} of ${post.total} appointed, ${post.elected} elected`,
    ),
    `  Major decisions ${decisions.from} to ${decisions.to}: ${decisions.afterDiscussion} of ${decisions.total} ` +
      `after discussion (${percent(decisions.share)}); ${decisions.urgent} urgent, ${decisions.confidential} ` +
      `confidential, ${decisions.withoutDiscussion} without discussion`,
    admission.medianDays === null
      ? `  Worker admissions: none decided ${admission.from} to ${admission.to}`
      : `  Worker admissions: median ${admission.medianDays} days from application ` +
        `(${admission.decided} decided ${admission.from} to ${admission.to})`,
    `  Report punctuality: not measured (${summary.ratios.reportPunctuality.notMeasured})`,
    `  Conference regularity: not measured (${summary.ratios.conferenceRegularity.notMeasured})`,
  ]
  if (summary.children.length > 0) {
    lines.push('', 'Side by side')
    const rows = [
      [
        '  body',
        'violations',
        'warnings',
        'notices',
        'posts elected',
        'after discussion',
        'admission (median)',
      ],
      ...summary.children.map((child) => [
        `  ${child.body.name} (${child.body.id})`,
        String(child.totals.violation),
        String(child.totals.warning),
        String(child.totals.notice),
        `${child.ratios.electedPosts.elected} of ${child.ratios.electedPosts.total}`,
        `${child.ratios.discussedDecisions.afterDiscussion} of ${child.ratios.discussedDecisions.total}`,
        child.ratios.workerAdmission.medianDays === null
          ? '—'
          : `${child.ratios.workerAdmission.medianDays} days`,
      ]),
    ]
    lines.push(...table(rows))
  }
  lines.push('', 'By kind')
  if (summary.byKind.length === 0) lines.push('  (no checks yet)')
  for (const entry of summary.byKind) {
    lines.push(
      `  ${entry.title} (${entry.kind}): ${plural(entry.violation, 'violation')}, ` +
        `${plural(entry.warning, 'warning')}, ${plural(entry.notice, 'notice')}`,
    )
  }
  for (const severity of SEVERITIES) {
    const group = findings.filter((finding) => finding.severity === severity)
    if (group.length === 0) continue
    lines.push('', `${severity[0]?.toUpperCase()}${severity.slice(1)}s (${group.length})`)
    for (const finding of group) {
      lines.push(
        `  ${finding.since}  ${finding.message}`,
        `      rule ${finding.rule} · evidence ${finding.evidence.length > 0 ? finding.evidence.join(', ') : 'none (an absence)'} · ${finding.id}`,
      )
    }
  }
  if (findings.length === 0) lines.push('', 'No findings.')
  lines.push('', 'Not audited yet')
  for (const entry of summary.absent) lines.push(`  ${entry.kind}: waits for ${entry.waitsFor}`)
  return lines.join('\n')
}

/**
 * `charter audit [--body ID] [--as-of DATE] [--json]`: the audit of a body's subtree (default the
 * root) as of a date (default today). It runs the checks live rather than reading the stored
 * findings: the command needs no server's follower to have run, and reads exactly the data as it
 * stands (stored findings may lag the last events by a follower pass). It writes nothing.
 */
export async function auditCommand(options: AuditOptions): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const db = database.db
    let asOf: string
    try {
      asOf = auditDate(clock, options.asOf ?? null)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      console.error(`error: --as-of ${error.message}`)
      process.exitCode = 1
      return
    }
    const bodyId =
      options.body ??
      (await db.selectFrom('bodies').select('id').where('parent_id', 'is', null).executeTakeFirst())?.id
    if (bodyId === undefined) throw new AppError('BODY_NOT_FOUND', 'The organisation has no bodies yet')
    const report = await auditReport(db, clock, { bodyId, asOf, live: true })
    console.log(
      options.json
        ? JSON.stringify({ asOf: report.asOf, summary: report.summary, findings: report.findings }, null, 2)
        : formatAuditReport(report),
    )
  } finally {
    await database.close()
  }
}
