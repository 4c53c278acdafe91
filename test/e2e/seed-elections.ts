import { createAccount } from '../../src/core/accounts/create-account.ts'
import { grantRole } from '../../src/core/accounts/grant-role.ts'
import { advance } from '../../src/core/demo/demo-election-steps.ts'
import { vacuumBallotQueue } from '../../src/core/elections/ballot-queue.ts'
import { callElection } from '../../src/core/elections/call-election.ts'
import { castBallot } from '../../src/core/elections/cast-ballot.ts'
import { nominateCandidate } from '../../src/core/elections/nominate-candidate.ts'
import { registerMember } from '../../src/core/members/register-member.ts'
import { createBody } from '../../src/core/orgs/create-body.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { ManualClock } from '../../src/core/shared/clock.ts'
import type { UseCaseContext } from '../../src/core/shared/context.ts'
import type { Database } from '../../src/db/client.ts'

/** A rank-and-file member with a vote in the unit's elections. */
export const VOTER_EMAIL = 'belov@example.org'
export const VOTER_PASSWORD = 'one-member-one-vote'
export const VOTER_NAME = 'Grigory Belov'

/** The elections of the journey, in a unit of their own so the other journeys' counts stay as they were. */
export interface JourneyElections {
  readonly unitId: number
  readonly unitName: string
  /** Voting on the journey's day (2 December 1923); the voter has not voted yet. */
  readonly openElectionId: number
  readonly openElectionTitle: string
  /** Counted in November; the voter took part. */
  readonly closedElectionId: number
  readonly closedElectionTitle: string
  /** The voter's receipt from the closed election. */
  readonly closedTracker: string
  /** The district's election, taking nominations on the journey's day; no one stands yet. */
  readonly nominatingElectionId: number
  /** A veteran of the unit another member may nominate. */
  readonly veteran: { readonly memberId: number; readonly fullName: string }
}

const at = (iso: string) => new Date(iso)

/** Each member stands for the contest's post (accepted at once, as standing oneself is). */
async function stand(ctx: UseCaseContext, electionId: number, post: string, memberIds: readonly number[]) {
  const candidates = []
  for (const memberId of memberIds) {
    candidates.push((await nominateCandidate(ctx, { electionId, post, memberId })).id)
  }
  return candidates
}

/**
 * Elections in a factory unit of the Ural region, replayed through the use cases on a clock of
 * their own that starts in November 1923 (an election is called before its windows): seven full
 * members, an account for one of them with a member role on the unit, a bureau election by
 * Scottish STV counted on 10 November (two seats, four candidates, a tie for the last exclusion),
 * a secretary election whose voting runs over the journey's day, 2 December, and a district
 * secretary election taking nominations that day.
 */
export async function seedElections(database: Database, uralId: number): Promise<JourneyElections> {
  const clock = new ManualClock('1923-11-01T09:00:00Z')
  const seeded = await database.db.transaction().execute(async (trx) => {
    const ctx = { db: trx, clock, actor: cliActor }
    const district = await createBody(ctx, { parentId: uralId, name: 'Verkh-Isetsky District' })
    const unit = await createBody(ctx, {
      parentId: district.id,
      name: 'Verkh-Isetsky Works',
      kind: 'factory',
    })
    const member = async (fullName: string, joinedOn: string) =>
      (await registerMember(ctx, { unitId: unit.id, fullName, joinedOn, category: 'worker', status: 'full' }))
        .id
    const fyodor = await member('Fyodor Gorbunov', '1912-05-01')
    const klavdia = await member('Klavdia Nikolaeva', '1909-03-08')
    const nikolai = await member('Nikolai Tolmachev', '1918-02-01')
    const praskovya = await member('Praskovya Vinogradova', '1920-06-01')
    const semyon = await member('Semyon Zakharov', '1921-01-15')
    const tatiana = await member('Tatiana Lebedeva', '1919-09-01')
    const grigory = await member(VOTER_NAME, '1922-03-01')
    const account = await createAccount(ctx, {
      email: VOTER_EMAIL,
      displayName: VOTER_NAME,
      password: VOTER_PASSWORD,
      memberId: grigory,
    })
    await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: unit.id })

    const closedTitle = 'Bureau of Verkh-Isetsky Works, November 1923'
    const closed = await callElection(ctx, {
      bodyId: unit.id,
      title: closedTitle,
      method: 'scottish-stv',
      contests: [{ post: 'unit-bureau-member', seats: 2 }],
      nominationsOpenAt: '1923-11-02T09:00:00Z',
      nominationsCloseAt: '1923-11-05T18:00:00Z',
      votingOpenAt: '1923-11-06T09:00:00Z',
      votingCloseAt: '1923-11-10T18:00:00Z',
    })
    await advance(ctx, clock, closed.id, at('1923-11-02T10:00:00Z'))
    const [f, k, n, p] = (await stand(ctx, closed.id, 'unit-bureau-member', [
      fyodor,
      klavdia,
      nikolai,
      praskovya,
    ])) as [number, number, number, number]
    await advance(ctx, clock, closed.id, at('1923-11-06T09:00:00Z'))
    const contest = await trx
      .selectFrom('election_contests')
      .select('id')
      .where('election_id', '=', closed.id)
      .executeTakeFirstOrThrow()
    // First preferences: Fyodor 3 (the quota), Klavdia 2, Nikolai 1, Praskovya 1.
    const ballots: [number, number[]][] = [
      [fyodor, [f, n]],
      [klavdia, [k, p]],
      [nikolai, [n, f]],
      [praskovya, [p, k]],
      [semyon, [f, k]],
      [tatiana, [f, p, k]],
      [grigory, [k, f]],
    ]
    let closedTracker = ''
    for (const [voter, preferences] of ballots) {
      clock.set(at('1923-11-07T12:00:00Z'))
      const receipt = await castBallot(ctx, {
        electionId: closed.id,
        memberId: voter,
        contests: [{ contestId: contest.id, preferences }],
      })
      if (voter === grigory) closedTracker = receipt.tracker
    }
    await advance(ctx, clock, closed.id, at('1923-11-10T18:00:00Z'))

    clock.set(at('1923-11-20T09:00:00Z'))
    const openTitle = 'Secretary of Verkh-Isetsky Works, December 1923'
    const open = await callElection(ctx, {
      bodyId: unit.id,
      title: openTitle,
      method: 'scottish-stv',
      contests: [{ post: 'unit-secretary', seats: 1 }],
      nominationsOpenAt: '1923-11-21T09:00:00Z',
      nominationsCloseAt: '1923-11-25T18:00:00Z',
      votingOpenAt: '1923-11-28T09:00:00Z',
      votingCloseAt: '1923-12-05T18:00:00Z',
    })
    await advance(ctx, clock, open.id, at('1923-11-21T10:00:00Z'))
    await stand(ctx, open.id, 'unit-secretary', [fyodor, klavdia, tatiana])
    await advance(ctx, clock, open.id, at('1923-11-28T09:00:00Z'))

    const districtElection = await callElection(ctx, {
      bodyId: district.id,
      title: 'Secretary of Verkh-Isetsky District, December 1923',
      method: 'plurality',
      contests: [{ post: 'district-secretary', seats: 1 }],
      nominationsOpenAt: '1923-11-30T09:00:00Z',
      nominationsCloseAt: '1923-12-06T18:00:00Z',
      votingOpenAt: '1923-12-08T09:00:00Z',
      votingCloseAt: '1923-12-10T18:00:00Z',
    })
    await advance(ctx, clock, districtElection.id, at('1923-11-30T10:00:00Z'))
    return {
      unitId: unit.id,
      unitName: unit.name,
      openElectionId: open.id,
      openElectionTitle: openTitle,
      closedElectionId: closed.id,
      closedElectionTitle: closedTitle,
      closedTracker,
      nominatingElectionId: districtElection.id,
      veteran: { memberId: klavdia, fullName: 'Klavdia Nikolaeva' },
    }
  })
  // The close's after-commit step: no dead queue rows carrying the voters' transaction ids.
  await vacuumBallotQueue(database.db)
  return seeded
}
