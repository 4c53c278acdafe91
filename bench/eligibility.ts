import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Command, Option } from 'commander'
import { type Kysely, type RootOperationNode, sql } from 'kysely'
import { adoptCharter } from '../src/core/charter/adopt-charter.ts'
import { generateOrganisation } from '../src/core/demo/generate-organisation.ts'
import { SeededRandom } from '../src/core/demo/random.ts'
import { SYNTHETIC_LEVELS } from '../src/core/demo/synthetic-tree.ts'
import { checkEligibility } from '../src/core/eligibility/check-eligibility.ts'
import { listEligibleMembers } from '../src/core/eligibility/list-eligible-members.ts'
import { cliActor } from '../src/core/shared/actor.ts'
import { systemClock, toIsoDate } from '../src/core/shared/clock.ts'
import type { Database } from '../src/db/client.ts'
import type { DB } from '../src/db/schema.ts'
import { type BackendKind, openBackend } from './support/backends.ts'
import { BENCH_JOINED_BEFORE, benchCharterSource } from './support/bench-charter.ts'
import { ExplainPlugin, planSection } from './support/explain.ts'
import { pickable, timed, timedPages } from './support/latency.ts'
import { positive } from './support/options.ts'

/**
 * The eligibility engine at reference scale: adopts a charter for the synthetic organisation's
 * five levels, then times the eligible-members list (first page of 50, and the next page) for a
 * region secretary in every region, a district and a unit secretary, and single checks. Run by
 * bench/run.ts, or on its own: `npx node bench/eligibility.ts --backend postgres`.
 */

/** The target of issue 3, judged on the server: region secretary list p95 ≤ 200 ms. */
export const ELIGIBILITY_TARGET_MS = 200

export interface EligibilityBenchOptions {
  /** Calls per row; at least 50. */
  readonly samples: number
  readonly asOf: string
  readonly seed: number
  readonly explain: boolean
  readonly log: (line: string) => void
}

interface Row {
  readonly query: string
  readonly scope: string
  readonly values: number[]
  readonly target: boolean
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')

function tableLine(row: Row, server: boolean): string {
  const sorted = [...row.values].sort((a, b) => a - b)
  const p95 = percentile(sorted, 0.95)
  const verdict = !row.target
    ? ''
    : server
      ? p95 <= ELIGIBILITY_TARGET_MS
        ? 'met'
        : '**missed**'
      : '(server only)'
  return `| ${row.query} | ${row.scope} | ${sorted.length} | ${ms(percentile(sorted, 0.5))} | ${ms(p95)} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${verdict} |`
}

/** Whether a query reads the members table (the list's one query; not the charter or body lookups). */
function readsMembers(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(readsMembers)
  if (typeof node !== 'object' || node === null) return false
  const record = node as { kind?: unknown; table?: { identifier?: { name?: unknown } } }
  if (record.kind === 'TableNode' && record.table?.identifier?.name === 'members') return true
  return Object.values(node).some(readsMembers)
}

/** Adopts the bench charter, times the eligibility reads, and returns a markdown section. */
export async function measureEligibility(
  database: Database,
  server: boolean,
  options: EligibilityBenchOptions,
): Promise<string> {
  const { db } = database
  const samples = Math.max(50, options.samples)
  await db.transaction().execute((trx) =>
    adoptCharter(
      { db: trx, clock: systemClock, actor: cliActor },
      {
        source: benchCharterSource(),
        fileName: 'bench charter',
        decision: { kind: 'congress', title: 'Bench congress', decidedOn: '1998-01-01' },
        effectiveFrom: '1998-01-01',
      },
    ),
  )
  const share = await sql<{ total: string; joined: string; eligible: string }>`
    select count(*) as total,
      count(*) filter (where joined_on < ${BENCH_JOINED_BEFORE}) as joined,
      count(*) filter (where joined_on < ${BENCH_JOINED_BEFORE} and status = 'full'
        and full_member_since <= ${options.asOf}) as eligible
    from members`.execute(db)
  const counts = share.rows[0] ?? { total: '0', joined: '0', eligible: '0' }
  const percent = (part: string) => ((100 * Number(part)) / Math.max(1, Number(counts.total))).toFixed(1)
  const note =
    `Charter: charter/default.yaml with levels ${SYNTHETIC_LEVELS.join(' → ')} and the region (and central) ` +
    `secretary's "joined before" moved from 1917-11-07 to **${BENCH_JOINED_BEFORE}**, as the synthetic join dates ` +
    `are the 1923 shape a century on. ${percent(counts.joined)} % of the ${Number(counts.total).toLocaleString('en-GB')} ` +
    `members joined before it; ${percent(counts.eligible)} % also stand as full members on ${options.asOf}, so ` +
    `about that share of a region qualifies for its secretary. District secretary: 3 years of membership; unit ` +
    `secretary: 1 year. Dates: ${options.asOf}. ${samples} calls per row after 5 warm-up calls each.`
  options.log(note.replaceAll('**', ''))

  const random = new SeededRandom(options.seed)
  const bodies = await pickable(db)
  const regions = await db
    .selectFrom('bodies')
    .select(['id', 'name'])
    .where('level', '=', 'region')
    .orderBy('id')
    .execute()
  const list = (post: string, bodyId: number) => {
    const base = { post, bodyId, date: options.asOf, limit: 50 }
    return timedPages(
      () => listEligibleMembers(db, base),
      (page) => page.nextCursor,
      (cursor) => listEligibleMembers(db, { ...base, cursor }),
    )
  }
  const rows: Row[] = []
  const sample = async (
    query: string,
    scope: string,
    target: boolean,
    run: () => Promise<number[]>,
    paged = true,
  ) => {
    for (let i = 0; i < 5; i++) await run()
    const first: number[] = []
    const next: number[] = []
    for (let i = 0; i < samples; i++) {
      const [a, b] = await run()
      if (a !== undefined) first.push(a)
      if (b !== undefined) next.push(b)
    }
    rows.push({ query: paged ? `${query} (page of 50)` : query, scope, values: first, target })
    if (next.length > 0) rows.push({ query: `${query} (next page of 50)`, scope, values: next, target })
    const p95 = percentile(
      [...first].sort((a, b) => a - b),
      0.95,
    )
    options.log(`${query} @ ${scope}: ${first.length} samples, p95 ${ms(p95)} ms`)
    return first
  }

  const allRegions: number[] = []
  for (const region of regions) {
    allRegions.push(
      ...(await sample('eligible region secretaries', region.name, true, () =>
        list('region-secretary', region.id),
      )),
    )
  }
  rows.push({
    query: 'eligible region secretaries (page of 50)',
    scope: 'all regions',
    values: allRegions,
    target: true,
  })
  await sample('eligible district secretaries', 'random district', false, () =>
    list('district-secretary', random.pick(bodies.district).id),
  )
  await sample('eligible unit secretaries', 'random unit', false, () =>
    list('unit-secretary', random.pick(bodies.unit).id),
  )
  const members = await randomMembers(db, random, 1000)
  await sample(
    'checkEligibility, one member',
    'region secretary of their region',
    false,
    async () => {
      const member = random.pick(members)
      return [
        await timed(() =>
          checkEligibility(db, {
            memberId: member.id,
            post: 'region-secretary',
            bodyId: member.regionId,
            date: options.asOf,
          }),
        ),
      ]
    },
    false,
  )

  const lines = [
    '## Eligibility: listing who may hold a post, and single checks',
    '',
    note,
    '',
    `| query | scope | samples | p50 ms | p95 ms | max ms | ${server ? `p95 ≤ ${ELIGIBILITY_TARGET_MS} ms` : 'target'} |`,
    '|---|---|---:|---:|---:|---:|---|',
    ...rows.map((row) => tableLine(row, server)),
  ]
  if (options.explain) {
    const plans: string[] = []
    for (const [post, level] of [
      ['region-secretary', 'region'],
      ['district-secretary', 'district'],
      ['unit-secretary', 'unit'],
    ] as const) {
      const body = random.pick(bodies[level])
      const plugin = new ExplainPlugin((node: RootOperationNode) => readsMembers(node))
      await listEligibleMembers(db.withPlugin(plugin), {
        post,
        bodyId: body.id,
        date: options.asOf,
        limit: 50,
      })
      plans.push(planSection(`eligible ${post} of ${level} ${body.path}, page of 50`, plugin.plans))
    }
    lines.push(
      '',
      '### Query plans: EXPLAIN (ANALYZE, BUFFERS) of listEligibleMembers as it runs',
      '',
      ...plans,
    )
  }
  return lines.join('\n')
}

/** Random existing members with their region, drawn over the id range. */
async function randomMembers(
  db: Kysely<DB>,
  random: SeededRandom,
  wanted: number,
): Promise<{ id: number; regionId: number }[]> {
  const { rows } = await sql<{
    lo: string
    hi: string
  }>`select min(id) as lo, max(id) as hi from members`.execute(db)
  const lo = Number(rows[0]?.lo ?? 1)
  const hi = Number(rows[0]?.hi ?? 1)
  const ids = Array.from({ length: wanted }, () => random.int(lo, hi))
  const found = await db.selectFrom('members').select(['id', 'region_id']).where('id', 'in', ids).execute()
  return found.map((row) => ({ id: row.id, regionId: row.region_id }))
}

// Standalone: `npx node bench/eligibility.ts [--backend postgres] [--members N --units N | --quick]`.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main()

async function main(): Promise<void> {
  const options = new Command('bench-eligibility')
    .description('Eligibility benchmark on a synthetic organisation')
    .option('--members <n>', 'members to generate', positive, 2_000_000)
    .option('--units <n>', 'units to generate', positive, 100_000)
    .addOption(
      new Option('--backend <kind>', 'which backend').choices(['pglite', 'postgres']).default('postgres'),
    )
    .option('--samples <n>', 'calls per row (at least 50)', positive, 100)
    .option('--quick', '100,000 members in 5,000 units', false)
    .option('--no-explain', 'skip the query plans')
    .parse()
    .opts<{
      members: number
      units: number
      backend: BackendKind
      samples: number
      quick: boolean
      explain: boolean
    }>()
  const members = options.quick ? 100_000 : options.members
  const units = options.quick ? 5_000 : options.units
  const log = (line: string) => console.error(`[bench] ${line}`)
  const command = `npx node bench/eligibility.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`
  const backend = await openBackend(options.backend, log)
  try {
    log(`${backend.description}: generating ${members} members in ${units} units…`)
    const start = performance.now()
    await generateOrganisation(backend.database, systemClock, cliActor, { members, units, seed: 1923 })
    await sql`analyze`.execute(backend.database.db)
    log(`loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`)
    const section = await measureEligibility(backend.database, options.backend === 'postgres', {
      samples: options.samples,
      asOf: toIsoDate(systemClock.now()),
      seed: 2023,
      explain: options.explain,
      log,
    })
    const markdown = [
      `# Charter benchmark: eligibility on ${options.backend}`,
      '',
      `Run ${new Date().toISOString()}, ${members.toLocaleString('en-GB')} members in ${units.toLocaleString('en-GB')} units; ${backend.description}.`,
      '',
      '```sh',
      command,
      '```',
      '',
      section,
      '',
    ].join('\n')
    const file = fileURLToPath(
      new URL(`./results/eligibility-${options.backend}${options.quick ? '-quick' : ''}.md`, import.meta.url),
    )
    writeFileSync(file, markdown)
    console.log(markdown)
  } finally {
    await backend.dispose()
  }
}
