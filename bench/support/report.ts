import { cpus, loadavg, totalmem } from 'node:os'
import type { CsvImportFigures } from './csv-import.ts'
import type { LatencyRow } from './latency.ts'
import type { PassFigures } from './log-passes.ts'
import type { SyntheticLogFigures } from './synthetic-events.ts'

/** Targets from the spec's reference load, judged on the PostgreSQL server only. */
export const TARGETS = { loadSeconds: 60, loadMembers: 2_000_000, p95Ms: 50 } as const

export interface LoadFigures {
  readonly members: number
  readonly units: number
  readonly bodies: number
  readonly seconds: number
  /** When the last row had been streamed into the staging table; the rest is checks and insert. */
  readonly stagedSeconds: number
  readonly analyzeSeconds: number
  readonly databaseMegabytes: number | null
}

/** Everything one backend's run produced; missing parts (after a failure) stay undefined. */
export interface BackendReport {
  readonly backend: 'pglite' | 'postgres'
  readonly description: string
  readonly command: string
  readonly startedAt: Date
  readonly wallSeconds: number
  readonly load?: LoadFigures
  readonly csv?: CsvImportFigures
  readonly latencies?: readonly LatencyRow[]
  readonly eventLog?: string
  readonly eventLogNote?: string
  readonly plans?: string
  /** The eligibility section (bench/eligibility.ts), markdown. */
  readonly eligibility?: string
  /** The counting section (bench/support/counting-section.ts), markdown; the same for every backend. */
  readonly counting?: string
  /** The synthetic log the newer reads run on, and those reads' figures and plans. */
  readonly syntheticLog?: SyntheticLogFigures
  readonly newerLatencies?: readonly LatencyRow[]
  readonly newerPlans?: string
  readonly logPasses?: readonly PassFigures[]
  readonly errors: readonly string[]
}

function latencyTable(rows: readonly LatencyRow[], server: boolean): string[] {
  const lines = [
    `| query | scope level | samples | p50 ms | p95 ms | max ms | ${server ? `p95 ≤ ${TARGETS.p95Ms} ms` : 'target'} |`,
    '|---|---|---:|---:|---:|---:|---|',
  ]
  for (const row of rows) {
    const verdict = server ? (row.p95 <= TARGETS.p95Ms ? 'met' : '**missed**') : '(server only)'
    lines.push(
      `| ${row.query} | ${row.level} | ${row.samples} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.max)} | ${verdict} |`,
    )
  }
  return lines
}

const n0 = (value: number) => Math.round(value).toLocaleString('en-GB')
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')

/** The markdown record of one backend's run: machine notes, command, then one table per figure. */
export function renderReport(report: BackendReport): string {
  const server = report.backend === 'postgres'
  const cpu = cpus()
  const lines = [
    `# Charter benchmark: ${report.backend}`,
    '',
    `Run ${report.startedAt.toISOString()}, ${n0(report.wallSeconds)} s wall time in all.`,
    '',
    '```sh',
    report.command,
    '```',
    '',
    '| machine | |',
    '|---|---|',
    `| cores | ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'} |`,
    `| memory | ${(totalmem() / 2 ** 30).toFixed(1)} GiB |`,
    `| load average at the end (1/5/15 min) | ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')} |`,
    `| node | ${process.version} |`,
    `| backend | ${report.description} |`,
    '',
    'A shared 2-core machine: other work ran at the same time, so read p50 as the typical figure',
    'and compare ratios within one run rather than absolute numbers across runs.',
  ]
  if (report.load) {
    const load = report.load
    const rate = load.members / load.seconds
    const projected = (TARGETS.loadMembers / rate).toFixed(0)
    const verdict = server
      ? `${load.members >= TARGETS.loadMembers ? (load.seconds <= TARGETS.loadSeconds ? 'met' : 'missed') : `projected ${projected} s for 2M`} (target 2M ≤ ${TARGETS.loadSeconds} s)`
      : 'no target (embedded)'
    lines.push(
      '',
      '## Load: generateOrganisation (one transaction, bulk loader)',
      '',
      '| members | units | bodies | seconds | of which tree + staging | members/s | ANALYZE s | database size | vs target |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      `| ${n0(load.members)} | ${n0(load.units)} | ${n0(load.bodies)} | ${load.seconds.toFixed(1)} | ${load.stagedSeconds.toFixed(1)} | ${n0(rate)} | ${load.analyzeSeconds.toFixed(1)} | ${load.databaseMegabytes === null ? '–' : `${n0(load.databaseMegabytes)} MB`} | ${verdict} |`,
    )
  }
  if (report.csv) {
    const csv = report.csv
    lines.push(
      '',
      '## CSV import: importMembersCsv on a file stream (parse, validate, COPY, checks)',
      '',
      '| rows | file | seconds | members/s |',
      '|---:|---:|---:|---:|',
      `| ${n0(csv.rows)} | ${csv.megabytes.toFixed(1)} MB | ${csv.seconds.toFixed(1)} | ${n0(csv.membersPerSecond)} |`,
    )
  }
  if (report.latencies) {
    lines.push('', '## Read latency (random bodies, seeded; first page unless it says next page)', '')
    lines.push(...latencyTable(report.latencies, server))
  }
  if (report.plans) {
    lines.push('', '## Query plans: EXPLAIN (ANALYZE, BUFFERS) of listMembers as it runs', '', report.plans)
  }
  if (report.eligibility) lines.push('', report.eligibility)
  if (report.counting) lines.push('', report.counting)
  if (report.syntheticLog) {
    const log = report.syntheticLog
    lines.push(
      '',
      '## Newer read paths, on a synthetic event log',
      '',
      `${n0(log.events)} events written in one INSERT … SELECT (${log.seconds.toFixed(1)} s, ANALYZE ${log.analyzeSeconds.toFixed(1)} s;`,
      'bench set-up, not a product figure): 30 % member-record reads (list pages of a unit, detail views),',
      '15 % sign-ins, 25 % member updates, 15 % status changes, 10 % transfers (with their history',
      'rows), 5 % renames, on random units, ids rising over two years. Search: "Unit n" for a random',
      'n (rare: about 1 to 11 matches) and one of factory / village / office (common: tens of thousands).',
      'Personal data: random members listed in some member-list read.',
      '',
    )
  }
  if (report.newerLatencies) lines.push(...latencyTable(report.newerLatencies, server))
  if (report.logPasses) {
    lines.push(
      '',
      '### Sealer and verify-log over the whole synthetic log',
      '',
      '| pass | events | seals | seconds | events/s |',
      '|---|---:|---:|---:|---:|',
      ...report.logPasses.map(
        (p) =>
          `| ${p.pass} | ${n0(p.events)} | ${n0(p.seals)} | ${p.seconds.toFixed(1)} | ${n0(p.eventsPerSecond)} |`,
      ),
    )
  }
  if (report.newerPlans) {
    lines.push(
      '',
      '## Query plans: EXPLAIN (ANALYZE, BUFFERS) of the newer reads as they run',
      '',
      report.newerPlans,
    )
  }
  if (report.eventLog || report.eventLogNote) {
    lines.push('', '## Event log: concurrent writers, sealer, verify-log', '')
    if (report.eventLogNote) lines.push(report.eventLogNote, '')
    if (report.eventLog) lines.push(report.eventLog)
  }
  if (report.errors.length > 0) {
    lines.push('', '## Errors', '', ...report.errors.map((error) => `- ${error}`))
  }
  return `${lines.join('\n')}\n`
}
