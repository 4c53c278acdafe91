import { loadavg } from 'node:os'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/db/schema.ts'

/** Latency figures of one measured call, in milliseconds, with how they were taken. */
export interface LatencyFigures {
  readonly what: string
  readonly scope: string
  readonly samples: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
  /** The 1-minute load average when the row finished. */
  readonly load: number
  /** Sampling stopped at the time budget before the samples asked for. */
  readonly cut: boolean
}

/** The q-quantile of sorted values (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

/** Summarises latencies (ms) into a row. */
export function summarise(
  what: string,
  scope: string,
  values: readonly number[],
  cut = false,
): LatencyFigures {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    what,
    scope,
    samples: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    load: loadavg()[0] ?? Number.NaN,
    cut,
  }
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')

/**
 * Times `call` (which returns its own milliseconds) after 5 warm-up calls, `samples` times or
 * until `seconds` have passed, whichever comes first: a slow backend still finishes.
 */
export async function sampleRow(
  what: string,
  scope: string,
  budget: { readonly samples: number; readonly seconds: number },
  call: () => Promise<number>,
  log: (line: string) => void,
): Promise<LatencyFigures> {
  for (let i = 0; i < 5; i++) await call()
  const values: number[] = []
  const deadline = performance.now() + budget.seconds * 1000
  while (values.length < budget.samples && performance.now() < deadline) values.push(await call())
  const row = summarise(what, scope, values, values.length < budget.samples)
  log(`${what} @ ${scope}: ${row.samples} samples, p50 ${ms(row.p50)} ms, p95 ${ms(row.p95)} ms`)
  return row
}

/** Thrown to end a transaction without keeping what it wrote. */
class Rollback extends Error {}

/**
 * Runs `work` in a transaction that is then rolled back, and returns the milliseconds `work` took
 * inside it (not the BEGIN or the ROLLBACK), so a write can be sampled without piling up rows.
 */
export async function timedRolledBack(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<unknown>) {
  let elapsed = Number.NaN
  try {
    await db.transaction().execute(async (trx) => {
      const start = performance.now()
      await work(trx)
      elapsed = performance.now() - start
      throw new Rollback()
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  return elapsed
}

/** What a saturating run did: how many calls finished, in how long, their latencies and failures. */
export interface SaturationFigures {
  readonly done: number
  readonly seconds: number
  readonly latencies: readonly number[]
  /** Failures by error code (or message), which a healthy run has none of. */
  readonly failures: Readonly<Record<string, number>>
  /** Stopped at the deadline before all `count` calls ran. */
  readonly cut: boolean
}

/**
 * Runs tasks 0 … count − 1 with `concurrency` in flight (each worker takes the next index as soon
 * as its call ends), timing each call, until all ran or `seconds` passed (no new call starts
 * after the deadline; those in flight finish).
 */
export async function saturate(
  count: number,
  concurrency: number,
  seconds: number,
  task: (index: number) => Promise<unknown>,
): Promise<SaturationFigures> {
  let next = 0
  const latencies: number[] = []
  const failures: Record<string, number> = {}
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count && performance.now() < deadline; i = next++) {
        const start = performance.now()
        try {
          await task(i)
          latencies.push(performance.now() - start)
        } catch (error) {
          const code = (error as { code?: unknown }).code
          const key = typeof code === 'string' ? code : String((error as Error).message).slice(0, 80)
          failures[key] = (failures[key] ?? 0) + 1
        }
      }
    }),
  )
  return {
    done: latencies.length,
    seconds: (performance.now() - started) / 1000,
    latencies,
    failures,
    cut: latencies.length + Object.values(failures).reduce((a, b) => a + b, 0) < count,
  }
}
