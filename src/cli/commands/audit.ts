import type { AuditReport } from '../../core/audit/audit-report.ts'
import { auditReport } from '../../core/audit/audit-report.ts'
import { auditDate } from '../../core/audit/audit-source.ts'
import {
  admissionWording,
  count,
  decisionsWording,
  electedWording,
  NO_CHARTER,
  notMeasuredWording,
  postWording,
  severityCounts,
  severityHeading,
  worstPost,
} from '../../core/audit/audit-wording.ts'
import { type Finding, SEVERITIES } from '../../core/audit/finding.ts'
import { AppError } from '../../core/shared/errors.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

export interface AuditOptions extends DataOptions {
  readonly body?: number
  readonly asOf?: string
  readonly json?: boolean
  /** List every finding, not the first few of each kind. */
  readonly all?: boolean
  /** Print each finding's rule, evidence and id under its message. */
  readonly verbose?: boolean
}

/** Findings of one kind listed in a severity's section, unless --all. */
export const FINDINGS_PER_KIND = 5

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

/** The summary's measures, in the printable report's words (core/audit/audit-wording.ts). */
function ratioLines(report: AuditReport): string[] {
  const { ratios } = report.summary
  const { discussedDecisions: decisions, workerAdmission: admission } = ratios
  return [
    'Line and practice',
    `  ${electedWording(ratios.electedPosts)}`,
    ...ratios.electedPosts.posts.map((post) => `    ${postWording(post)}`),
    `  ${decisionsWording(decisions)} (${decisions.from} to ${decisions.to})`,
    `  ${admissionWording(admission)} (${admission.from} to ${admission.to})`,
    `  ${notMeasuredWording('reportPunctuality', ratios.reportPunctuality)}`,
    `  ${notMeasuredWording('conferenceRegularity', ratios.conferenceRegularity)}`,
  ]
}

/** The direct children side by side, with each one's most appointed post. */
function childLines(report: AuditReport): string[] {
  const { children } = report.summary
  if (children.length === 0) return []
  const rows = [
    [
      '  body',
      'violations',
      'warnings',
      'notices',
      'posts elected',
      'after discussion',
      'admission (median)',
      'most appointed post',
    ],
    ...children.map((child) => {
      const worst = worstPost(child.ratios.electedPosts)
      return [
        `  ${child.body.name} (${child.body.id})`,
        count(child.totals.violation),
        count(child.totals.warning),
        count(child.totals.notice),
        `${count(child.ratios.electedPosts.elected)} of ${count(child.ratios.electedPosts.total)}`,
        `${count(child.ratios.discussedDecisions.afterDiscussion)} of ${count(child.ratios.discussedDecisions.total)}`,
        child.ratios.workerAdmission.medianDays === null
          ? '—'
          : `${child.ratios.workerAdmission.medianDays} days`,
        worst ? postWording(worst) : '—',
      ]
    }),
  ]
  return ['', 'Side by side', ...table(rows)]
}

/** One severity's findings, grouped by kind in the report's order, a few of each unless `all`. */
function severityLines(report: AuditReport, group: readonly Finding[], options: AuditOptions): string[] {
  const lines: string[] = []
  const order = report.summary.byKind.map((entry) => entry.kind)
  const kinds = [...new Set(group.map((finding) => finding.kind))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  )
  for (const kind of kinds) {
    const ofKind = group.filter((finding) => finding.kind === kind)
    const title = report.summary.byKind.find((entry) => entry.kind === kind)?.title ?? kind
    lines.push(`  ${title} (${kind}): ${count(ofKind.length)}`)
    const shown = options.all ? ofKind : ofKind.slice(0, FINDINGS_PER_KIND)
    for (const finding of shown) {
      lines.push(`    ${finding.since}  ${finding.message}`)
      if (options.verbose) {
        const evidence = finding.evidence.length > 0 ? finding.evidence.join(', ') : 'none (an absence)'
        lines.push(`        rule ${finding.rule} · evidence ${evidence} · ${finding.id}`)
      }
    }
    if (shown.length < ofKind.length) {
      lines.push(`    … and ${count(ofKind.length - shown.length)} more (use --all, --json or the CSV)`)
    }
  }
  return lines
}

/**
 * The report as text: summary, measures, children, counts of the kinds found, findings by
 * severity and kind (a few of each unless `all`; rule, evidence and id with `verbose`), and the
 * kinds not audited yet. A date with no charter in force is one sentence: there was nothing to check.
 */
export function formatAuditReport(report: AuditReport, options: AuditOptions = {}): string {
  const { summary, findings } = report
  const title = `Audit of ${summary.body.name} (body ${summary.body.id}) as of ${report.asOf}`
  if (!summary.charter) {
    return `${title}: ${NO_CHARTER}.`
  }
  const lines = [
    title,
    `Charter: ${summary.charter.name}, in force from ${summary.charter.effectiveFrom}.`,
    '',
    `Findings: ${severityCounts(summary.totals)}`,
    '',
    ...ratioLines(report),
    ...childLines(report),
  ]
  const found = summary.byKind.filter((entry) => entry.total > 0)
  if (found.length > 0) {
    lines.push('', 'By kind (kinds with findings)')
    for (const entry of found) lines.push(`  ${entry.title} (${entry.kind}): ${severityCounts(entry)}`)
  }
  for (const severity of SEVERITIES) {
    const group = findings.filter((finding) => finding.severity === severity)
    if (group.length === 0) continue
    lines.push(
      '',
      `${severityHeading(severity)} (${count(group.length)})`,
      ...severityLines(report, group, options),
    )
  }
  if (findings.length === 0) lines.push('', 'No findings.')
  lines.push('', 'Not audited yet')
  for (const entry of summary.absent) lines.push(`  ${entry.kind}: waits for ${entry.waitsFor}`)
  return lines.join('\n')
}

/** Prints a refusal in one line, as the other option errors, with a failing exit code. */
function refuse(message: string): void {
  console.error(`error: ${message}`)
  process.exitCode = 1
}

/**
 * `charter audit [--body ID] [--as-of DATE] [--all] [--verbose] [--json]`: the audit of a body's
 * subtree (default the root) as of a date (default today). It runs the checks live rather than
 * reading the stored findings: the command needs no server's follower to have run, and reads
 * exactly the data as it stands (stored findings may lag the last events by a follower pass). It
 * writes no data (opening the database applies any pending migration), and refuses a data folder that holds no database rather than create one. The
 * operator at the console sees every finding, those about members included.
 */
export async function auditCommand(options: AuditOptions): Promise<void> {
  const { database, clock } = await openRuntime(options, { mustExist: true })
  try {
    const db = database.db
    let asOf: string
    try {
      asOf = auditDate(clock, options.asOf ?? null)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      return refuse(`--as-of ${error.message}`)
    }
    const bodyId =
      options.body ??
      (await db.selectFrom('bodies').select('id').where('parent_id', 'is', null).executeTakeFirst())?.id
    if (bodyId === undefined) return refuse('the organisation has no bodies yet')
    let report: AuditReport
    try {
      report = await auditReport(db, clock, { bodyId, asOf, live: true })
    } catch (error) {
      if (error instanceof AppError && error.code === 'BODY_NOT_FOUND') {
        return refuse(`--body ${bodyId}: no body has this id`)
      }
      throw error
    }
    console.log(
      options.json
        ? JSON.stringify({ asOf: report.asOf, summary: report.summary, findings: report.findings }, null, 2)
        : formatAuditReport(report, options),
    )
  } finally {
    await database.close()
  }
}
