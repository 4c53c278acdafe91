import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBlt } from '../counting/blt.ts'
import { countingMethods } from '../counting/methods.ts'
import { appointToPost } from '../mandates/appoint-to-post.ts'
import { recordElectedMandate } from '../mandates/record-elected-mandate.ts'
import { AFTER_CLOSE, DURING_VOTING, openBallotTest } from './ballot-test-fixtures.ts'
import { closeElection } from './close-election.ts'
import { exportBlt } from './export-blt.ts'
import { getResults } from './get-results.ts'
import { listPublishedBallots } from './list-published-ballots.ts'

type Fixture = Awaited<ReturnType<typeof openBallotTest>>

/** Casts `times` identical ballots, each by the next voter of `queue`. */
async function castMany(t: Fixture, queue: number[], times: number, secretary: number[], bureau: number[]) {
  for (let i = 0; i < times; i++) {
    await t.cast(queue.shift() as number, [
      { contestId: t.secretary.id, preferences: secretary },
      { contestId: t.bureau.id, preferences: bureau },
    ])
  }
}

describe('closing a block-vote election', () => {
  let t: Fixture
  let appointedId: number
  beforeAll(async () => {
    t = await openBallotTest({ method: 'block', voters: 6 })
    // Olga was appointed secretary by the district: the election is due to replace her.
    const appointed = await t.run((ctx) =>
      appointToPost(ctx, {
        memberId: t.members.olga.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-secretary',
        appointedByBodyId: t.tree.districtA.id,
        justification: 'no-literate-candidate',
        startsOn: '1923-10-01',
      }),
    )
    appointedId = appointed.id
    const [vera, semyon, pavel, olga] = t.bureau.candidates as [number, number, number, number]
    const [sVera, sSemyon, sPavel] = t.secretary.candidates as [number, number, number]
    const queue = [...t.voters]
    // Secretary: Semyon 4, Vera 3, Pavel 2, one blank. Bureau: Olga 7, Vera 4, Semyon 3, Pavel 2.
    await castMany(t, queue, 4, [sSemyon], [vera, olga])
    await castMany(t, queue, 3, [sVera], [semyon, olga])
    await castMany(t, queue, 2, [sPavel], [pavel])
    await castMany(t, queue, 1, [], [])
  })
  afterAll(async () => {
    await t.database.drop()
  })

  it('refuses to close before the close time', async () => {
    t.clock.set(DURING_VOTING)
    const error = await t.refusal(() => t.run((ctx) => closeElection(ctx, t.electionId)))
    expect(error.code).toBe('ELECTION_WRONG_PHASE')
  })

  it('counts each contest, closes the election and writes election.closed', async () => {
    const result = await t.close()
    const { vera, semyon, olga } = t.members
    expect(result).toMatchObject({
      outcome: 'closed',
      votersCount: 10,
      contests: [
        { contestId: t.secretary.id, electedMemberIds: [semyon.id] },
        { contestId: t.bureau.id, electedMemberIds: [olga.id, vera.id] },
      ],
    })
    const election = await t.db
      .selectFrom('elections')
      .selectAll()
      .where('id', '=', t.electionId)
      .executeTakeFirstOrThrow()
    expect(election).toMatchObject({ state: 'closed', voters_count: 10 })
    expect(new Date(election.closed_at as Date).toISOString()).toBe('1923-12-05T18:00:00.000Z')
    const results = await getResults(t.db, t.electionId)
    const [secretary, bureau] = results.contests
    expect(secretary).toMatchObject({ ballots: 9, blank: 1, elected: [1], noCount: null })
    expect(secretary?.rounds[0]?.votes).toEqual([3, 4, 2])
    expect(secretary?.electedCandidates.map((c) => c.name)).toEqual(['Semyon Second'])
    expect(bureau?.rounds[0]?.votes).toEqual([4, 3, 2, 7])
    expect(bureau?.electedCandidates.map((c) => c.name)).toEqual(['Olga Fourth', 'Vera Veteran'])
    expect(results).toMatchObject({ votersCount: 10, electorateSize: 10, turnout: 1 })
    expect(results.tieBreakSeed).toMatch(/^[0-9a-f]{64}$/)
    const closed = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'election.closed')
      .executeTakeFirstOrThrow()
    expect(closed.payload).toEqual({
      votersCount: 10,
      electorateSize: 10,
      contests: [
        { contestId: t.secretary.id, post: 'unit-secretary', electedMemberIds: [semyon.id] },
        { contestId: t.bureau.id, post: 'unit-bureau-member', electedMemberIds: [olga.id, vera.id] },
      ],
    })
  })

  it('makes elected mandates from the result, ending the appointment they replace', async () => {
    const mandates = await t.db
      .selectFrom('mandates')
      .select(['id', 'member_id', 'post', 'how', 'election_id', 'starts_on', 'ended_on', 'end_reason'])
      .where('body_id', '=', t.tree.unitA1.id)
      .orderBy('id')
      .execute()
    expect(mandates).toEqual([
      {
        id: appointedId,
        member_id: t.members.olga.id,
        post: 'unit-secretary',
        how: 'appointed',
        election_id: null,
        starts_on: '1923-10-01',
        ended_on: '1923-12-05',
        end_reason: 'replaced',
      },
      ...[
        [t.members.semyon.id, 'unit-secretary'],
        [t.members.olga.id, 'unit-bureau-member'],
        [t.members.vera.id, 'unit-bureau-member'],
      ].map(([memberId, post]) => ({
        id: expect.any(Number),
        member_id: memberId,
        post,
        how: 'elected',
        election_id: t.electionId,
        starts_on: '1923-12-05',
        ended_on: null,
        end_reason: null,
      })),
    ])
    const results = await getResults(t.db, t.electionId)
    expect(results.contests[0]?.mandates).toEqual([
      {
        memberId: t.members.semyon.id,
        mandateId: mandates[1]?.id,
        replacedMandateIds: [appointedId],
        refused: null,
      },
    ])
  })

  it('is idempotent: closing again changes nothing', async () => {
    const events = await t.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const again = await t.run((ctx) => closeElection(ctx, t.electionId))
    expect(again).toMatchObject({ outcome: 'already-closed', votersCount: 10 })
    expect(again.afterCommit).toBeUndefined()
    const after = await t.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(events.n))
  })
})

describe('closing a Scottish STV election', () => {
  let t: Fixture
  beforeAll(async () => {
    t = await openBallotTest({ method: 'scottish-stv', voters: 8 })
    // Pavel won the secretary's post in an election held before Charter; his term runs to June 1924.
    await t.run((ctx) =>
      recordElectedMandate(ctx, {
        memberId: t.members.pavel.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-secretary',
        startsOn: '1923-06-01',
        electionId: null,
      }),
    )
    const [vera, semyon, pavel, olga] = t.bureau.candidates as [number, number, number, number]
    const [sVera, sSemyon, sPavel] = t.secretary.candidates as [number, number, number]
    const queue = [...t.voters]
    await castMany(t, queue, 5, [sSemyon, sVera], [vera, semyon, olga])
    await castMany(t, queue, 4, [sVera], [semyon, vera])
    await castMany(t, queue, 3, [sPavel, sVera], [olga, pavel])
  })
  afterAll(async () => {
    await t.database.drop()
  })

  it('keeps the count when a mandate is refused, and records why', async () => {
    const result = await t.close()
    expect(result.outcome).toBe('closed')
    const results = await getResults(t.db, t.electionId)
    const secretary = results.contests[0]
    // Semyon leads on first preferences (5, Vera 4, Pavel 3), but the quota is 7: Pavel is
    // excluded and his three papers elect Vera.
    expect(secretary?.electedCandidates.map((c) => c.name)).toEqual(['Vera Veteran'])
    expect(secretary?.rounds.map((round) => round.votes)).toEqual([
      [4, 5, 3],
      [7, 5, 0],
    ])
    expect(secretary?.mandates).toEqual([
      {
        memberId: t.members.vera.id,
        mandateId: null,
        replacedMandateIds: [],
        refused: { code: 'SEATS_FILLED', message: expect.stringContaining('unit-secretary') },
      },
    ])
    // The refused mandate left nothing behind: Pavel still holds the post, alone.
    const holders = await t.db
      .selectFrom('mandates')
      .select('member_id')
      .where('post', '=', 'unit-secretary')
      .where('ended_on', 'is', null)
      .execute()
    expect(holders).toEqual([{ member_id: t.members.pavel.id }])
  })

  it('exports each contest as a BLT file that counts to the same result', async () => {
    const results = await getResults(t.db, t.electionId)
    for (const contest of results.contests) {
      const text = await exportBlt(t.db, { electionId: t.electionId, contestId: contest.contestId })
      const parsed = parseBlt(text)
      expect(parsed.title).toBe(`Unit A1 elections, December 1923: ${contest.post}`)
      expect(parsed.candidates).toEqual(contest.candidates.map((c) => c.name))
      expect(parsed.ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(12)
      const recount = countingMethods['scottish-stv'].count({ ...parsed, tieBreakSeed: results.tieBreakSeed })
      expect(recount.elected).toEqual(contest.elected)
      expect(recount.rounds).toEqual(contest.rounds)
    }
  })
})

describe('closing an election no one voted in', () => {
  let t: Fixture
  beforeAll(async () => {
    t = await openBallotTest({ method: 'approval', voters: 2 })
  })
  afterAll(async () => {
    await t.database.drop()
  })

  it('is closed by the scheduled close-voting job, with no count, saying why', async () => {
    const { done } = await t.tick(AFTER_CLOSE)
    expect(done).toBe(1)
    const results = await getResults(t.db, t.electionId)
    expect(results).toMatchObject({ votersCount: 0, turnout: 0 })
    for (const contest of results.contests) {
      expect(contest).toMatchObject({ ballots: 0, blank: 0, elected: [], rounds: [], mandates: [] })
      expect(contest.noCount).toMatch(/No ballot/)
    }
    expect(await listPublishedBallots(t.db, { electionId: t.electionId })).toEqual({
      items: [],
      nextCursor: null,
    })
  })
})
