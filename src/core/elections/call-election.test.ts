import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CallElectionInput, callElection } from './call-election.ts'
import { getElection } from './get-election.ts'
import { NOW, openLifecycleTest, WINDOWS } from './lifecycle-test-fixture.ts'
import { listElections } from './list-elections.ts'

let t: Awaited<ReturnType<typeof openLifecycleTest>>

beforeAll(async () => {
  t = await openLifecycleTest()
})
afterAll(async () => t.database.drop())

function refuseCall(overrides: Partial<CallElectionInput>) {
  return t.refusal((ctx) => callElection(ctx, t.callInput(overrides)))
}

describe('callElection', () => {
  it('records the call, its contests, a fresh 32-byte seed, the event and the four jobs', async () => {
    const election = await t.call()
    expect(election).toMatchObject({ state: 'called', method: 'scottish-stv', body_id: t.tree.unitA1.id })
    expect(election.tie_break_seed).toMatch(/^[0-9a-f]{64}$/)
    const other = await t.call({ title: 'Another' })
    expect(other.tie_break_seed).not.toBe(election.tie_break_seed)

    const [called] = await t.eventsOf(election.id)
    expect(called).toMatchObject({ type: 'election.called', body_id: t.tree.unitA1.id })
    expect(called?.payload).toMatchObject({
      method: 'scottish-stv',
      contests: [
        { post: 'unit-secretary', seats: 1 },
        { post: 'unit-bureau-member', seats: 2 },
      ],
      votingOpenAt: '1923-12-08T09:00:00.000Z',
    })
    expect(await t.jobsOf(election.id)).toEqual(
      ['open-nominations', 'close-nominations', 'open-voting', 'close-voting'].map((kind) => ({
        kind: `election.${kind}`,
        state: 'pending',
        attempts: 0,
        last_error: null,
      })),
    )
    const jobs = await t.db
      .selectFrom('scheduled_jobs')
      .select(['kind', 'due_at'])
      .where('subject_id', '=', election.id)
      .orderBy('due_at')
      .execute()
    expect(jobs.map((j) => new Date(j.due_at).toISOString())).toEqual(
      Object.values(WINDOWS).map((w) => new Date(w).toISOString()),
    )
  })

  it('refuses windows out of order or in the past, with each field named', async () => {
    const error = await t.refusal((ctx) =>
      callElection(ctx, {
        bodyId: t.tree.unitA1.id,
        title: 'Bad windows',
        method: 'block',
        contests: [{ post: 'unit-bureau-member', seats: 2 }],
        nominationsOpenAt: '1923-12-01T09:00:00Z',
        nominationsCloseAt: '1923-11-30T09:00:00Z',
        votingOpenAt: '1923-11-29T09:00:00Z',
        votingCloseAt: '1923-11-29T09:00:00Z',
      }),
    )
    expect(error.code).toBe('VALIDATION_FAILED')
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'nominationsOpenAt',
      'nominationsCloseAt',
      'votingOpenAt',
      'votingCloseAt',
    ])
  })

  it('refuses plurality with more than one seat, a post twice, and an unknown method', async () => {
    const plural = await refuseCall({
      method: 'plurality',
      contests: [{ post: 'unit-bureau-member', seats: 2 }],
    })
    expect(plural.code).toBe('VALIDATION_FAILED')
    expect(plural.details).toMatchObject({ issues: [{ path: 'contests.0.seats' }] })
    const twice = await refuseCall({
      contests: [
        { post: 'unit-secretary', seats: 1 },
        { post: 'unit-secretary', seats: 1 },
      ],
    })
    expect(twice.details).toMatchObject({ issues: [{ path: 'contests.1.post' }] })
    const method = await refuseCall({ method: 'borda' as 'block' })
    expect(method.details).toMatchObject({ issues: [{ path: 'method' }] })
  })

  it('refuses a post the charter lacks, or defines at another level, and more seats than it has', async () => {
    const unknown = await refuseCall({ contests: [{ post: 'tsar', seats: 1 }] })
    expect(unknown.code).toBe('UNKNOWN_POST')
    const level = await refuseCall({ contests: [{ post: 'district-secretary', seats: 1 }] })
    expect(level).toMatchObject({
      code: 'UNKNOWN_POST',
      details: { postLevel: 'district', bodyLevel: 'unit' },
    })
    const seats = await refuseCall({ contests: [{ post: 'unit-bureau-member', seats: 3 }] })
    expect(seats.code).toBe('VALIDATION_FAILED')
    expect(seats.details).toMatchObject({ issues: [{ path: 'contests.0.seats' }] })
    expect((seats.details as { issues: { message: string }[] }).issues[0]?.message).toContain(
      'posts.unit-bureau-member',
    )
  })

  it('reads back an election and lists a body’s elections, or its subtree’s', async () => {
    const election = await t.call({ title: 'Read me' })
    const view = await getElection(t.db, election.id, new Date(NOW))
    expect(view).toMatchObject({
      id: election.id,
      title: 'Read me',
      state: 'called',
      nominationsOpen: false,
      votingOpen: false,
      tieBreakSeed: null,
      electorateSize: null,
      votersCount: 0,
      body: { id: t.tree.unitA1.id, name: 'Unit A1' },
      me: null,
    })
    expect(view.contests.map((c) => [c.post, c.title, c.seats, c.candidates])).toEqual([
      ['unit-secretary', 'Unit secretary', 1, []],
      ['unit-bureau-member', 'Member of the unit bureau', 2, []],
    ])
    const own = await listElections(t.db, { bodyId: t.tree.unitA1.id })
    expect(own.items.map((e) => e.title)).toContain('Read me')
    expect(own.items[0]?.posts).toEqual(['unit-secretary', 'unit-bureau-member'])
    expect((await listElections(t.db, { bodyId: t.tree.districtA.id })).items).toEqual([])
    const subtree = await listElections(t.db, { bodyId: t.tree.districtA.id, includeSubtree: true })
    expect(subtree.items.length).toBe(own.items.length)
    const page = await listElections(t.db, { bodyId: t.tree.unitA1.id, limit: 1 })
    expect(page.items).toHaveLength(1)
    const next = await listElections(t.db, {
      bodyId: t.tree.unitA1.id,
      limit: 1,
      after: page.nextCursor ?? '',
    })
    expect(next.items[0]?.id).not.toBe(page.items[0]?.id)
    expect((await listElections(t.db, { bodyId: t.tree.unitA1.id, state: 'voting' })).items).toEqual([])
  })
})
