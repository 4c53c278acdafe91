import { type Kysely, sql } from 'kysely'
import type { AuditCheck } from '../../src/core/audit/audit-check.ts'
import { refreshFindings } from '../../src/core/audit/refresh-findings.ts'
import { runAudit } from '../../src/core/audit/run-audit.ts'
import { updateFindings } from '../../src/core/audit/update-findings.ts'
import { sealEvents } from '../../src/core/events/seal-events.ts'
import { recordElectedMandate } from '../../src/core/mandates/record-elected-mandate.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import type { ManualClock } from '../../src/core/shared/clock.ts'
import type { DB } from '../../src/db/schema.ts'

/** One measured row: its timings in ms and a note (what it found, what it checked). */
export interface Measure {
  readonly name: string
  readonly values: readonly number[]
  readonly note: string
}

export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
}

export const median = (values: readonly number[]) => percentile(values, 0.5)

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

/** (1) The full audit as the follower's daily run stores it: every check over the whole organisation. */
export async function measureFullAudit(db: Kysely<DB>, clock: ManualClock, runs: number): Promise<Measure> {
  const values: number[] = []
  let findings = 0
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await time(() =>
      db.transaction().execute((trx) => refreshFindings(trx, clock, { scope: { kind: 'all' } })),
    )
    values.push(ms)
    findings = value.findings
  }
  return {
    name: 'full audit: refreshFindings, whole organisation',
    values,
    note: `${findings} findings stored`,
  }
}

/** The same audit live (runAudit, nothing stored): the difference to (1) is the cost of storing. */
export async function measureLiveAudit(db: Kysely<DB>, asOf: string, runs: number): Promise<Measure> {
  const values: number[] = []
  let findings = 0
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await time(() => runAudit(db, { asOf, scope: { kind: 'all' } }))
    values.push(ms)
    findings = value.findings.length
  }
  return { name: 'live runAudit, whole organisation (nothing stored)', values, note: `${findings} findings` }
}

/** Each check alone over the whole organisation (live, nothing stored): where the full audit's time goes. */
export async function measureEachCheck(
  db: Kysely<DB>,
  asOf: string,
  checks: readonly AuditCheck[],
  runs: number,
): Promise<Measure[]> {
  const rows: Measure[] = []
  for (const check of checks) {
    const values: number[] = []
    let findings = 0
    for (let i = 0; i < runs; i++) {
      const { ms, value } = await time(() => runAudit(db, { asOf, scope: { kind: 'all' }, checks: [check] }))
      values.push(ms)
      findings = value.findings.length
    }
    rows.push({ name: `check ${check.kind}`, values, note: `${findings} findings` })
  }
  return rows
}

/** (2) A live audit of one region's subtree, as the report page of a region asks for it. */
export async function measureRegionAudit(db: Kysely<DB>, asOf: string, runs: number): Promise<Measure> {
  const region = await db
    .selectFrom('bodies')
    .select(['id', 'name', 'path'])
    .where('level', '=', 'region')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const values: number[] = []
  let findings = 0
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await time(() =>
      runAudit(db, { asOf, scope: { kind: 'subtree', path: region.path } }),
    )
    values.push(ms)
    findings = value.findings.length
  }
  return {
    name: `live runAudit of one region's subtree (${region.name})`,
    values,
    note: `${findings} findings`,
  }
}

/**
 * (3) The follower after one election: seal, then one pass. The first pass of the day is a full
 * run (timed on its own); each sample then records an election (outside Charter) in a unit whose
 * secretary is appointed and found so, which ends the appointment as replaced, and times the
 * seal and the incremental pass; the appointment's finding must be gone after it.
 */
export async function measureFollower(
  db: Kysely<DB>,
  clock: ManualClock,
  asOf: string,
  runs: number,
  log: (line: string) => void,
): Promise<Measure[]> {
  const firstSeal = await time(() => sealEvents(db, clock))
  const first = await time(() => updateFindings(db, clock))
  log(
    `sealed ${firstSeal.value.sealedEvents} events in ${(firstSeal.ms / 1000).toFixed(1)} s; first pass: ${first.value.mode}`,
  )
  const seals: number[] = []
  const passes: number[] = []
  const both: number[] = []
  let checked = ''
  for (let i = 0; i < runs; i++) {
    const target = await sql<{ mandate_id: number; body_id: number; finding: string; member_id: number }>`
      select m.id as mandate_id, m.body_id, f.id as finding, c.id as member_id
      from audit_findings f
      join mandates m on f.subject_kind = 'mandate' and m.id = f.subject_id
      cross join lateral (
        select x.id from members x
        where x.unit_id = m.body_id and x.status = 'full' and x.full_member_since <= ${asOf}::date - 800
          and x.id <> m.member_id
          and not exists (select 1 from mandates h where h.member_id = x.id and h.ended_on is null)
        order by x.id limit 1) c
      where f.kind = 'post.appointed' and m.post = 'unit-secretary' and m.ended_on is null
      order by f.id offset ${i * 7} limit 1`.execute(db)
    const row = target.rows[0]
    if (!row) throw new Error('no appointed unit secretary with a finding and an eligible member to elect')
    await db.transaction().execute((trx) =>
      recordElectedMandate(
        { db: trx, clock, actor: cliActor },
        {
          memberId: row.member_id,
          bodyId: row.body_id,
          post: 'unit-secretary',
          startsOn: asOf,
          electionId: null,
        },
      ),
    )
    const seal = await time(() => sealEvents(db, clock))
    const pass = await time(() => updateFindings(db, clock))
    if (pass.value.mode !== 'incremental') throw new Error(`the follower made a ${pass.value.mode} pass`)
    const left = await db
      .selectFrom('audit_findings')
      .select('id')
      .where('id', '=', row.finding)
      .executeTakeFirst()
    if (left) throw new Error(`${row.finding} is still there after the election replaced the appointment`)
    seals.push(seal.ms)
    passes.push(pass.ms)
    both.push(seal.ms + pass.ms)
    checked = `${pass.value.events} events, ${pass.value.refreshed.map((r) => `${r.kind} ×${r.bodies}`).join(', ')}; finding gone (asserted)`
  }
  return [
    {
      name: 'follower, first pass of the day (full run and snapshots)',
      values: [first.ms],
      note: `after sealing ${firstSeal.value.sealedEvents} events (${(firstSeal.ms / 1000).toFixed(1)} s)`,
    },
    { name: 'election replaces an appointment: sealEvents', values: seals, note: '' },
    { name: 'election replaces an appointment: updateFindings (incremental)', values: passes, note: checked },
    { name: 'election replaces an appointment: seal + pass', values: both, note: '' },
  ]
}

/** The tables the checks read, for the ceiling. */
export const SCANNED_TABLES = [
  'members',
  'mandates',
  'bodies',
  'elections',
  'election_contests',
  'questions',
  'decisions',
  'decision_tasks',
  'meetings',
  'member_status_changes',
  'events',
] as const

/**
 * (5) The ceiling: one sequential scan of every table the checks read (`count(*)` with index
 * scans off), in the same run. No audit that reads these tables whole can be faster than reading
 * them once; the ratio says how many such reads the full audit costs.
 */
export async function measureScanCeiling(
  db: Kysely<DB>,
  runs: number,
): Promise<{ total: Measure; rows: Measure[] }> {
  const perTable = new Map<string, number[]>(SCANNED_TABLES.map((table) => [table, []]))
  const totals: number[] = []
  const sizes = new Map<string, number>()
  for (let i = 0; i < runs; i++) {
    let total = 0
    await db.transaction().execute(async (trx) => {
      await sql`set local enable_indexscan = off`.execute(trx)
      await sql`set local enable_bitmapscan = off`.execute(trx)
      await sql`set local enable_indexonlyscan = off`.execute(trx)
      for (const table of SCANNED_TABLES) {
        const { ms, value } = await time(() =>
          sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(trx),
        )
        perTable.get(table)?.push(ms)
        sizes.set(table, Number(value.rows[0]?.n ?? 0))
        total += ms
      }
    })
    totals.push(total)
  }
  const rows = SCANNED_TABLES.map((table) => ({
    name: `scan ${table}`,
    values: perTable.get(table) ?? [],
    note: `${(sizes.get(table) ?? 0).toLocaleString('en-GB')} rows`,
  }))
  return { total: { name: 'ceiling: one sequential scan of each table', values: totals, note: '' }, rows }
}
