import { type Kysely, sql } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { type Clock, toIsoDate } from '../shared/clock.ts'
import type { AuditCheck, TriggerEvent } from './audit-check.ts'
import { AUDIT_CHECKS } from './checks.ts'
import { refreshFindings } from './refresh-findings.ts'
import { takeAuditSnapshots } from './take-audit-snapshots.ts'

/** More new events than this in one pass, and a full run is cheaper than many small ones. */
const FULL_RUN_AFTER_EVENTS = 50_000
/** More bodies than this touched by one check, and it reruns over the whole organisation. */
const FULL_CHECK_AFTER_BODIES = 5_000
const PAGE = 5_000
// Only followers take it (server and CLI); writers never touch this lock.
const FOLLOWER_LOCK = 0x0a0d_0001

/**
 * Event types that change what every check reads: the rules, or the tree (findings name their
 * bodies), and bulk events that touch more bodies than a targeted pass is worth.
 */
const RESHAPING = new Set([
  'charter.adopted',
  'body.moved',
  'body.renamed',
  'body.dissolved',
  'organisation.configured',
  // Meetings entered in bulk (the demo's records): one event for thousands of bodies.
  'meetings.recorded',
  // A new body changes no finding on its first day (nothing is overdue yet): the daily run finds it.
])

export type FollowResult =
  | { readonly mode: 'busy' | 'idle'; readonly events: number }
  | { readonly mode: 'full'; readonly events: number; readonly findings: number; readonly reason: string }
  | {
      readonly mode: 'incremental'
      readonly events: number
      /** Per check that had to look again: how many bodies it rechecked. */
      readonly refreshed: readonly { readonly kind: string; readonly bodies: number }[]
    }

/**
 * One pass of the audit follower: applies the events sealed since the last pass to the stored
 * findings. Each check names the event types that can change its findings; for those events it
 * rechecks only the bodies they touched, and the findings of every other body stay as they were.
 *
 * The follower reads only sealed events: the sealer has already waited for the transactions that
 * could commit an id below its mark, so no event is skipped, and every event a finding cites is
 * covered by a seal. Time passing changes findings too (an appointment expires, a deadline goes
 * by) without any event, so the first pass of each organisation day is a full run, followed by the
 * day's snapshot of the roll-ups. A charter adoption or a change in the tree also triggers one.
 * Everything commits in one transaction with the cursor, so a crash repeats a pass, never skips one.
 */
export async function updateFindings(
  db: Kysely<DB>,
  clock: Clock,
  checks: readonly AuditCheck[] = AUDIT_CHECKS,
): Promise<FollowResult> {
  return db.transaction().execute(async (trx): Promise<FollowResult> => {
    const { rows: locked } = await sql<{
      ok: boolean
    }>`select pg_try_advisory_xact_lock(${FOLLOWER_LOCK}) as ok`.execute(trx)
    if (!locked[0]?.ok) return { mode: 'busy', events: 0 }
    const today = toIsoDate(clock.now())
    const state = await trx.selectFrom('audit_follower').selectAll().where('id', '=', 1).executeTakeFirst()
    const sealed = await trx
      .selectFrom('seals')
      .select((eb) => eb.fn.max('to_event_id').as('upTo'))
      .executeTakeFirst()
    const horizon = Number(sealed?.upTo ?? 0)
    const after = Number(state?.last_event_id ?? 0)
    const advance = (fullRunOn: string | null) =>
      trx
        .insertInto('audit_follower')
        .values({
          id: 1,
          last_event_id: Math.max(horizon, after),
          full_run_on: fullRunOn,
          updated_at: clock.now(),
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            last_event_id: Math.max(horizon, after),
            full_run_on: fullRunOn,
            updated_at: clock.now(),
          }),
        )
        .execute()
    const fullRun = async (reason: string, events: number): Promise<FollowResult> => {
      const { findings } = await refreshFindings(trx, clock, { scope: { kind: 'all' }, checks })
      await takeAuditSnapshots(trx, clock)
      await advance(today)
      return { mode: 'full', events, findings, reason }
    }

    if (state?.full_run_on !== today) return fullRun(state ? 'a new day' : 'first run', horizon - after)
    if (horizon <= after) return { mode: 'idle', events: 0 }
    if (horizon - after > FULL_RUN_AFTER_EVENTS) return fullRun('many events', horizon - after)

    const events: TriggerEvent[] = []
    for (let from = after; ; ) {
      const page = await trx
        .selectFrom('events')
        .select(['id', 'type', 'body_id as bodyId', 'subject_kind as subjectKind', 'subject_id as subjectId'])
        .where('id', '>', from)
        .where('id', '<=', horizon)
        .orderBy('id')
        .limit(PAGE)
        .execute()
      events.push(...page)
      const last = page[page.length - 1]
      if (!last || page.length < PAGE) break
      from = last.id
    }
    if (events.some((event) => RESHAPING.has(event.type)))
      return fullRun('the rules or the tree changed', events.length)

    const refreshed: { kind: string; bodies: number }[] = []
    for (const check of checks) {
      const triggering = events.filter((event) => (check.triggers as readonly string[]).includes(event.type))
      if (triggering.length === 0) continue
      const bodies = check.affectedBodies
        ? await check.affectedBodies(trx, triggering)
        : triggering.flatMap((event) => (event.bodyId === null ? [] : [event.bodyId]))
      const bodyIds = [...new Set(bodies)]
      if (bodyIds.length === 0) continue
      const scope =
        bodyIds.length > FULL_CHECK_AFTER_BODIES
          ? ({ kind: 'all' } as const)
          : ({ kind: 'bodies', bodyIds } as const)
      await refreshFindings(trx, clock, { scope, checks: [check] })
      refreshed.push({ kind: check.kind, bodies: bodyIds.length })
    }
    await advance(today)
    return { mode: 'incremental', events: events.length, refreshed }
  })
}
