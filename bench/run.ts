import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Command, Option } from 'commander'
import { sql } from 'kysely'
import { generateOrganisation } from '../src/core/demo/generate-organisation.ts'
import { SeededRandom } from '../src/core/demo/random.ts'
import { cliActor } from '../src/core/shared/actor.ts'
import { systemClock, toIsoDate } from '../src/core/shared/clock.ts'
import { measureEligibility } from './eligibility.ts'
import { type BackendKind, type BenchBackend, openBackend } from './support/backends.ts'
import { measureCounting } from './support/counting-section.ts'
import { measureCsvImport } from './support/csv-import.ts'
import { explainMemberQueries, explainNewerReads } from './support/explain.ts'
import { type LatencyOptions, measureLatencies, pickable } from './support/latency.ts'
import { measureLogPasses } from './support/log-passes.ts'
import { measureNewerReads, measureSealedStatus, readMembers } from './support/newer-reads.ts'
import { positive } from './support/options.ts'
import { type BackendReport, type LoadFigures, renderReport } from './support/report.ts'
import { synthesiseEvents } from './support/synthetic-events.ts'

/**
 * `npm run bench`: loads a synthetic organisation (2,000,000 members in 100,000 units by default)
 * on each backend, then times CSV import and the read paths, and prints markdown tables. Figures
 * only: a slow figure never fails the run. Also writes bench/results/latest-<backend>.md.
 */

interface Options {
  members: number
  units: number
  backend: 'pglite' | 'postgres' | 'both'
  samples: number
  csvRows: number
  events: number
  newerReads: boolean
  quick: boolean
  eventLog: boolean
  explain: boolean
  eligibility: boolean
  counting: boolean
  casting: boolean
}

const program = new Command('bench')
  .description('Charter benchmark: load, CSV import and read latency at reference scale')
  .option('--members <n>', 'members to generate', positive, 2_000_000)
  .option('--units <n>', 'units (base organisations) to generate', positive, 100_000)
  .addOption(
    new Option('--backend <kind>', 'which backend(s)')
      .choices(['pglite', 'postgres', 'both'])
      .default('both'),
  )
  .option('--samples <n>', 'random picks per latency row', positive, 200)
  .option('--csv-rows <n>', 'members in the timed CSV import', positive, 200_000)
  .option(
    '--events <n>',
    'synthetic events written before the feed, personal-data and sealer rows',
    positive,
    2_000_000,
  )
  .option('--no-newer-reads', 'skip the synthetic log and the search, feed, member and sealer rows')
  .option(
    '--quick',
    'a fast look: 100,000 members, 5,000 units, 20,000 CSV rows, 100,000 events, 50 samples, 100,000 ballots',
    false,
  )
  .option('--no-event-log', 'skip the event-log bench on the server')
  .option('--no-explain', 'skip the EXPLAIN ANALYZE of the member queries')
  .option('--no-eligibility', 'skip the eligibility bench (charter adopted, eligible lists, checks)')
  .option('--no-counting', 'skip the counting bench (1M ranked ballots: Schulze, Scottish STV, Meek)')
  .option(
    '--no-casting',
    'skip the casting bench (ballots over HTTP at 200 clients, pgbench ceiling; server only)',
  )
  .parse()

const given = program.opts<Options>()
const options: Options = given.quick
  ? {
      ...given,
      members: 100_000,
      units: 5_000,
      csvRows: 20_000,
      events: 100_000,
      samples: Math.min(given.samples, 50),
    }
  : given
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`
const backends: BackendKind[] = options.backend === 'both' ? ['postgres', 'pglite'] : [options.backend]
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url))
const log = (line: string) => console.error(`[bench] ${line}`)

async function runBackend(kind: BackendKind): Promise<BackendReport> {
  const startedAt = new Date()
  const errors: string[] = []
  const report: { -readonly [K in keyof BackendReport]: BackendReport[K] } = {
    backend: kind,
    description: kind,
    command,
    startedAt,
    wallSeconds: 0,
    errors,
  }
  let backend: BenchBackend | null = null
  try {
    backend = await openBackend(kind, log)
    report.description = backend.description
    log(`${kind}: ${backend.description}`)
    const { database } = backend
    report.load = await load(backend)
    report.csv = await measureCsvImport(database, options.csvRows, 1917, log)
    log(`csv: ${report.csv.membersPerSecond.toFixed(0)} members/s`)
    await sql`analyze`.execute(database.db)
    const sampling: LatencyOptions = {
      samples: options.samples,
      asOf: toIsoDate(systemClock.now()),
      seed: 2023,
      secondsPerRow: 60,
      log,
    }
    report.latencies = await measureLatencies(database.db, sampling)
    if (options.explain) report.plans = await explainMemberQueries(database.db, toIsoDate(systemClock.now()))
    if (options.eligibility) {
      report.eligibility = await measureEligibility(database, kind === 'postgres', {
        samples: Math.min(options.samples, 100),
        asOf: sampling.asOf,
        seed: 2023,
        explain: options.explain,
        log,
      })
    }
    if (options.newerReads) await newerReads(backend, report, sampling)
    if (kind === 'postgres' && backend.serverUrl && options.eventLog) {
      await eventLog(backend.serverUrl, report)
    }
  } catch (error) {
    errors.push(error instanceof Error ? `${error.message}` : String(error))
    log(`${kind} failed: ${String(error)}`)
    process.exitCode = 1
  } finally {
    await backend?.dispose().catch((error: unknown) => errors.push(`cleanup: ${String(error)}`))
  }
  report.wallSeconds = (Date.now() - startedAt.getTime()) / 1000
  return report
}

async function load(backend: BenchBackend): Promise<LoadFigures> {
  const { database } = backend
  log(`generating ${options.members} members in ${options.units} units…`)
  let nextTenth = 0.1
  let stagedSeconds = Number.NaN
  const start = performance.now()
  const summary = await generateOrganisation(database, systemClock, cliActor, {
    members: options.members,
    units: options.units,
    seed: 1923,
    onProgress: (done, total) => {
      if (done >= total && Number.isNaN(stagedSeconds)) stagedSeconds = (performance.now() - start) / 1000
      if (done < total * nextTenth) return
      log(`  ${done} / ${total} members, ${((performance.now() - start) / 1000).toFixed(1)} s`)
      while (done >= total * nextTenth) nextTenth += 0.1
    },
  })
  const seconds = (performance.now() - start) / 1000
  log(`loaded in ${seconds.toFixed(1)} s (${(summary.members / seconds).toFixed(0)} members/s); analyzing…`)
  const analyzeStart = performance.now()
  await sql`analyze`.execute(database.db)
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000
  const size = await sql<{ bytes: number }>`select pg_database_size(current_database())::int8 as bytes`
    .execute(database.db)
    .catch(() => null)
  const bytes = size?.rows[0]?.bytes
  return {
    members: summary.members,
    units: summary.units,
    bodies: summary.bodies,
    seconds,
    stagedSeconds,
    analyzeSeconds,
    databaseMegabytes: bytes === undefined ? null : Number(bytes) / 1_000_000,
  }
}

/**
 * The read paths added after the first bench, on a synthetic log of `--events` events: search,
 * feed, member detail, personal data, log status; then the sealer's and verify-log's passes.
 */
async function newerReads(
  backend: BenchBackend,
  report: { -readonly [K in keyof BackendReport]: BackendReport[K] },
  sampling: LatencyOptions,
) {
  const { db } = backend.database
  log(`writing ${options.events} synthetic events…`)
  report.syntheticLog = await synthesiseEvents(db, options.events)
  log(`synthetic log in ${report.syntheticLog.seconds.toFixed(1)} s`)
  const rows = await measureNewerReads(db, sampling)
  report.newerLatencies = rows
  if (options.explain) {
    const random = new SeededRandom(11)
    const bodies = await pickable(db)
    const root = await db
      .selectFrom('bodies')
      .select('path')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow()
    report.newerPlans = await explainNewerReads(db, {
      rootPath: root.path,
      scopes: (['region', 'area', 'district', 'unit'] as const).map((level) => ({
        level,
        path: random.pick(bodies[level]).path,
      })),
      memberId: (await readMembers(db, random, 1))[0] ?? null,
    })
  }
  report.logPasses = await measureLogPasses(db, log)
  report.newerLatencies = [...rows, ...(await measureSealedStatus(db, { ...sampling, samples: 50 }))]
}

/** Runs bench/event-log.ts (owned by the event-log work) when it exports runEventLogBench. */
async function eventLog(serverUrl: string, report: { eventLog?: string; eventLogNote?: string }) {
  const module: { runEventLogBench?: unknown } = await import('./event-log.ts').catch(() => ({}))
  if (typeof module.runEventLogBench !== 'function') {
    report.eventLogNote = 'bench/event-log.ts exports no runEventLogBench yet: skipped.'
    return
  }
  const run = module.runEventLogBench as typeof import('./event-log.ts').runEventLogBench
  const writers = [1, 2, 4, 8, 16]
  const transactionsPerWriter = 200
  const sealEvents = 200_000
  log('event log: writers, sealer, verify-log…')
  const result = await run({
    url: serverUrl,
    writers,
    transactionsPerWriter,
    sealEvents,
    maxSecondsPerRun: 10,
    log,
  })
  report.eventLogNote = `Scratch database on the same server; ${transactionsPerWriter} transactions per writer (at most 10 s per run), ${sealEvents.toLocaleString('en-GB')} events sealed and verified.`
  report.eventLog = result.markdown
}

mkdirSync(resultsDir, { recursive: true })
// Counting is pure (no database): measured once, before the backends, and shown in each report.
const counting = options.counting
  ? measureCounting({ voters: options.quick ? 100_000 : 1_000_000, runs: options.quick ? 3 : 5, log })
  : undefined
for (const kind of backends) {
  const report = await runBackend(kind)
  const markdown = renderReport({ ...report, counting })
  // Quick looks go to a git-ignored file, so they never overwrite the committed full-size record.
  writeFileSync(`${resultsDir}latest-${kind}${options.quick ? '-quick' : ''}.md`, markdown)
  console.log(markdown)
}

// Casting needs its own durable server and HTTP load, so it runs as its own process (it writes
// bench/results/casting-postgres.md). Full-size runs only: a quick look must not overwrite that record.
if (options.casting && backends.includes('postgres') && !options.quick) {
  log('casting ballots over HTTP (bench/casting.ts)…')
  const casting = spawnSync(process.execPath, [fileURLToPath(new URL('./casting.ts', import.meta.url))], {
    stdio: 'inherit',
  })
  if (casting.status !== 0) log(`casting bench exited with ${casting.status}`)
}
