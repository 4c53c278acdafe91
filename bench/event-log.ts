import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { type Kysely, sql, type Transaction } from 'kysely'
import { appendEvent } from '../src/core/events/append-event.ts'
import { sealEvents } from '../src/core/events/seal-events.ts'
import { verifyLog } from '../src/core/events/verify-log.ts'
import { systemActor } from '../src/core/shared/actor.ts'
import { systemClock } from '../src/core/shared/clock.ts'
import type { DB } from '../src/db/schema.ts'
import { createScratchDatabase } from './support/scratch-database.ts'

/**
 * Event-log benchmark: does writing events scale with concurrent writers, and what would a chain
 * head (every transaction locks one row) cost instead? Also sealer and verify-log throughput.
 * Prints figures; never fails on timing.
 */

export interface EventLogBenchOptions {
  /** PostgreSQL server URL (loopback only); a scratch database is created and dropped on it. */
  readonly url: string
  readonly writers?: readonly number[]
  readonly transactionsPerWriter?: number
  /** Events bulk-written before timing the sealer and verify-log. */
  readonly sealEvents?: number
  /** Upper bound on each writer run, whatever K is. */
  readonly maxSecondsPerRun?: number
  readonly log?: (line: string) => void
}

export interface WriterFigures {
  readonly variant: 'log' | 'chain head'
  readonly writers: number
  readonly transactions: number
  readonly eventsPerSecond: number
  readonly p50Ms: number
  readonly p95Ms: number
}

export interface EventLogBenchResult {
  readonly writerRuns: readonly WriterFigures[]
  readonly sealer: { readonly events: number; readonly seconds: number; readonly eventsPerSecond: number }
  readonly verify: { readonly events: number; readonly seconds: number; readonly eventsPerSecond: number }
  readonly markdown: string
}

type Variant = (trx: Transaction<DB>, writer: number, n: number) => Promise<void>

const logVariant: Variant = async (trx, writer, n) => {
  await sql`insert into bench_rows (writer, n, note) values (${writer}, ${n}, 'renamed')`.execute(trx)
  await appendEvent(
    { db: trx, clock: systemClock, actor: systemActor },
    { type: 'body.renamed', payload: { from: `Cell ${n}`, to: `Cell ${n + 1}` } },
    { bodyId: writer, regionId: 1, subject: { kind: 'body', id: writer } },
  )
}

// The design the log avoids: each transaction extends a hash chain kept in one head row.
const chainHeadVariant: Variant = async (trx, writer, n) => {
  const { rows } = await sql<{ hash: Uint8Array }>`
    select hash from bench_chain_head where id = 1 for update`.execute(trx)
  await logVariant(trx, writer, n)
  const hash = createHash('sha256')
    .update(rows[0]?.hash ?? new Uint8Array())
    .update(`${writer}:${n}`)
    .digest()
  await sql`update bench_chain_head set hash = ${hash} where id = 1`.execute(trx)
}

/** Runs the benchmark on a scratch database and returns its figures and a markdown report. */
export async function runEventLogBench(options: EventLogBenchOptions): Promise<EventLogBenchResult> {
  const writers = options.writers ?? [1, 2, 4, 8, 16]
  const perWriter = options.transactionsPerWriter ?? 300
  const sealCount = options.sealEvents ?? 200_000
  const maxMs = (options.maxSecondsPerRun ?? 10) * 1000
  const log = options.log ?? (() => {})
  const database = await createScratchDatabase(options.url, Math.max(...writers) + 2)
  try {
    const { db } = database
    await sql`create table bench_rows (id bigint generated always as identity primary key,
      writer int not null, n int not null, note text not null)`.execute(db)
    await sql`create table bench_chain_head (id int primary key, hash bytea not null)`.execute(db)
    await sql`insert into bench_chain_head values (1, ''::bytea)`.execute(db)

    const writerRuns: WriterFigures[] = []
    for (const [variant, run] of [
      ['log', logVariant],
      ['chain head', chainHeadVariant],
    ] as const) {
      for (const count of writers) {
        const figures = await runWriters(db, variant, run, count, perWriter, maxMs)
        log(
          `${variant} W=${count}: ${figures.eventsPerSecond.toFixed(0)} events/s, p95 ${figures.p95Ms.toFixed(2)} ms`,
        )
        writerRuns.push(figures)
      }
    }

    await sealEvents(db, systemClock)
    await sql`
      insert into events (type, occurred_at, actor_kind, body_id, region_id, subject_kind, subject_id, payload)
      select 'body.renamed', now(), 'system', g % 500, 1, 'body', g % 500,
             jsonb_build_object('from', 'Cell ' || g, 'to', 'Cell ' || (g + 1))
      from generate_series(1, ${sealCount}) g`.execute(db)
    log(`wrote ${sealCount} events for the sealer`)
    const sealStart = performance.now()
    const sealed = await sealEvents(db, systemClock)
    const sealSeconds = (performance.now() - sealStart) / 1000
    log(`sealed ${sealed.sealedEvents} events in ${sealSeconds.toFixed(2)} s`)
    const verifyStart = performance.now()
    const verified = await verifyLog(db)
    const verifySeconds = (performance.now() - verifyStart) / 1000
    if (!verified.ok) throw new Error(`verify-log failed on an untouched log: ${verified.problem.message}`)
    log(`verified ${verified.eventsChecked} events in ${verifySeconds.toFixed(2)} s`)

    const sealer = {
      events: sealed.sealedEvents,
      seconds: sealSeconds,
      eventsPerSecond: sealed.sealedEvents / sealSeconds,
    }
    const verify = {
      events: verified.eventsChecked,
      seconds: verifySeconds,
      eventsPerSecond: verified.eventsChecked / verifySeconds,
    }
    return { writerRuns, sealer, verify, markdown: report(writerRuns, sealer, verify) }
  } finally {
    await database.drop()
  }
}

async function runWriters(
  db: Kysely<DB>,
  variant: WriterFigures['variant'],
  run: Variant,
  writers: number,
  perWriter: number,
  maxMs: number,
): Promise<WriterFigures> {
  const latencies: number[] = []
  const start = performance.now()
  const deadline = start + maxMs
  // Each writer awaits its own transactions, so it holds one pooled connection at a time.
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; n < perWriter && performance.now() < deadline; n += 1) {
        const began = performance.now()
        await db.transaction().execute((trx) => run(trx, writer, n))
        latencies.push(performance.now() - began)
      }
    }),
  )
  const seconds = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return {
    variant,
    writers,
    transactions: latencies.length,
    eventsPerSecond: latencies.length / seconds,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
  }
}

function report(
  runs: readonly WriterFigures[],
  sealer: EventLogBenchResult['sealer'],
  verify: EventLogBenchResult['verify'],
): string {
  const lines = [
    '| writers | log events/s | log p50 / p95 ms | chain-head events/s | chain-head p50 / p95 ms | log ÷ chain head |',
    '|---:|---:|---:|---:|---:|---:|',
  ]
  for (const logRun of runs.filter((r) => r.variant === 'log')) {
    const chain = runs.find((r) => r.variant === 'chain head' && r.writers === logRun.writers)
    const ms = (r: WriterFigures | undefined) => (r ? `${r.p50Ms.toFixed(2)} / ${r.p95Ms.toFixed(2)}` : '–')
    const ratio = chain ? (logRun.eventsPerSecond / chain.eventsPerSecond).toFixed(2) : '–'
    lines.push(
      `| ${logRun.writers} | ${logRun.eventsPerSecond.toFixed(0)} | ${ms(logRun)} | ${chain?.eventsPerSecond.toFixed(0) ?? '–'} | ${ms(chain)} | ${ratio} |`,
    )
  }
  lines.push(
    '',
    '| pass | events | seconds | events/s |',
    '|---|---:|---:|---:|',
    `| seal | ${sealer.events} | ${sealer.seconds.toFixed(2)} | ${sealer.eventsPerSecond.toFixed(0)} |`,
    `| verify-log | ${verify.events} | ${verify.seconds.toFixed(2)} | ${verify.eventsPerSecond.toFixed(0)} |`,
  )
  return lines.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL
  if (!url) {
    console.log(
      'event-log bench: set DATABASE_URL to a local PostgreSQL server (writers need real connections).',
    )
  } else {
    const result = await runEventLogBench({ url, log: (line) => console.error(line) })
    console.log(result.markdown)
  }
}
