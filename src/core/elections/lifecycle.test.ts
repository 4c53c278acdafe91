import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeMemberStatus } from '../members/change-member-status.ts'
import { registerMember } from '../members/register-member.ts'
import type { JobHandlers } from '../scheduler/job-handler.ts'
import { runDueJobs } from '../scheduler/run-due-jobs.ts'
import { vacuumBallotQueue } from './ballot-queue.ts'
import { cancelElection } from './cancel-election.ts'
import { castBallot } from './cast-ballot.ts'
import { closeNominations } from './close-nominations.ts'
import { electionJobHandlers } from './election-jobs.ts'
import { getElection } from './get-election.ts'
import { DURING, NOW, openLifecycleTest, WINDOWS } from './lifecycle-test-fixture.ts'
import { nominateCandidate } from './nominate-candidate.ts'
import { openNominations } from './open-nominations.ts'
import { openVoting } from './open-voting.ts'

let t: Awaited<ReturnType<typeof openLifecycleTest>>

beforeAll(async () => {
  t = await openLifecycleTest()
})
afterAll(async () => t.database.drop())

function stand(electionId: number, post: string, memberId: number) {
  return t.run((ctx) => nominateCandidate(ctx, { electionId, post, memberId }))
}

async function eventTypes(electionId: number): Promise<string[]> {
  return (await t.eventsOf(electionId)).map((e) => e.type)
}

describe('the election lifecycle, driven by the clock alone', () => {
  it('goes called → nominating → voting → closed at its times, with mandates from the result', async () => {
    t.clock.set(NOW)
    // Lena is suspended from 20 December, after voting opens: she votes. Pyotr is suspended
    // from the 5th, before it: he does not. Kolya, a candidate member, has a consultative voice.
    const { lena, pyotr } = await t.run(async (ctx) => {
      const member = (fullName: string) =>
        registerMember(ctx, {
          unitId: t.tree.unitA1.id,
          fullName,
          joinedOn: '1919-01-01',
          category: 'worker',
          status: 'full',
        })
      const lena = await member('Lena Later')
      const pyotr = await member('Pyotr Earlier')
      await changeMemberStatus(ctx, { memberId: lena.id, to: 'suspended', onDate: '1923-12-20' })
      await changeMemberStatus(ctx, { memberId: pyotr.id, to: 'suspended', onDate: '1923-12-05' })
      return { lena, pyotr }
    })
    const election = await t.call()

    expect((await t.tick('1923-12-03T08:59:59Z')).done).toBe(0)
    expect(await t.state(election.id)).toBe('called')
    expect((await t.tick(DURING.nominations)).done).toBe(1)
    expect(await t.state(election.id)).toBe('nominating')

    const secretary = [await stand(election.id, 'unit-secretary', t.vera.id)]
    secretary.push(await stand(election.id, 'unit-secretary', t.semyon.id))
    const bureau = [await stand(election.id, 'unit-bureau-member', t.vera.id)]
    bureau.push(await stand(election.id, 'unit-bureau-member', t.semyon.id))

    await t.tick(DURING.betweenWindows)
    expect(await t.state(election.id)).toBe('nominating')
    const closed = (await t.eventsOf(election.id)).find((e) => e.type === 'election.nominations_closed')
    expect(closed?.payload).toEqual({ candidates: 4 })

    await t.tick(DURING.voting)
    expect(await t.state(election.id)).toBe('voting')
    const electors = await t.db
      .selectFrom('election_electors')
      .select(['member_id', 'voice'])
      .where('election_id', '=', election.id)
      .orderBy('member_id')
      .execute()
    expect(electors).toEqual(
      [
        { member_id: t.vera.id, voice: 'vote' },
        { member_id: t.semyon.id, voice: 'vote' },
        { member_id: t.nina.id, voice: 'vote' },
        { member_id: t.kolya.id, voice: 'consultative' },
        { member_id: lena.id, voice: 'vote' },
      ].sort((a, b) => a.member_id - b.member_id),
    )
    expect(electors.map((e) => e.member_id)).not.toContain(pyotr.id)
    const opened = (await t.eventsOf(election.id)).find((e) => e.type === 'election.voting_opened')
    expect(opened?.payload).toEqual({ electorateSize: 4, consultative: 1 })

    const [vera, semyon] = secretary.map((c) => c.id)
    const [veraB, semyonB] = bureau.map((c) => c.id)
    const [secretaryContest, bureauContest] = [secretary[0]?.contest_id ?? 0, bureau[0]?.contest_id ?? 0]
    const ballots: [number, number[], number[]][] = [
      [t.vera.id, [vera ?? 0], [veraB ?? 0, semyonB ?? 0]],
      [t.semyon.id, [semyon ?? 0], [semyonB ?? 0, veraB ?? 0]],
      [t.nina.id, [vera ?? 0], [veraB ?? 0]],
      [lena.id, [vera ?? 0, semyon ?? 0], [veraB ?? 0]],
    ]
    for (const [memberId, first, second] of ballots) {
      await t.run((ctx) =>
        castBallot(ctx, {
          electionId: election.id,
          memberId,
          contests: [
            { contestId: secretaryContest, preferences: first },
            { contestId: bureauContest, preferences: second },
          ],
        }),
      )
    }
    const during = await getElection(t.db, election.id, t.clock.now(), { memberId: t.nina.id })
    expect(during).toMatchObject({ votingOpen: true, electorateSize: 4, votersCount: 4, tieBreakSeed: null })
    expect(during.me).toMatchObject({ voice: 'vote', hasVoted: true })

    const last = await t.tick(DURING.afterClose)
    expect(last).toEqual({ done: 1, errors: [] })
    const after = await getElection(t.db, election.id, t.clock.now())
    expect(after).toMatchObject({ state: 'closed', votersCount: 4, tieBreakSeed: election.tie_break_seed })
    const mandates = await t.db
      .selectFrom('mandates')
      .select(['member_id', 'post', 'how', 'election_id'])
      .where('election_id', '=', election.id)
      .orderBy('post')
      .orderBy('member_id')
      .execute()
    expect(mandates).toEqual([
      { member_id: t.vera.id, post: 'unit-bureau-member', how: 'elected', election_id: election.id },
      { member_id: t.semyon.id, post: 'unit-bureau-member', how: 'elected', election_id: election.id },
      { member_id: t.vera.id, post: 'unit-secretary', how: 'elected', election_id: election.id },
    ])
    expect((await t.jobsOf(election.id)).map((j) => j.state)).toEqual(['done', 'done', 'done', 'done'])
    expect(await eventTypes(election.id)).toEqual([
      'election.called',
      'election.nominations_opened',
      ...Array(4).fill('election.nominated'),
      'election.nominations_closed',
      'election.voting_opened',
      ...Array(4).fill('election.ballot_cast'),
      'election.closed',
    ])

    // A closed election cannot be cancelled.
    const refused = await t.refusal((ctx) =>
      cancelElection(ctx, { electionId: election.id, reason: 'Too late' }),
    )
    expect(refused.code).toBe('ELECTION_CLOSED')
  })
})

describe('transitions', () => {
  it('are idempotent: a second call in the reached state does nothing', async () => {
    t.clock.set(NOW)
    const election = await t.call({ title: 'Idempotent' })
    t.clock.set(DURING.nominations)
    expect(await t.run((ctx) => openNominations(ctx, election.id))).toBe(true)
    expect(await t.run((ctx) => openNominations(ctx, election.id))).toBe(false)
    await stand(election.id, 'unit-secretary', t.vera.id)
    await stand(election.id, 'unit-bureau-member', t.vera.id)
    t.clock.set(DURING.betweenWindows)
    expect(await t.run((ctx) => closeNominations(ctx, election.id))).toBe(true)
    expect(await t.run((ctx) => closeNominations(ctx, election.id))).toBe(false)
    t.clock.set(DURING.voting)
    expect(await t.run((ctx) => openVoting(ctx, election.id))).toMatchObject({ outcome: 'opened' })
    expect(await t.run((ctx) => openVoting(ctx, election.id))).toEqual({ outcome: 'unchanged' })
    // The jobs, now due, find their work done and complete without writing anything more.
    const before = await eventTypes(election.id)
    expect(await runDueJobs({ db: t.db, clock: t.clock }, electionJobHandlers)).toEqual({
      done: 3,
      errors: [],
    })
    expect(await eventTypes(election.id)).toEqual(before)
    expect(before.filter((type) => type === 'election.voting_opened')).toHaveLength(1)
    // And a transition in a wrong state is refused.
    const early = await t.refusal((ctx) => openNominations(ctx, election.id))
    expect(early).toMatchObject({
      code: 'ELECTION_WRONG_PHASE',
      details: { state: 'voting', expected: 'called' },
    })
  })

  it('refuse a transition before its time', async () => {
    t.clock.set(NOW)
    const election = await t.call({ title: 'Too early' })
    const error = await t.refusal((ctx) => openNominations(ctx, election.id))
    expect(error).toMatchObject({
      code: 'ELECTION_WRONG_PHASE',
      details: { nominationsOpenAt: new Date(WINDOWS.nominationsOpenAt).toISOString() },
    })
    const voting = await t.refusal((ctx) => openVoting(ctx, election.id))
    expect(voting).toMatchObject({ code: 'ELECTION_WRONG_PHASE', details: { state: 'called' } })
    await t.run((ctx) => cancelElection(ctx, { electionId: election.id, reason: 'Test done' }))
  })

  it('survive a restart: a fresh runner performs what fell due while none ran', async () => {
    t.clock.set(NOW)
    const election = await t.call({ title: 'Restart' })
    t.clock.set(DURING.betweenWindows)
    // The first runner dies mid-transition: its work is rolled back and the job stays pending.
    const crashing: JobHandlers = {
      ...electionJobHandlers,
      'election.open-nominations': async () => {
        throw new Error('process killed')
      },
    }
    const crashed = await runDueJobs({ db: t.db, clock: t.clock }, crashing)
    // Closing nominations that never opened is refused too: both stay pending, to be retried.
    expect(crashed.errors.map((e) => [e.kind, e.subjectId, e.outcome])).toEqual([
      ['election.open-nominations', election.id, 'retry'],
      ['election.close-nominations', election.id, 'retry'],
    ])
    expect(await t.state(election.id)).toBe('called')
    // A new process starts: both due transitions run, in order.
    const fresh = await runDueJobs({ db: t.db, clock: t.clock }, { ...electionJobHandlers })
    expect(fresh).toEqual({ done: 2, errors: [] })
    expect(await t.state(election.id)).toBe('nominating')
    expect(await eventTypes(election.id)).toEqual([
      'election.called',
      'election.nominations_opened',
      'election.nominations_closed',
    ])
  })

  it('cancel an election whose contest has no accepted candidate when voting opens', async () => {
    t.clock.set(NOW)
    const election = await t.call({ title: 'No bureau candidates' })
    await t.tick(DURING.nominations)
    await stand(election.id, 'unit-secretary', t.vera.id)
    await t.tick(DURING.voting)
    const row = await t.db
      .selectFrom('elections')
      .selectAll()
      .where('id', '=', election.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ state: 'cancelled', electorate_size: null })
    expect(row.cancel_reason).toContain('unit-bureau-member')
    expect((await t.jobsOf(election.id)).map((j) => [j.kind, j.state])).toEqual([
      ['election.open-nominations', 'done'],
      ['election.close-nominations', 'done'],
      ['election.open-voting', 'done'],
      ['election.close-voting', 'cancelled'],
    ])
    expect((await t.eventsOf(election.id)).at(-1)?.payload).toEqual({
      fromState: 'nominating',
      reasonGiven: true,
    })
  })
})

describe('cancelElection', () => {
  it('keeps the reason in the table, cancels the pending jobs, and is idempotent', async () => {
    t.clock.set(NOW)
    const election = await t.call({ title: 'To cancel' })
    await t.tick(DURING.nominations)
    const result = await t.run((ctx) =>
      cancelElection(ctx, { electionId: election.id, reason: 'The unit merges with A2 in January' }),
    )
    expect(result).toEqual({ cancelled: true, fromState: 'nominating', discardedBallots: 0 })
    const row = await t.db
      .selectFrom('elections')
      .selectAll()
      .where('id', '=', election.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ state: 'cancelled', cancel_reason: 'The unit merges with A2 in January' })
    expect(new Date(row.cancelled_at ?? 0).toISOString()).toBe(new Date(DURING.nominations).toISOString())
    const event = (await t.eventsOf(election.id)).at(-1)
    expect(event).toMatchObject({ type: 'election.cancelled' })
    expect(event?.payload).toEqual({ fromState: 'nominating', reasonGiven: true })
    expect((await t.jobsOf(election.id)).map((j) => j.state)).toEqual([
      'done',
      'cancelled',
      'cancelled',
      'cancelled',
    ])

    expect(
      await t.run((ctx) => cancelElection(ctx, { electionId: election.id, reason: 'again' })),
    ).toMatchObject({
      cancelled: false,
    })
    await t.tick(DURING.afterClose)
    expect(await t.state(election.id)).toBe('cancelled')
    expect((await t.eventsOf(election.id)).filter((e) => e.type === 'election.cancelled')).toHaveLength(1)
  })

  it('discards the ballots cast so far when cancelled during voting', async () => {
    t.clock.set(NOW)
    const election = await t.call({
      title: 'Cancelled while voting',
      contests: [{ post: 'unit-secretary', seats: 1 }],
    })
    await t.tick(DURING.nominations)
    const vera = await stand(election.id, 'unit-secretary', t.vera.id)
    await t.tick(DURING.voting)
    await t.run((ctx) =>
      castBallot(ctx, {
        electionId: election.id,
        memberId: t.semyon.id,
        contests: [{ contestId: vera.contest_id, preferences: [vera.id] }],
      }),
    )
    const result = await t.run((ctx) =>
      cancelElection(ctx, { electionId: election.id, reason: 'Irregularities' }),
    )
    expect(result).toEqual({ cancelled: true, fromState: 'voting', discardedBallots: 1 })
    await vacuumBallotQueue(t.db)
    const queued = await t.db
      .selectFrom('ballot_queue')
      .select('tracker')
      .where('election_id', '=', election.id)
      .execute()
    expect(queued).toEqual([])
  })
})
