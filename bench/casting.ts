import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { serve } from '@hono/node-server'
import { Command } from 'commander'
import { sql } from 'kysely'
import pino from 'pino'
import { createApp } from '../src/api/app.ts'
import { resolveSession } from '../src/core/accounts/resolve-session.ts'
import { castBallot } from '../src/core/elections/cast-ballot.ts'
import { closeElection } from '../src/core/elections/close-election.ts'
import { startSealer } from '../src/core/events/start-sealer.ts'
import { systemActor } from '../src/core/shared/actor.ts'
import type { Database } from '../src/db/client.ts'
import type { DriverFigures, DriverTask } from './support/casting-driver.ts'
import { type CastingElection, setUpCastingElection } from './support/casting-setup.ts'
import { positive } from './support/options.ts'
import { createScratchDatabase } from './support/scratch-database.ts'

/**
 * Casting ballots over HTTP (issue 4's target: ≥ 2,000 ballots/s with p99 ≤ 100 ms at 200
 * concurrent clients), against a durable PostgreSQL server on loopback. The app runs in this
 * process with the sealer, as `charter start` runs it; autocannon drives it from a child process,
 * one session per voter, each voter voting once. Then, to say where the time goes: the same casts
 * in-process (no HTTP, no session), session resolution alone, the close, and `pgbench` on the
 * same server (a single-row insert, and the cast's transaction shape in plain SQL) as the ceiling.
 * Figures only, never pass/fail. `npx node bench/casting.ts --help`.
 */

const run = promisify(execFile)
const options = new Command('casting')
  .option('--ballots <n>', 'ballots cast over HTTP in the measured run', positive, 20_000)
  .option('--warmup <n>', 'ballots cast over HTTP before measuring', positive, 2_000)
  .option('--direct <n>', 'ballots cast in-process (no HTTP)', positive, 10_000)
  .option('--connections <n>', 'concurrent HTTP clients', positive, 200)
  .option('--pool <n>', 'PostgreSQL connections of the app', positive, 10)
  .option('--pgbench-seconds <n>', 'length of each pgbench run', positive, 15)
  .parse()
  .opts<{
    ballots: number
    warmup: number
    direct: number
    connections: number
    pool: number
    pgbenchSeconds: number
  }>()

const SCRIPT = fileURLToPath(new URL('../scripts/postgres-server.sh', import.meta.url))
const DRIVER = fileURLToPath(new URL('./support/casting-driver.ts', import.meta.url))
const RESULTS = fileURLToPath(new URL('./results/casting-postgres.md', import.meta.url))
const SERVER_DIR = '/tmp/charter-bench-casting-pg'
const SERVER_PORT = '54332'
const log = (line: string) => console.error(`[casting] ${line}`)
const ms = (value: number) => value.toFixed(1)
const rate = (value: number) => Math.round(value).toLocaleString('en-GB')

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

/** Runs `count` tasks with `concurrency` workers; returns wall seconds and sorted latencies (ms). */
async function saturate(count: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now()
        await task(i)
        latencies.push(performance.now() - t0)
      }
    }),
  )
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) }
}

async function drive(task: DriverTask): Promise<DriverFigures> {
  const { stdout } = await run(process.execPath, [DRIVER, JSON.stringify(task)], {
    timeout: 600_000,
    maxBuffer: 1 << 20,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as DriverFigures
}

function pgbenchBinary(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
  return `/usr/lib/postgresql/${versions[0]}/bin/pgbench`
}

/** pgbench on the scratch database; returns transactions/s and the average latency. */
async function pgbench(url: URL, script: string, clients: number, seconds: number) {
  const file = join(tmpdir(), `charter-casting-${process.pid}.sql`)
  writeFileSync(file, script)
  const args = ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', file]
  args.push('-h', url.hostname, '-p', url.port, '-U', url.username, url.pathname.slice(1))
  try {
    const { stdout } = await run(pgbenchBinary(), args, { timeout: (seconds + 60) * 1000 })
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1])
    const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1])
    return { tps, latency, command: `pgbench ${args.join(' ').replace(file, 'SCRIPT.sql')}` }
  } finally {
    rmSync(file, { force: true })
  }
}

const SINGLE_INSERT = `\\set r random(1, 1000000000)
insert into bench_single_insert (v) values (:r);
`
// What a cast sends to PostgreSQL, minus the session's three reads: lock, read, three inserts.
const CAST_SHAPE = `\\set m random(1, 2000000000)
begin;
select pg_advisory_xact_lock_shared(1, 1);
select count(*) from bench_roll where m = :m;
insert into bench_roll (m) values (:m) on conflict do nothing;
insert into bench_queue (m, p) values (:m, '{1,2,3}'), (:m, '{2,3}');
insert into bench_log (payload) values ('{}');
commit;
`

async function main(): Promise<void> {
  const given = process.env.BENCH_DATABASE_URL
  const serverUrl =
    given ??
    execFileSync('bash', [SCRIPT, 'start', SERVER_DIR, SERVER_PORT], {
      env: { ...process.env, PG_DURABLE: '1' },
      encoding: 'utf8',
    }).trim()
  log(`server: ${given ? 'BENCH_DATABASE_URL' : `throwaway durable server on ${SERVER_PORT}`}`)
  const voters = options.warmup + options.ballots + options.direct
  const database = await createScratchDatabase(serverUrl, options.pool)
  const stopServer = () => {
    if (given) return
    execFileSync('bash', [SCRIPT, 'stop', SERVER_DIR], { stdio: 'ignore' })
    rmSync(SERVER_DIR, { recursive: true, force: true })
  }
  try {
    const markdown = await measure(database, voters, serverUrl)
    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true })
    writeFileSync(RESULTS, markdown)
    console.log(markdown)
    log(`written to ${RESULTS}`)
  } finally {
    await database.drop()
    stopServer()
  }
}

async function measure(database: Database, voters: number, serverUrl: string): Promise<string> {
  const version = await sql<{ v: string }>`select version() as v`.execute(database.db)
  const settings = await sql<{ name: string; setting: string }>`
    select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'max_connections')
    order by name`.execute(database.db)
  const loadBefore = loadavg()[0] ?? 0
  log(`setting up ${voters} voters with accounts and sessions…`)
  const election: CastingElection = await setUpCastingElection(database, voters)
  log(`set up in ${election.setupSeconds.toFixed(1)} s`)

  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }))
  const app = createApp({ database, clock: election.clock, logger })
  const stopSealer = startSealer(database.db, election.clock, { intervalMs: 1000, onError: () => {} })
  const server = await new Promise<{ close(): void; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ close: () => s.close(), port: info.port }),
    )
  })
  const task = (firstVoter: number, ballots: number): DriverTask => ({
    origin: `http://127.0.0.1:${server.port}`,
    electionId: election.electionId,
    contests: election.contests,
    tokenPrefix: election.tokenPrefix,
    firstVoter,
    ballots,
    connections: options.connections,
  })
  let http: DriverFigures
  let appCpuMs = Number.NaN
  let appSysShare = Number.NaN
  try {
    log(`warm-up: ${options.warmup} ballots over HTTP…`)
    await drive(task(1, options.warmup))
    log(`measured: ${options.ballots} ballots over HTTP, ${options.connections} clients…`)
    const cpuBefore = process.cpuUsage()
    http = await drive(task(options.warmup + 1, options.ballots))
    const cpu = process.cpuUsage(cpuBefore)
    appCpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, http.ballots)
    appSysShare = cpu.system / Math.max(1, cpu.user + cpu.system)
    log(`${rate(http.ballotsPerSecond)} ballots/s, p50 ${http.p50Ms} ms, p99 ${http.p99Ms} ms`)
  } finally {
    server.close()
    await stopSealer()
  }

  log(`in-process: ${options.direct} casts, ${options.connections} concurrent, no HTTP…`)
  const offset = options.warmup + options.ballots
  const ballot = (k: number) =>
    election.contests.map((c) => ({
      contestId: c.contestId,
      preferences: [c.candidates[k % c.candidates.length] as number],
    }))
  const direct = await saturate(options.direct, options.connections, (i) =>
    database.db.transaction().execute((trx) =>
      castBallot(
        { db: trx, clock: election.clock, actor: systemActor },
        {
          electionId: election.electionId,
          memberId: election.memberIds[offset + i] as number,
          contests: ballot(i),
        },
      ),
    ),
  )
  log('session resolution alone…')
  const sessions = await saturate(options.direct, options.connections, (i) =>
    resolveSession(database.db, election.clock, `${election.tokenPrefix}${1 + i}`),
  )
  log('closing: move, count, mandates, then VACUUM…')
  election.clock.set('1923-12-05T18:00:00Z')
  const closeStarted = performance.now()
  const closed = await database.db
    .transaction()
    .execute((trx) =>
      closeElection({ db: trx, clock: election.clock, actor: systemActor }, election.electionId),
    )
  const closeSeconds = (performance.now() - closeStarted) / 1000
  const vacuumStarted = performance.now()
  await closed.afterCommit?.(database.db)
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000

  log('pgbench…')
  await sql`create table bench_single_insert (v int not null)`.execute(database.db)
  await sql`create table bench_roll (m int primary key)`.execute(database.db)
  await sql`create table bench_queue (m int not null, p int[] not null)`.execute(database.db)
  await sql`create table bench_log (id bigint generated always as identity primary key, payload jsonb not null)`.execute(
    database.db,
  )
  const url = new URL(serverUrl)
  const dbName = (await sql<{ d: string }>`select current_database() as d`.execute(database.db)).rows[0]?.d
  url.pathname = `/${dbName}`
  const seconds = options.pgbenchSeconds
  const singlePool = await pgbench(url, SINGLE_INSERT, options.pool, seconds)
  const singleMany = await pgbench(url, SINGLE_INSERT, 100, seconds)
  const shapePool = await pgbench(url, CAST_SHAPE, options.pool, seconds)

  const row = (what: string, n: number, secs: number, sorted: readonly number[]) =>
    `| ${what} | ${rate(n)} | ${rate(n / secs)} | ${ms(percentile(sorted, 0.5))} | ${ms(percentile(sorted, 0.99))} |`
  const verdict = http.ballotsPerSecond >= 2000 && http.p99Ms <= 100 ? 'met' : '**missed**'
  return [
    '# Casting ballots (issue 4)',
    '',
    `- ${version.rows[0]?.v.split(',')[0]}, ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`,
    `- ${voters.toLocaleString('en-GB')} electors, each with an account and a session; two contests (Scottish STV, 5 candidates each)`,
    `- app pool ${options.pool} connections; ${options.connections} concurrent clients; Node ${process.version}`,
    `- machine: ${cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(1)} before the run, ${(loadavg()[0] ?? 0).toFixed(1)} after (other work on the machine competes with the figures)`,
    `- command: \`npx node bench/casting.ts --ballots ${options.ballots} --warmup ${options.warmup} --direct ${options.direct} --connections ${options.connections} --pool ${options.pool}\``,
    `- run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    '| what | ballots | ballots/s | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| HTTP POST /api/elections/{id}/ballots (autocannon) | ${rate(http.ballots)} | ${rate(http.ballotsPerSecond)} | ${ms(http.p50Ms)} | ${ms(http.p99Ms)} |`,
    row('castBallot in-process, no HTTP or session', options.direct, direct.seconds, direct.latencies),
    row('resolveSession alone (one query)', options.direct, sessions.seconds, sessions.latencies),
    '',
    `Target ≥ 2,000 ballots/s with p99 ≤ 100 ms: ${verdict}. HTTP statuses: ${JSON.stringify(http.status)}; errors ${http.errors}, timeouts ${http.timeouts}; max ${ms(http.maxMs)} ms.`,
    `CPU per HTTP ballot: the app process ${appCpuMs.toFixed(2)} ms, ${Math.round(appSysShare * 100)} % of it in the kernel (one Node thread: at most ${rate(1000 / appCpuMs)} ballots/s); the autocannon driver ${((http.driverCpuSeconds * 1000) / Math.max(1, http.ballots)).toFixed(2)} ms.`,
    '',
    `Close of ${rate(closed.votersCount ?? 0)} ballots × 2 contests (move, count, results, mandates): ${closeSeconds.toFixed(2)} s; VACUUM of the queue: ${vacuumSeconds.toFixed(2)} s.`,
    '',
    '| pgbench on the same server | clients | tps | latency avg ms |',
    '| --- | ---: | ---: | ---: |',
    `| single-row insert | ${options.pool} | ${rate(singlePool.tps)} | ${singlePool.latency} |`,
    `| single-row insert | 100 | ${rate(singleMany.tps)} | ${singleMany.latency} |`,
    `| a cast's transaction shape (lock, read, 3 inserts) | ${options.pool} | ${rate(shapePool.tps)} | ${shapePool.latency} |`,
    '',
    `pgbench commands: \`${singlePool.command}\`, \`${singleMany.command}\`, \`${shapePool.command}\`.`,
    '',
  ].join('\n')
}

await main()
