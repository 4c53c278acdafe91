import type { Kysely } from 'kysely'
import { SeededRandom } from '../../src/core/demo/random.ts'
import { listMembers } from '../../src/core/members/list-members.ts'
import { listAncestors } from '../../src/core/orgs/list-ancestors.ts'
import { listChildren } from '../../src/core/orgs/list-children.ts'
import { listSubtree } from '../../src/core/orgs/list-subtree.ts'
import type { DB } from '../../src/db/schema.ts'

/** Latency figures of one query shape over many random picks, in milliseconds. */
export interface LatencyRow {
  readonly query: string
  readonly level: string
  readonly samples: number
  readonly p50: number
  readonly p95: number
  readonly max: number
}

/** A body to read from: its id and materialised path. */
export interface BodyPick {
  readonly id: number
  readonly path: string
}

export type Level = 'region' | 'area' | 'district' | 'unit'

/** One query shape: [query, level, one call that returns its own timings (first, optional next page)]. */
export type Shape = readonly [string, string, () => Promise<readonly number[]>]

export interface LatencyOptions {
  readonly samples: number
  readonly asOf: string
  readonly seed: number
  /** Sampling of one row stops early past this budget, so a slow backend still finishes. */
  readonly secondsPerRow: number
  readonly log: (line: string) => void
}

/**
 * Times the read paths a user hits on a big organisation: subtree, children, ancestors, and
 * members with standing ≥ N years (first page and the page after it via the cursor).
 */
export async function measureLatencies(db: Kysely<DB>, options: LatencyOptions): Promise<LatencyRow[]> {
  const random = new SeededRandom(options.seed)
  const bodies = await pickable(db)
  const pick = (level: Level): BodyPick => random.pick(bodies[level])
  const standing = () => random.int(1, 25)

  const shapes: Shape[] = []
  for (const level of ['region', 'area', 'district'] as const) {
    shapes.push([
      'subtree (page of 100)',
      level,
      async () => {
        const body = pick(level)
        return timedPages(
          () => listSubtree(db, { rootId: body.id, limit: 100 }),
          (page) => page.nextCursor,
          (after) => listSubtree(db, { rootId: body.id, limit: 100, after }),
        )
      },
    ])
  }
  for (const level of ['region', 'area', 'district'] as const) {
    shapes.push([
      'children',
      level,
      async () => [await timed(() => listChildren(db, { bodyId: pick(level).id }))],
    ])
  }
  shapes.push([
    'ancestors',
    'unit',
    async () => [await timed(() => listAncestors(db, { bodyId: pick('unit').id }))],
  ])
  for (const level of ['region', 'area', 'district', 'unit'] as const) {
    shapes.push([
      'members, standing ≥ N y (page of 50)',
      level,
      async () => {
        const base = {
          scopePath: pick(level).path,
          asOf: options.asOf,
          minStandingYears: standing(),
          limit: 50,
        }
        return timedPages(
          () => listMembers(db, base),
          (page) => page.nextCursor,
          (after) => listMembers(db, { ...base, after }),
        )
      },
    ])
  }

  return sampleShapes(shapes, options)
}

/**
 * Warms every shape up (5 calls each), then samples each in turn: up to `samples` calls, or fewer
 * when the row's time budget runs out. A shape's second timing becomes a "next page" row.
 */
export async function sampleShapes(
  shapes: readonly Shape[],
  options: Pick<LatencyOptions, 'samples' | 'secondsPerRow' | 'log'>,
): Promise<LatencyRow[]> {
  options.log('warming up…')
  for (const [, , run] of shapes) for (let i = 0; i < 5; i++) await run()

  const rows: LatencyRow[] = []
  for (const [query, level, run] of shapes) {
    const first: number[] = []
    const second: number[] = []
    const deadline = performance.now() + options.secondsPerRow * 1000
    for (let i = 0; i < options.samples && performance.now() < deadline; i++) {
      const [a, b] = await run()
      if (a !== undefined) first.push(a)
      if (b !== undefined) second.push(b)
    }
    const row = summarise(query, level, first)
    rows.push(row)
    if (second.length > 0) rows.push(summarise(query.replace('(page of', '(next page of'), level, second))
    options.log(
      `${query} @ ${level}: ${row.samples} samples, p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`,
    )
  }
  return rows
}

/** Milliseconds one call takes. */
export async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await call()
  return performance.now() - start
}

/** Times the first page, then (when there is one) the next page through its cursor. */
export async function timedPages<P, C>(
  first: () => Promise<P>,
  cursorOf: (page: P) => C | null,
  next: (after: C) => Promise<unknown>,
): Promise<number[]> {
  const start = performance.now()
  const page = await first()
  const firstMs = performance.now() - start
  const cursor = cursorOf(page)
  if (cursor === null) return [firstMs]
  return [firstMs, await timed(() => next(cursor))]
}

function summarise(query: string, level: string, values: number[]): LatencyRow {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
  return {
    query,
    level,
    samples: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? Number.NaN,
  }
}

/** Active bodies by level, to pick scopes from. */
export async function pickable(db: Kysely<DB>): Promise<Record<Level, BodyPick[]>> {
  const rows = await db
    .selectFrom('bodies')
    .select(['id', 'path', 'level'])
    .where('level', 'in', ['region', 'area', 'district', 'unit'])
    .where('status', '=', 'active')
    .execute()
  const byLevel: Record<Level, BodyPick[]> = { region: [], area: [], district: [], unit: [] }
  for (const row of rows) byLevel[row.level as Level].push({ id: row.id, path: row.path })
  return byLevel
}
