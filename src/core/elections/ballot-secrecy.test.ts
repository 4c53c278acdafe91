import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBallotTest } from './ballot-test-fixtures.ts'
import { exportBlt } from './export-blt.ts'
import { getResults } from './get-results.ts'
import { listPublishedBallots } from './list-published-ballots.ts'
import { verifyTracker } from './verify-tracker.ts'

/**
 * The secret ballot's two promises, tested on 1,000 ballots cast in a known order: no one can
 * join the box back to the roll (no shared transaction id, no column, no physical order), and
 * every voter can find their ballot, as cast, by their tracker once the election has closed.
 */

const BALLOTS = 1000

let t: Awaited<ReturnType<typeof openBallotTest>>
/** What each voter cast, in voting order. */
const cast: { tracker: string; secretary: number[]; bureau: number[] }[] = []

/** A recognisable ranking for the i-th voter: a rotation of the candidates, cut short sometimes. */
function ranking(candidates: readonly number[], i: number): number[] {
  const rotated = candidates.map((_, k) => candidates[(i + k) % candidates.length] as number)
  return rotated.slice(0, 1 + (i % candidates.length))
}

/** Spearman's rank correlation of two permutations of 0..n-1 (no ties). */
function spearman(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  let d2 = 0
  for (let i = 0; i < n; i++) d2 += ((xs[i] as number) - (ys[i] as number)) ** 2
  return 1 - (6 * d2) / (n * (n * n - 1))
}

beforeAll(async () => {
  t = await openBallotTest({ method: 'scottish-stv', voters: BALLOTS })
  for (let i = 0; i < BALLOTS; i++) {
    const secretary = ranking(t.secretary.candidates, i)
    const bureau = ranking(t.bureau.candidates, i)
    const { tracker } = await t.cast(t.voters[i] as number, [
      { contestId: t.secretary.id, preferences: secretary },
      { contestId: t.bureau.id, preferences: bureau },
    ])
    cast.push({ tracker, secretary, bureau })
  }
}, 300_000)
afterAll(async () => {
  await t.database.drop()
})

describe('before the close', () => {
  it('a queued ballot shares its transaction id (xmin) with its roll row: why the queue is emptied', async () => {
    const { rows } = await sql<{ linked: number }>`
      select count(*)::int as linked from ballot_queue q
      join election_voters v on v.xmin = q.xmin and v.election_id = q.election_id`.execute(t.db)
    expect(rows[0]?.linked).toBe(2 * BALLOTS)
  })

  it('keeps the voting order in the queue’s physical order (the measure can see an order)', async () => {
    const votingIndex = new Map(cast.map((ballot, i) => [ballot.tracker, i]))
    const { rows } = await sql<{ tracker: string }>`
      select tracker from ballot_queue where contest_id = ${t.secretary.id} order by ctid`.execute(t.db)
    const rho = spearman(
      rows.map((_, position) => position),
      rows.map((row) => votingIndex.get(row.tracker) as number),
    )
    expect(rho).toBeGreaterThan(0.9)
  })

  it('hides results, ballots, trackers and the BLT from everyone', async () => {
    const electionId = t.electionId
    const hidden = [
      () => getResults(t.db, electionId),
      () => listPublishedBallots(t.db, { electionId }),
      () => verifyTracker(t.db, { electionId, tracker: (cast[0] as { tracker: string }).tracker }),
      () => exportBlt(t.db, { electionId, contestId: t.secretary.id }),
    ]
    for (const read of hidden) expect((await t.refusal(read)).code).toBe('RESULTS_HIDDEN')
  })
})

describe('after the close', () => {
  beforeAll(async () => {
    await t.close()
  }, 120_000)

  it('keeps no physical order: |Spearman ρ| between the box order (ctid) and the voting order < 0.1', async () => {
    const votingIndex = new Map(cast.map((ballot, i) => [ballot.tracker, i]))
    for (const contestId of [t.secretary.id, t.bureau.id]) {
      const { rows } = await sql<{ tracker: string }>`
        select tracker from ballot_box where contest_id = ${contestId} order by ctid`.execute(t.db)
      expect(rows).toHaveLength(BALLOTS)
      const physical = rows.map((_, position) => position)
      const voting = rows.map((row) => votingIndex.get(row.tracker) as number)
      const rho = spearman(physical, voting)
      expect(Math.abs(rho)).toBeLessThan(0.1)
    }
  })

  it('writes the whole box in one transaction, whose xmin no roll row shares', async () => {
    const box = await sql<{ xmin: string }>`
      select distinct xmin::text as xmin from ballot_box where election_id = ${t.electionId}`.execute(t.db)
    expect(box.rows).toHaveLength(1)
    const shared = await sql<{ n: number }>`
      select count(*)::int as n from election_voters
      where election_id = ${t.electionId} and xmin::text = ${box.rows[0]?.xmin}`.execute(t.db)
    expect(shared.rows[0]?.n).toBe(0)
  })

  it('empties the queue and vacuums it down to no pages', async () => {
    const { rows } = await sql<{ rows: number; bytes: number }>`
      select (select count(*)::int from ballot_queue) as rows,
        pg_relation_size('ballot_queue')::int as bytes`.execute(t.db)
    expect(rows[0]).toEqual({ rows: 0, bytes: 0 })
  })

  it('gives the roll, the queue and the box no column a join could use', async () => {
    const { rows } = await sql<{
      table_name: string
      column_name: string
      data_type: string
      column_default: string | null
      is_identity: string
    }>`
      select table_name, column_name, data_type, column_default, is_identity from information_schema.columns
      where table_schema = current_schema() and table_name in ('election_voters', 'ballot_queue', 'ballot_box')
      order by table_name, ordinal_position`.execute(t.db)
    const columns = (table: string) =>
      rows.filter((row) => row.table_name === table).map((row) => row.column_name)
    expect(columns('ballot_box')).toEqual([
      'election_id',
      'contest_id',
      'region_id',
      'preferences',
      'tracker',
    ])
    expect(columns('ballot_queue')).toEqual(columns('ballot_box'))
    expect(columns('election_voters')).toEqual(['election_id', 'member_id', 'region_id'])
    // No ids, sequences or times anywhere in the three tables.
    for (const row of rows) {
      expect(row.is_identity).toBe('NO')
      expect(row.column_default).toBeNull()
      expect(row.data_type).not.toMatch(/time|date|serial/)
    }
    // The only columns the roll and the box share are the election's, and the box's region is the
    // election's region for every ballot, never the voter's.
    const regions = await sql<{ region_id: number }>`
      select distinct region_id from ballot_box where election_id = ${t.electionId}`.execute(t.db)
    const election = await t.db
      .selectFrom('elections')
      .select('region_id')
      .where('id', '=', t.electionId)
      .executeTakeFirstOrThrow()
    expect(regions.rows.map((row) => Number(row.region_id))).toEqual([election.region_id])
  })

  it('verifies every voter’s tracker with the preferences they cast; an unknown tracker is not found', async () => {
    for (const ballot of cast) {
      const found = await verifyTracker(t.db, {
        electionId: t.electionId,
        tracker: ballot.tracker.toUpperCase(),
      })
      expect(found).toEqual({
        tracker: ballot.tracker,
        contests: [
          { contestId: t.secretary.id, preferences: ballot.secretary },
          { contestId: t.bureau.id, preferences: ballot.bureau },
        ],
      })
    }
    expect(await verifyTracker(t.db, { electionId: t.electionId, tracker: '0'.repeat(32) })).toBeNull()
    expect(await verifyTracker(t.db, { electionId: t.electionId, tracker: 'not a tracker' })).toBeNull()
  })

  it('publishes every ballot once, paged in tracker order', async () => {
    const seen: string[] = []
    let after: string | undefined
    for (;;) {
      const page = await listPublishedBallots(t.db, {
        electionId: t.electionId,
        limit: 300,
        ...(after ? { after } : {}),
      })
      for (const item of page.items) {
        seen.push(item.tracker)
        expect(item.contests.map((c) => c.contestId)).toEqual([t.secretary.id, t.bureau.id])
      }
      if (!page.nextCursor) break
      after = page.nextCursor
    }
    expect(seen).toEqual(cast.map((ballot) => ballot.tracker).sort())
  })

  it('counts every ballot and reports turnout', async () => {
    const results = await getResults(t.db, t.electionId)
    const election = await t.db
      .selectFrom('elections')
      .select('tie_break_seed')
      .where('id', '=', t.electionId)
      .executeTakeFirstOrThrow()
    expect(results).toMatchObject({
      votersCount: BALLOTS,
      electorateSize: BALLOTS + 4,
      tieBreakSeed: election.tie_break_seed,
    })
    for (const contest of results.contests) {
      expect(contest).toMatchObject({ ballots: BALLOTS, blank: 0, noCount: null })
      expect(contest.rounds.length).toBeGreaterThan(0)
      expect(contest.electedCandidates).toHaveLength(contest.seats)
    }
  })
})
