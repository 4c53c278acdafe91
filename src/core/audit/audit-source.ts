import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import { isoDateSchema } from '../members/schemas.ts'
import { type Clock, toIsoDate } from '../shared/clock.ts'
import { invalidInput } from '../shared/errors.ts'
import type { AuditCheck } from './audit-check.ts'
import { AUDIT_CHECKS } from './checks.ts'
import { type AuditRun, runAudit } from './run-audit.ts'

/** Where a report's findings come from: the follower's stored findings, or a live run of the checks. */
export type FindingSource = 'stored' | 'live'

/**
 * Where a summary's counts come from: those two, or, for the latest summary (the body page's
 * card, which never runs the checks), the newest daily snapshot; `none` when the audit has never
 * run at all.
 */
export type SummarySource = FindingSource | 'snapshot' | 'none'

/**
 * The audit's date: the one asked for, or the organisation's today. A date that does not exist
 * (1923-02-30) or lies in the future is VALIDATION_FAILED: the audit reads what happened. `field`
 * names the input in the error (asOf, from, to).
 */
export function auditDate(clock: Clock, asOf?: string | null, field = 'asOf'): string {
  const today = toIsoDate(clock.now())
  if (asOf === undefined || asOf === null) return today
  if (!isoDateSchema.safeParse(asOf).success) {
    const message = `${asOf} is not a calendar date (YYYY-MM-DD)`
    throw invalidInput(message, [{ path: field, message }], { [field]: asOf })
  }
  if (asOf > today) {
    const message = `${asOf} is in the future: the organisation's today is ${today}`
    throw invalidInput(message, [{ path: field, message }], { [field]: asOf, today })
  }
  return asOf
}

/** The organisation day of the follower's last full run, or null before its first. */
export async function lastFullRun(db: Executor): Promise<string | null> {
  const follower = await db
    .selectFrom('audit_follower')
    .select('full_run_on')
    .where('id', '=', 1)
    .executeTakeFirst()
  return follower?.full_run_on ?? null
}

/**
 * Whether the stored findings answer for `asOf`: only for today, and only once the follower has
 * made today's full run (time passing changes findings without any event, so yesterday's stored
 * set is not today's). Otherwise a report runs the checks live.
 */
export async function storedFindingsCurrent(db: Executor, clock: Clock, asOf: string): Promise<boolean> {
  const today = toIsoDate(clock.now())
  return asOf === today && (await lastFullRun(db)) === today
}

/**
 * How long a live run of a past date is reused. A report of a past date is one summary, then
 * pages of findings, then maybe the CSV or the printable report: without reuse each reruns the
 * whole audit. But a past date's result is not fixed: records of past practice can still be
 * entered (a past decision, a backdated mandate, a status change on a date), and they change it.
 * Such a change writes an event, and the newest event id is part of the key, so it is seen at
 * once; what the key can miss (an event committed out of id order, a row written without an
 * event) is seen at most 60 s late, which is about the time a reader spends on one report.
 */
const LIVE_RUN_TTL_MS = 60_000
/** Entries kept per database: a few readers' past dates at once; a run can hold many findings. */
const LIVE_RUN_CACHE_SIZE = 8

interface CachedRun {
  readonly at: number
  readonly run: Promise<AuditRun>
}
const cachedRuns = new WeakMap<object, Map<string, CachedRun>>()

/**
 * A live run of every registered check over a subtree as of a date. Runs of past dates are kept
 * for LIVE_RUN_TTL_MS in a small LRU per database (keyed by subtree, date and newest event id), so
 * the summary and each findings page of one report share one run; concurrent requests share the
 * run in flight. Today's runs, and runs of chosen checks, are never kept.
 */
export async function liveAuditRun(
  db: Executor,
  clock: Clock,
  input: { readonly asOf: string; readonly path: string; readonly checks?: readonly AuditCheck[] },
): Promise<AuditRun> {
  const scope = { kind: 'subtree', path: input.path } as const
  const everyCheck = input.checks === undefined || input.checks === AUDIT_CHECKS
  if (!everyCheck || input.asOf >= toIsoDate(clock.now())) {
    return runAudit(db, { asOf: input.asOf, scope, ...(input.checks ? { checks: input.checks } : {}) })
  }
  const key = `${input.path}|${input.asOf}|${await newestEventId(db)}`
  const runs = cachedRuns.get(db) ?? new Map<string, CachedRun>()
  cachedRuns.set(db, runs)
  const now = performance.now()
  const hit = runs.get(key)
  if (hit && now - hit.at < LIVE_RUN_TTL_MS) {
    runs.delete(key)
    runs.set(key, hit)
    return hit.run
  }
  const run = runAudit(db, { asOf: input.asOf, scope })
  runs.delete(key)
  runs.set(key, { at: now, run })
  // A failed run is not kept: the next request tries again.
  run.catch(() => {
    if (runs.get(key)?.run === run) runs.delete(key)
  })
  for (const [old, entry] of runs) {
    if (runs.size <= LIVE_RUN_CACHE_SIZE && now - entry.at < LIVE_RUN_TTL_MS) break
    runs.delete(old)
  }
  return run
}

/** A cached live run of every check, if one is kept for this subtree and date (no run is started). */
export async function cachedAuditRun(
  db: Executor,
  clock: Clock,
  input: { readonly asOf: string; readonly path: string },
): Promise<AuditRun | null> {
  if (input.asOf >= toIsoDate(clock.now())) return null
  const hit = cachedRuns.get(db)?.get(`${input.path}|${input.asOf}|${await newestEventId(db)}`)
  return hit && performance.now() - hit.at < LIVE_RUN_TTL_MS ? hit.run : null
}

/** The newest event's id: one step down the primary key's index. */
async function newestEventId(db: Executor): Promise<number> {
  const { rows } = await sql<{ id: number | null }>`select max(id) as id from events`.execute(db)
  return Number(rows[0]?.id ?? 0)
}
