import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Command, Option } from 'commander'
import { sql } from 'kysely'
import { AUDIT_CHECKS } from '../src/core/audit/checks.ts'
import { adoptCharter } from '../src/core/charter/adopt-charter.ts'
import { generateOrganisation } from '../src/core/demo/generate-organisation.ts'
import { cliActor } from '../src/core/shared/actor.ts'
import { ManualClock } from '../src/core/shared/clock.ts'
import { generateAuditFixture } from './support/audit-fixture.ts'
import {
  type Measure,
  measureEachCheck,
  measureFollower,
  measureFullAudit,
  measureLiveAudit,
  measureRegionAudit,
  measureScanCeiling,
  median,
  percentile,
} from './support/audit-measures.ts'
import { measureSummary } from './support/audit-summary.ts'
import { type BackendKind, openBackend } from './support/backends.ts'
import { benchCharterSource } from './support/bench-charter.ts'
import { positive } from './support/options.ts'

/**
 * The audit engine at reference scale (issue 6), figures only: on a generated organisation with
 * the bench charter in force and what the checks read (mandates, elections, questions, decisions,
 * tasks, meetings, applications; audit-fixture.ts), times (1) the full audit stored by
 * refreshFindings, and each check alone; (2) a live runAudit of one region; (3) the follower's
 * incremental pass after an election replaces an appointment (its finding must be gone); (4) the
 * roll-up of the root; (5) the ceiling, one sequential scan of each table the checks read, and the
 * full audit's ratio to it. `npx node bench/audit.ts --backend postgres [--quick]`.
 */

/** The target of issue 6, judged on the server: the full audit in at most 10 s. */
export const FULL_AUDIT_TARGET_MS = 10_000
/** The synthetic organisation's dates are the 1923 shape a century on: its "report day". */
const AS_OF = '2023-12-02'

const program = new Command('bench-audit')
  .description('Audit benchmark on a synthetic organisation')
  .option('--members <n>', 'members to generate', positive, 2_000_000)
  .option('--units <n>', 'units to generate', positive, 100_000)
  .addOption(
    new Option('--backend <kind>', 'which backend').choices(['pglite', 'postgres']).default('postgres'),
  )
  .option('--runs <n>', 'runs of each measure (at least 5)', positive, 7)
  .option('--questions <n>', 'questions (with their decisions and tasks)', positive, 5_000)
  .option('--quick', '100,000 members in 5,000 units, 1,000 questions', false)
  .parse()
const given = program.opts<{
  members: number
  units: number
  backend: BackendKind
  runs: number
  questions: number
  quick: boolean
}>()
const explicit = (name: string) => program.getOptionValueSource(name) === 'cli'
const quickValue = (name: string, value: number, quick: number) =>
  given.quick && !explicit(name) ? quick : value
const options = {
  ...given,
  members: quickValue('members', given.members, 100_000),
  units: quickValue('units', given.units, 5_000),
  questions: quickValue('questions', given.questions, 1_000),
  runs: Math.max(5, given.runs),
}

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)
const load = (moment: string) =>
  `${moment}: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 100 ? 1 : 0) : '–')
const command = `npx node bench/audit.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`

const loads = [load('before the load')]
const backend = await openBackend(options.backend, log, { dir: '/tmp/charter-bench-audit-pg', port: '54334' })
try {
  const { db } = backend.database
  const clock = new ManualClock(`${AS_OF}T09:00:00.000Z`)
  log(`${backend.description}: generating ${options.members} members in ${options.units} units…`)
  const loadStart = performance.now()
  await generateOrganisation(backend.database, clock, cliActor, {
    members: options.members,
    units: options.units,
    seed: 1923,
  })
  const version = await db.transaction().execute((trx) =>
    adoptCharter(
      { db: trx, clock, actor: cliActor },
      {
        source: benchCharterSource(),
        fileName: 'bench charter',
        decision: { kind: 'congress', title: 'Bench congress', decidedOn: '1998-01-01' },
        effectiveFrom: '1998-01-01',
      },
    ),
  )
  await sql`analyze`.execute(db)
  log(`organisation loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s; the audit's fixture…`)
  const fixture = await generateAuditFixture(db, {
    asOf: AS_OF,
    versionId: version.versionId,
    questions: options.questions,
  })
  log(`fixture in ${fixture.seconds.toFixed(1)} s: ${JSON.stringify(fixture.counts)}`)
  loads.push(load('after the load'))

  const runs = options.runs
  log('(5) the ceiling: sequential scans…')
  const ceiling = await measureScanCeiling(db, runs)
  const rows: Measure[] = []
  let checkRows: Measure[] = []
  if (AUDIT_CHECKS.length === 0) {
    log('AUDIT_CHECKS is empty: only the fixture and the ceiling are measured')
  } else {
    log(`(1) the full audit, ${AUDIT_CHECKS.length} checks…`)
    const full = await measureFullAudit(db, clock, runs)
    rows.push(full)
    log(`full audit: median ${ms(median(full.values))} ms`)
    rows.push(await measureLiveAudit(db, AS_OF, runs))
    checkRows = await measureEachCheck(db, AS_OF, AUDIT_CHECKS, Math.min(runs, 5))
    log('(2) one region, live…')
    rows.push(await measureRegionAudit(db, AS_OF, runs))
    log('(4) the roll-up of the root, live…')
    rows.push(await measureSummary(db, clock, AS_OF, runs, true))
    log('(3) the follower after an election…')
    rows.push(...(await measureFollower(db, clock, AS_OF, runs, log)))
    log('(4) the roll-up of the root, from the stored findings…')
    rows.push(await measureSummary(db, clock, AS_OF, runs, false))
  }
  loads.push(load('at the end'))

  const fullMedian = median(rows[0]?.values ?? [])
  const scanMedian = median(ceiling.total.values)
  const server = options.backend === 'postgres'
  const line = (row: Measure) =>
    `| ${row.name} | ${row.values.length} | ${ms(median(row.values))} | ${ms(percentile(row.values, 0.95))} | ${row.note} |`
  const kinds = await sql<{ kind: string; n: string }>`
    select kind, count(*) as n from audit_findings group by kind order by kind`.execute(db)
  const markdown = [
    `# Charter benchmark: the audit on ${options.backend}`,
    '',
    `Run ${new Date().toISOString()}, ${options.members.toLocaleString('en-GB')} members in ${options.units.toLocaleString('en-GB')} units; ${backend.description}.`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1/5/15 min) ${loads.join('; ')}.`,
    '',
    '```sh',
    command,
    '```',
    '',
    `Audit date ${AS_OF} (the synthetic dates are 1923's a century on); charter/default.yaml with the synthetic levels.`,
    `Fixture (bulk SQL, ${fixture.seconds.toFixed(1)} s): ${Object.entries(fixture.counts)
      .map(([name, value]) => `${name} ${value.toLocaleString('en-GB')}`)
      .join('; ')}.`,
    `Checks registered: ${AUDIT_CHECKS.map((check) => check.kind).join(', ') || 'none'}.`,
    '',
    '| measure | runs | median ms | p95 ms | note |',
    '|---|---:|---:|---:|---|',
    ...rows.map(line),
    line(ceiling.total),
    '',
    AUDIT_CHECKS.length === 0
      ? 'No checks registered yet: no audit to time.'
      : `Full audit / ceiling: **${(fullMedian / scanMedian).toFixed(1)}×** (${ms(fullMedian)} ms / ${ms(scanMedian)} ms). ` +
        `Target full audit ≤ ${FULL_AUDIT_TARGET_MS / 1000} s on the server: ${server ? (fullMedian <= FULL_AUDIT_TARGET_MS ? '**met**' : '**missed**') : 'judged on the server only'}.`,
    '',
    '### Each check alone (live runAudit, whole organisation)',
    '',
    '| check | runs | median ms | p95 ms | note |',
    '|---|---:|---:|---:|---|',
    ...checkRows.map(line),
    '',
    '### Findings stored at the end, by kind',
    '',
    ...kinds.rows.map((row) => `- ${row.kind}: ${Number(row.n).toLocaleString('en-GB')}`),
    '',
    '### The ceiling, table by table',
    '',
    '| scan | runs | median ms | p95 ms | rows |',
    '|---|---:|---:|---:|---|',
    ...ceiling.rows.map(line),
    '',
  ].join('\n')
  const file = fileURLToPath(
    new URL(
      `./results/audit-${options.backend}${given.quick || explicit('members') ? '-quick' : ''}.md`,
      import.meta.url,
    ),
  )
  writeFileSync(file, markdown)
  console.log(markdown)
  log(`written to ${file}`)
} finally {
  await backend.dispose()
}
