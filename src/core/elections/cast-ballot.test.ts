import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { AppError } from '../shared/errors.ts'
import { lockBallotQueue } from './ballot-queue.ts'
import { AFTER_CLOSE, DURING_VOTING, openBallotTest } from './ballot-test-fixtures.ts'
import { castBallot } from './cast-ballot.ts'
import { closeElection } from './close-election.ts'

let t: Awaited<ReturnType<typeof openBallotTest>>

beforeAll(async () => {
  t = await openBallotTest({ method: 'block', voters: 10 })
})
afterAll(async () => {
  await t.database.drop()
})

/** A valid ballot: Semyon for secretary, Vera and Olga for the bureau. */
function ballot() {
  return [
    { contestId: t.secretary.id, preferences: [t.secretary.candidates[1] as number] },
    {
      contestId: t.bureau.id,
      preferences: [t.bureau.candidates[0] as number, t.bureau.candidates[3] as number],
    },
  ]
}

/** Expects the cast to be refused with `code`, and nothing stored. */
async function refused(code: string, memberId: number, contests = ballot()): Promise<AppError> {
  const before = await t.counts()
  const error = await t.refusal(() => t.cast(memberId, contests))
  expect(error.code).toBe(code)
  expect(await t.counts()).toEqual(before)
  return error
}

describe('castBallot', () => {
  it('stores the roll row, one queue row per contest with one tracker, and an empty ballot_cast event', async () => {
    const voter = t.voters[4] as number
    const { tracker } = await t.cast(voter, ballot())
    expect(tracker).toMatch(/^[0-9a-f]{32}$/)
    const roll = await t.db.selectFrom('election_voters').selectAll().where('member_id', '=', voter).execute()
    expect(roll).toEqual([{ election_id: t.electionId, member_id: voter, region_id: t.tree.regionA.id }])
    const queued = await t.db
      .selectFrom('ballot_queue')
      .selectAll()
      .where('tracker', '=', tracker)
      .orderBy('contest_id')
      .execute()
    expect(queued.map((row) => [row.contest_id, row.preferences])).toEqual([
      [t.secretary.id, [t.secretary.candidates[1]]],
      [t.bureau.id, [t.bureau.candidates[0], t.bureau.candidates[3]]],
    ])
    const event = await t.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'election.ballot_cast')
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({ subject_kind: 'election', subject_id: t.electionId, payload: {} })
    // The tracker is on the ballot rows only: never in the log.
    const log = await t.db.selectFrom('events').select('payload').execute()
    expect(JSON.stringify(log)).not.toContain(tracker)
  })

  it('casts a contest left out, or left empty, as a blank ballot', async () => {
    const voter = t.voters[5] as number
    const { tracker } = await t.cast(voter, [{ contestId: t.bureau.id, preferences: [] }])
    const queued = await t.db
      .selectFrom('ballot_queue')
      .select(['contest_id', 'preferences'])
      .where('tracker', '=', tracker)
      .orderBy('contest_id')
      .execute()
    expect(queued).toEqual([
      { contest_id: t.secretary.id, preferences: [] },
      { contest_id: t.bureau.id, preferences: [] },
    ])
  })

  it('refuses a second ballot by the same voter', async () => {
    await refused('ALREADY_VOTED', t.voters[4] as number)
  })

  it('gives exactly one ballot out of 100 concurrent casts by one voter', async () => {
    const voter = t.voters[6] as number
    const before = await t.counts()
    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => t.cast(voter, ballot())))
    const cast = outcomes.filter((outcome) => outcome.status === 'fulfilled')
    const codes = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as AppError).code] : [],
    )
    expect(cast).toHaveLength(1)
    expect(codes).toEqual(Array(99).fill('ALREADY_VOTED'))
    const after = await t.counts()
    expect(after).toEqual({
      voters: before.voters + 1,
      queue: before.queue + 2,
      box: before.box,
      events: before.events + 1,
    })
  })

  it('refuses members outside the electorate and consultative voices', async () => {
    const outside = await refused('NOT_IN_ELECTORATE', t.outsider.id)
    expect(outside.details).toMatchObject({ voice: null })
    const consultative = await refused('NOT_IN_ELECTORATE', t.consultative.id)
    expect(consultative.details).toMatchObject({ voice: 'consultative' })
  })

  it('refuses malformed ballots with INVALID_BALLOT', async () => {
    const voter = t.voters[7] as number
    const [vera, semyon, pavel, olga] = t.bureau.candidates as [number, number, number, number]
    const cases = [
      // an unknown contest
      [{ contestId: 999_999, preferences: [] }],
      // a candidate of another contest
      [{ contestId: t.secretary.id, preferences: [olga] }],
      // a contest twice
      [
        { contestId: t.bureau.id, preferences: [vera] },
        { contestId: t.bureau.id, preferences: [semyon] },
      ],
      // a candidate twice
      [{ contestId: t.bureau.id, preferences: [vera, vera] }],
      // more marks than block allows (2 seats)
      [{ contestId: t.bureau.id, preferences: [vera, semyon, pavel] }],
    ]
    for (const contests of cases) await refused('INVALID_BALLOT', voter, contests)
  })

  it('refuses before voting opens and after it closes, by the organisation clock', async () => {
    const voter = t.voters[8] as number
    try {
      t.clock.set('1923-12-01T08:59:59Z')
      const early = await refused('ELECTION_WRONG_PHASE', voter)
      expect(early.details).toMatchObject({ state: 'voting', expected: 'voting' })
      // The close job has not run yet, but the close time has passed.
      t.clock.set(AFTER_CLOSE)
      await refused('ELECTION_CLOSED', voter)
    } finally {
      t.clock.set(DURING_VOTING)
    }
  })

  it('refuses an unknown election', async () => {
    const error = await t.refusal(() =>
      t.run((ctx) => castBallot(ctx, { electionId: 987_654, memberId: t.voters[8] as number, contests: [] })),
    )
    expect(error.code).toBe('ELECTION_NOT_FOUND')
  })

  it('refuses a cast that races the close, writing nothing, even if it read the election as open', async () => {
    const before = await t.counts()
    const closeClock = new ManualClock(AFTER_CLOSE)
    let cast: Promise<unknown> = Promise.resolve()
    // The close takes the queue lock first; the cast starts while it is held (on the server it
    // reads the election as still voting, then waits for the lock), and the close commits.
    await t.db.transaction().execute(async (trx) => {
      await lockBallotQueue(trx, t.electionId)
      cast = t.cast(t.voters[9] as number, ballot()).catch((error: unknown) => error)
      await new Promise((resolve) => setTimeout(resolve, 200))
      await closeElection({ db: trx, clock: closeClock, actor: systemActor }, t.electionId)
    })
    expect(await cast).toMatchObject({ code: 'ELECTION_CLOSED' })
    const after = await t.counts()
    // Nothing of the racing cast: the box holds exactly the ballots queued before the close.
    expect(after).toEqual({ voters: before.voters, queue: 0, box: before.queue, events: before.events })
  })

  it('refuses every cast once the election is closed', async () => {
    await refused('ELECTION_CLOSED', t.voters[9] as number)
  })
})
