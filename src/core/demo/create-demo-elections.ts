import type { CountingMethodId } from '../counting/counting-method.ts'
import { callElection } from '../elections/call-election.ts'
import type { ContestReport } from '../elections/count-contest.ts'
import { loadContests } from '../elections/election-lookups.ts'
import { listEligibleMembers } from '../eligibility/list-eligible-members.ts'
import { getBody } from '../orgs/get-body.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { advance, castBallots, nominate, votingElectors } from './demo-election-steps.ts'
import type { SeededRandom } from './random.ts'

/**
 * The demo's elections, replayed through the election use cases on a hand-moved clock: the
 * general meetings at which the report region's 50 electing units chose their secretaries during
 * 1923, and one election still open on the report's day, in which the demo member can vote.
 */

/** A unit's election of its secretary, as createDemoMandates planned it. */
export interface DemoUnitElection {
  readonly bodyId: number
  readonly post: string
  /** The day of the general meeting: voting opens and closes on it, and the mandate starts then. */
  readonly votingOn: string
  /** Members who stand (eligible on that day, holding no other post), the favourite first. */
  readonly candidateIds: readonly number[]
}

/** The election a newcomer can vote in right after the first start. */
export interface DemoOpenElection {
  readonly id: number
  readonly title: string
  readonly bodyId: number
}

export interface DemoElectionsSummary {
  /** Finished elections, each with its count and its elected mandate. */
  readonly closed: number
  readonly open: DemoOpenElection | null
}

/**
 * Scottish STV for every demo election. With one seat it is the alternative vote: the winner has
 * a majority of the ballots still in the count, as a general meeting's choice should, where a
 * plurality of three could elect the choice of a third; and the result shows the round-by-round
 * report with its transfers. For two delegates it is proportional.
 */
const METHOD: CountingMethodId = 'scottish-stv'

/** The open election's windows, all before the demo's start (1923-12-02 09:00) but the close. */
const OPEN_ELECTION = {
  calledAt: '1923-11-19T10:00:00Z',
  nominationsOpenAt: '1923-11-20T09:00:00Z',
  nominatedAt: '1923-11-21T12:00:00Z',
  answeredAt: '1923-11-23T12:00:00Z',
  nominationsCloseAt: '1923-11-27T18:00:00Z',
  votingOpenAt: '1923-12-01T09:00:00Z',
  /** The ballots already cast by the demo's first morning fall before this. */
  castUntil: '1923-12-02T08:00:00Z',
  // A month on the organisation's clock: the server's scheduler closes it and counts.
  votingCloseAt: '1924-01-02T18:00:00Z',
} as const

/** An instant on a day: `at('1923-03-05', '17:00')`. */
function at(date: string, time: string): Date {
  return new Date(`${date}T${time}:00Z`)
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A unit's general meeting that elected its secretary on `votingOn`: called a fortnight before,
 * nominations for twelve days, the vote in the evening of the meeting with 60–90% of the unit's
 * voting members taking part, then the scheduled close counts and records the mandate (from that
 * day, as the plan has it).
 */
async function holdUnitElection(
  ctx: UseCaseContext,
  clock: ManualClock,
  random: SeededRandom,
  unit: DemoUnitElection,
): Promise<void> {
  const day = unit.votingOn
  clock.set(at(daysBefore(day, 15), '10:00'))
  const election = await callElection(ctx, {
    bodyId: unit.bodyId,
    title: `Unit secretary: general meeting of ${day}`,
    method: METHOD,
    contests: [{ post: unit.post, seats: 1 }],
    nominationsOpenAt: at(daysBefore(day, 14), '09:00'),
    nominationsCloseAt: at(daysBefore(day, 2), '18:00'),
    votingOpenAt: at(day, '17:00'),
    votingCloseAt: at(day, '21:00'),
  })
  await advance(ctx, clock, election.id, new Date(election.nominations_open_at))
  const candidates = await nominate(
    ctx,
    clock,
    random,
    { id: election.id, post: unit.post, unitId: unit.bodyId },
    unit.candidateIds,
    { nominatedAt: at(daysBefore(day, 10), '12:00'), answeredAt: at(daysBefore(day, 9), '12:00') },
  )
  await advance(ctx, clock, election.id, new Date(election.nominations_close_at))
  const opensAt = new Date(election.voting_open_at)
  const closesAt = new Date(election.voting_close_at)
  await advance(ctx, clock, election.id, opensAt)
  const electors = await votingElectors(ctx, election.id)
  const turnout = Math.max(1, Math.round(electors.length * (0.6 + 0.3 * random.next())))
  const [contest] = await loadContests(ctx.db, election.id)
  if (!contest) throw new Error(`demo election ${election.id} has no contest`)
  await castBallots(
    ctx,
    clock,
    random,
    { id: election.id, contestId: contest.id, seats: 1, method: METHOD },
    candidates,
    random.shuffled(electors).slice(0, turnout),
    [opensAt, closesAt],
  )
  await advance(ctx, clock, election.id, closesAt)
  const result = await ctx.db
    .selectFrom('election_results')
    .select('report')
    .where('contest_id', '=', contest.id)
    .executeTakeFirst()
  const mandate = (result?.report as ContestReport | undefined)?.mandates[0]
  if (!mandate || mandate.mandateId === null) {
    throw new Error(`demo election ${election.id} elected no secretary: ${JSON.stringify(mandate?.refused)}`)
  }
}

/**
 * The election open on the report's day, in the demo member's unit: two delegates to the
 * district conference (the conferences before the Thirteenth Party Conference of January 1924),
 * four nominees of whom three accept, voting open since 1 December with about a third of the
 * electorate voted, and the demo member, a full member, in the electorate and yet to vote.
 */
async function openDelegateElection(
  ctx: UseCaseContext,
  clock: ManualClock,
  random: SeededRandom,
  voter: { memberId: number; unitId: number },
): Promise<DemoOpenElection> {
  const unit = await getBody(ctx.db, voter.unitId)
  const district = unit.parent_id === null ? null : await getBody(ctx.db, unit.parent_id)
  const title = `Delegates to the ${district?.name.replace(/ District Committee$/, '') ?? 'district'} district conference`
  const post = 'unit-delegate'
  const votingDate = OPEN_ELECTION.votingOpenAt.slice(0, 10)
  const eligible = await listEligibleMembers(ctx.db, { post, bodyId: unit.id, date: votingDate, limit: 1000 })
  const nominees = random
    .shuffled(eligible.items.map((member) => member.memberId).filter((id) => id !== voter.memberId))
    .slice(0, 4)
  if (nominees.length < 3) throw new Error(`the demo member's unit ${unit.id} has too few eligible members`)

  clock.set(OPEN_ELECTION.calledAt)
  const election = await callElection(ctx, {
    bodyId: unit.id,
    title,
    method: METHOD,
    contests: [{ post, seats: 2 }],
    nominationsOpenAt: OPEN_ELECTION.nominationsOpenAt,
    nominationsCloseAt: OPEN_ELECTION.nominationsCloseAt,
    votingOpenAt: OPEN_ELECTION.votingOpenAt,
    votingCloseAt: OPEN_ELECTION.votingCloseAt,
  })
  await advance(ctx, clock, election.id, new Date(OPEN_ELECTION.nominationsOpenAt))
  const candidates = await nominate(
    ctx,
    clock,
    random,
    { id: election.id, post, unitId: unit.id },
    nominees,
    { nominatedAt: new Date(OPEN_ELECTION.nominatedAt), answeredAt: new Date(OPEN_ELECTION.answeredAt) },
    new Set(nominees.slice(3)),
  )
  await advance(ctx, clock, election.id, new Date(OPEN_ELECTION.nominationsCloseAt))
  const opensAt = new Date(OPEN_ELECTION.votingOpenAt)
  await advance(ctx, clock, election.id, opensAt)
  const electors = await votingElectors(ctx, election.id)
  if (!electors.includes(voter.memberId)) {
    throw new Error(`the demo member ${voter.memberId} has no vote in the open election ${election.id}`)
  }
  const others = random.shuffled(electors.filter((id) => id !== voter.memberId))
  const [contest] = await loadContests(ctx.db, election.id)
  if (!contest) throw new Error(`demo election ${election.id} has no contest`)
  await castBallots(
    ctx,
    clock,
    random,
    { id: election.id, contestId: contest.id, seats: contest.seats, method: METHOD },
    candidates,
    others.slice(0, Math.round(others.length * (0.25 + 0.2 * random.next()))),
    [opensAt, new Date(OPEN_ELECTION.castUntil)],
  )
  return { id: election.id, title, bodyId: unit.id }
}

/**
 * Holds the demo's elections in the caller's transaction, each on its own dates on a hand-moved
 * clock (the organisation's clock stands on the report's day): the unit secretaries' elections
 * planned by createDemoMandates, finished, each with its count and mandate; then, when the demo
 * member exists, the open election in their unit. Seeded: the same seed gives the same nominees,
 * voters and ballots (trackers and tie-break seeds are fresh secrets, and no count needs the lot).
 */
export async function createDemoElections(
  ctx: UseCaseContext,
  random: SeededRandom,
  input: {
    readonly unitElections: readonly DemoUnitElection[]
    readonly voter: { readonly memberId: number; readonly unitId: number } | null
  },
): Promise<DemoElectionsSummary> {
  const clock = new ManualClock(ctx.clock.now())
  const replay: UseCaseContext = { ...ctx, clock }
  let closed = 0
  for (const unit of input.unitElections) {
    await holdUnitElection(replay, clock, random, unit)
    closed++
  }
  const open = input.voter ? await openDelegateElection(replay, clock, random, input.voter) : null
  return { closed, open }
}
