import { type Kysely, sql } from 'kysely'
import { SeededRandom } from '../../src/core/demo/random.ts'
import { listEvents } from '../../src/core/events/list-events.ts'
import { logStatus } from '../../src/core/events/log-status.ts'
import { getMember } from '../../src/core/members/get-member.ts'
import { searchBodies } from '../../src/core/orgs/search-bodies.ts'
import { collectPersonalData } from '../../src/core/privacy/collect-personal-data.ts'
import type { DB } from '../../src/db/schema.ts'
import {
  type LatencyOptions,
  type LatencyRow,
  type Level,
  pickable,
  type Shape,
  sampleShapes,
  timed,
  timedPages,
} from './latency.ts'

/** The root body's path and the units' numbers, for searches that find a known unit. */
async function rootPath(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('bodies')
    .select('path')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow()
  return row.path
}

/** Members listed in some member-list read, sampled from random events (a member with readers). */
export async function readMembers(db: Kysely<DB>, random: SeededRandom, wanted: number): Promise<number[]> {
  const { rows } = await sql<{ lo: string | number; hi: string | number }>`
    select min(id) as lo, max(id) as hi from events where type = 'member_records.read'`.execute(db)
  const lo = Number(rows[0]?.lo ?? 0)
  const hi = Number(rows[0]?.hi ?? 0)
  if (hi === 0) return []
  const ids = Array.from({ length: wanted * 4 }, () => random.int(lo, hi))
  const found = await db
    .selectFrom('events')
    .select('payload')
    .where('id', 'in', ids)
    .where('type', '=', 'member_records.read')
    .limit(wanted)
    .execute()
  return found.flatMap((row) => {
    const listed = (row.payload as { memberIds?: number[] }).memberIds ?? []
    return listed.length > 0 ? [random.pick(listed)] : []
  })
}

/**
 * Times the read paths added after the first bench: body search by name, the activity feed,
 * the log status, a member's detail and their personal-data document. Run after
 * synthesiseEvents, so the feed and the document read a log of realistic size.
 */
export async function measureNewerReads(db: Kysely<DB>, options: LatencyOptions): Promise<LatencyRow[]> {
  const random = new SeededRandom(options.seed + 1)
  const bodies = await pickable(db)
  const root = await rootPath(db)
  const pick = (level: Level) => random.pick(bodies[level])
  const units = bodies.unit.length
  const members = await existingMembers(db, random, 1000)
  const withReaders = await readMembers(db, random, 1000)
  options.log(`personal data: ${withReaders.length} members listed in read events to pick from`)

  const shapes: Shape[] = []
  const rare = () => `Unit ${random.int(1, units)}`
  const common = () => random.pick(['factory', 'village', 'office'])
  for (const [label, q] of [
    ['body search, rare ("Unit n", page of 20)', rare],
    ['body search, common ("factory", page of 20)', common],
  ] as const) {
    shapes.push([
      label,
      'root',
      async () => [await timed(() => searchBodies(db, { scopePath: root, q: q(), limit: 20 }))],
    ])
    shapes.push([
      label,
      'region',
      async () => [
        await timed(() => searchBodies(db, { scopePath: pick('region').path, q: q(), limit: 20 })),
      ],
    ])
  }

  const feed = (scopePath: string) =>
    timedPages(
      () => listEvents(db, { scopePath, limit: 50 }),
      (page) => page.nextAfter,
      (after) => listEvents(db, { scopePath, limit: 50, after }),
    )
  shapes.push(['activity feed (page of 50)', 'root', () => feed(root)])
  for (const level of ['region', 'area', 'district', 'unit'] as const) {
    shapes.push(['activity feed (page of 50)', level, () => feed(pick(level).path)])
  }

  shapes.push(['log status (all unsealed)', 'root', async () => [await timed(() => logStatus(db))]])
  shapes.push([
    'member detail (getMember)',
    'member',
    async () => [await timed(() => getMember(db, random.pick(members)))],
  ])
  if (withReaders.length > 0) {
    shapes.push([
      'personal-data document',
      'member',
      async () => [await timed(() => collectPersonalData(db, { memberId: random.pick(withReaders) }))],
    ])
  }
  return sampleShapes(shapes, options)
}

/** Ids of existing members, drawn uniformly over the id range (a gap is simply skipped). */
async function existingMembers(db: Kysely<DB>, random: SeededRandom, wanted: number): Promise<number[]> {
  const { rows } = await sql<{ lo: string | number; hi: string | number }>`
    select min(id) as lo, max(id) as hi from members`.execute(db)
  const lo = Number(rows[0]?.lo ?? 1)
  const hi = Number(rows[0]?.hi ?? 1)
  const ids = Array.from({ length: wanted }, () => random.int(lo, hi))
  const found = await db.selectFrom('members').select('id').where('id', 'in', ids).execute()
  return found.map((row) => row.id)
}

/** The log status again, once the sealer has covered the log (seal rows only plus a short range). */
export async function measureSealedStatus(db: Kysely<DB>, options: LatencyOptions): Promise<LatencyRow[]> {
  return sampleShapes(
    [['log status (sealed)', 'root', async () => [await timed(() => logStatus(db))]]],
    options,
  )
}
