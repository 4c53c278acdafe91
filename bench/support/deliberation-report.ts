import { loadavg } from 'node:os'
import type { DiscussionFigures } from './deliberation-discussion.ts'
import { type LatencyFigures, ms, percentile, type SaturationFigures } from './deliberation-sampling.ts'
import type { SigningFigures } from './deliberation-signing.ts'

/** "after signing: 1.52 / 1.31 / 1.10": the load average at a named moment of the run. */
export function loadLine(moment: string): string {
  return `${moment}: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`
}

/** Everything the report shows. */
export interface DeliberationReport {
  readonly backend: string
  readonly description: string
  readonly command: string
  readonly members: number
  readonly units: number
  readonly machine: { readonly cores: number; readonly model: string; readonly memoryGiB: number }
  readonly loads: readonly string[]
  readonly raising: { readonly rows: readonly LatencyFigures[]; readonly plans: readonly string[] }
  readonly signing: SigningFigures
  readonly discussion: DiscussionFigures
  readonly questions: {
    readonly total: number
    readonly filler: number
    readonly fillSeconds: number
    readonly confidential: number
  }
  readonly reads: { readonly rows: readonly LatencyFigures[]; readonly plans: readonly string[] }
}

const n = (value: number) => Math.round(value).toLocaleString('en-GB')

function latencyTable(rows: readonly LatencyFigures[]): string[] {
  return [
    '| call | scope | samples | p50 ms | p95 ms | p99 ms | max ms | load (1 min) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.what} | ${row.scope} | ${row.samples}${row.cut ? ' (time budget)' : ''} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${ms(row.max)} | ${row.load.toFixed(2)} |`,
    ),
  ]
}

function signingLine(run: string, figures: SaturationFigures, concurrency: number): string {
  const sorted = [...figures.latencies].sort((a, b) => a - b)
  const failures = Object.entries(figures.failures)
    .map(([code, count]) => `${code} × ${count}`)
    .join(', ')
  return `| ${run} | ${n(figures.done)}${figures.cut ? ' (time budget)' : ''} | ${concurrency} | ${figures.seconds.toFixed(1)} | ${n(figures.done / figures.seconds)} | ${ms(percentile(sorted, 0.5))} | ${ms(percentile(sorted, 0.95))} | ${ms(percentile(sorted, 0.99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${failures || 'none'} |`
}

/** The markdown of bench/results/deliberation-<backend>.md. */
export function renderReport(report: DeliberationReport): string {
  const { signing, discussion, questions } = report
  const rate = (run: SaturationFigures) => run.done / run.seconds
  const at = (run: SaturationFigures, q: number) =>
    percentile(
      [...run.latencies].sort((a, b) => a - b),
      q,
    )
  const lines = [
    `# Charter benchmark: deliberation on ${report.backend}`,
    '',
    `Run ${new Date().toISOString()}, ${n(report.members)} members in ${n(report.units)} units; ${report.description}.`,
    '',
    '```sh',
    report.command,
    '```',
    '',
    '| machine | |',
    '|---|---|',
    `| cores | ${report.machine.cores} × ${report.machine.model} |`,
    `| memory | ${report.machine.memoryGiB.toFixed(1)} GiB |`,
    `| node | ${process.version} |`,
    `| load average (1 / 5 / 15 min) | ${report.loads.join('; ')} |`,
    '',
    'Figures only, never pass/fail. The machine is shared: compare ratios within one run.',
    'Charter: charter/default.yaml with the synthetic levels (bench/support/bench-charter.ts); an',
    'initiative needs a tenth of the members and candidates in scope (`deliberation.initiative`).',
    '',
    '## 1. Raising an initiative: counting the members in scope for the signature threshold',
    '',
    'Each call in its own transaction, rolled back; the time is `raiseQuestion` inside it (no commit).',
    'The initiator is a random member in scope. A question put by the body counts nobody: the baseline.',
    '',
    ...latencyTable(report.raising.rows),
    '',
    '## 2. Signing one initiative concurrently: the per-question counter row as a queue',
    '',
    'Each signature is `signQuestion` in its own transaction, begin to commit, each by a distinct member in',
    `scope. The initiatives are in the root body, where ${n(signing.required)} signatures open the discussion, so`,
    'every signature is counted while collecting. At each level of concurrency: one initiative, then the same',
    `number of signatures spread round-robin over ${signing.initiatives} fresh initiatives; last, up to 500`,
    'signatures of one initiative one at a time (nobody queues: the cost of one signature).',
    '',
    '| run | signatures | in flight | seconds | signatures/s | p50 ms | p95 ms | p99 ms | max ms | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...signing.pairs.flatMap((pair) => [
      signingLine('one initiative', pair.one, pair.concurrency),
      signingLine(`${signing.initiatives} initiatives`, pair.many, pair.concurrency),
    ]),
    signingLine('one initiative, alone', signing.serial, 1),
    '',
    '| in flight | throughput, one / many initiatives | p50, one / many | p99, one / many |',
    '|---:|---:|---:|---:|',
    ...signing.pairs.map(
      (pair) =>
        `| ${pair.concurrency} | **${(rate(pair.one) / rate(pair.many)).toFixed(2)}** | ${(at(pair.one, 0.5) / at(pair.many, 0.5)).toFixed(2)} | ${(at(pair.one, 0.99) / at(pair.many, 0.99)).toFixed(2)} |`,
    ),
    '',
    `Every initiative's \`signatures_count\` equals its signature rows: ${signing.countsMatch ? 'yes' : '**no**'}.`,
    '',
    '## 3. Reading a big discussion and a long list of questions',
    '',
    `The discussed question is in the root body: ${n(discussion.posted + discussion.bulk)} comments by distinct members`,
    `(about 7 % counter-proposals, 3 % amendments diffed on read, a quarter replies), of which`,
    `${n(discussion.posted)} posted through \`postComment\`, 10 in flight, in ${discussion.postSeconds.toFixed(1)} s`,
    `(${n(discussion.posted / Math.max(discussion.postSeconds, 1e-9))}/s)${discussion.bulk > 0 ? `, and the other ${n(discussion.bulk)} inserted as rows of the same shape (no events) when the time budget ran out` : ''}.`,
    `Supports, inserted as rows: ${n(discussion.proposalSupports)} of the proposal and ${n(discussion.commentSupports)} of comments,`,
    'skewed to the earliest (the first page carries the most). The root body holds',
    `${n(questions.total)} questions: the initiatives of part 2, the discussed one, and ${n(questions.filler)} put by the body`,
    `through \`raiseQuestion\` (${questions.fillSeconds.toFixed(1)} s), the first ${n(questions.confidential)} of them confidential;`,
    'the reader is a random member in scope who is in no audience, so those come back redacted.',
    '',
    ...latencyTable(report.reads.rows),
  ]
  const plans = [...report.raising.plans, ...report.reads.plans]
  if (plans.length > 0)
    lines.push('', '### Query plans: EXPLAIN (ANALYZE, BUFFERS) of the use cases’ own queries', '', ...plans)
  return `${lines.join('\n')}\n`
}
