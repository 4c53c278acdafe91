import type { CountingMethodId } from '../counting/counting-method.ts'
import { answerNomination } from '../elections/answer-nomination.ts'
import { castBallot } from '../elections/cast-ballot.ts'
import { electionJobHandlers } from '../elections/election-jobs.ts'
import { ELECTION_JOB_PREFIX } from '../elections/election-lookups.ts'
import { nominateCandidate } from '../elections/nominate-candidate.ts'
import type { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { drawDemoBallots } from './demo-ballots.ts'
import type { SeededRandom } from './random.ts'

/**
 * The steps of a demo election replayed on a hand-moved clock: the scheduler's transitions at
 * their times, nominations and answers, and ballots cast through the use cases.
 */

/**
 * Moves the clock to `to` and runs the election's scheduled transitions then due through the
 * scheduler's own handlers, marking each job done as the runner does. runDueJobs itself cannot
 * serve: it opens a transaction per job, and the demo is built in one. The close's VACUUM of the
 * ballot queue (its after-commit step) is left to createDemoOrganisation, after the commit.
 */
export async function advance(
  ctx: UseCaseContext,
  clock: ManualClock,
  electionId: number,
  to: Date,
): Promise<void> {
  clock.set(to)
  const due = await ctx.db
    .selectFrom('scheduled_jobs')
    .select(['id', 'kind'])
    .where('subject_id', '=', electionId)
    .where('kind', 'like', `${ELECTION_JOB_PREFIX}%`)
    .where('state', '=', 'pending')
    .where('due_at', '<=', to)
    .orderBy('due_at')
    .orderBy('id')
    .execute()
  for (const job of due) {
    const handler = electionJobHandlers[job.kind]
    if (!handler) throw new Error(`the demo has no handler for the job ${job.kind}`)
    await handler(ctx, electionId)
    await ctx.db
      .updateTable('scheduled_jobs')
      .set((eb) => ({ state: 'done', done_at: to, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', job.id)
      .execute()
  }
}

/**
 * Nominates each member for the contest, by another voting member of the unit when there is one
 * (else the member stands), and has every nominee accept a day later; the nominees in `declining`
 * decline instead. Returns the accepted candidates' ids (election_candidates.id), in the order given.
 */
export async function nominate(
  ctx: UseCaseContext,
  clock: ManualClock,
  random: SeededRandom,
  election: { id: number; post: string; unitId: number },
  nominees: readonly number[],
  times: { nominatedAt: Date; answeredAt: Date },
  declining: ReadonlySet<number> = new Set(),
): Promise<number[]> {
  clock.set(times.nominatedAt)
  // A nominator must have a vote on the day: a full member by then.
  const nominators = await ctx.db
    .selectFrom('members')
    .select('id')
    .where('unit_id', '=', election.unitId)
    .where('status', '=', 'full')
    .where('full_member_since', '<=', times.nominatedAt.toISOString().slice(0, 10))
    .where('id', 'not in', [...nominees])
    .orderBy('id')
    .execute()
  const rows = []
  for (const memberId of nominees) {
    const by = nominators.length > 0 ? random.pick(nominators).id : null
    rows.push(
      await nominateCandidate(ctx, {
        electionId: election.id,
        post: election.post,
        memberId,
        nominatedByMemberId: by,
      }),
    )
  }
  clock.set(times.answeredAt)
  const accepted: number[] = []
  for (const row of rows) {
    const answer = declining.has(row.member_id) ? 'declined' : 'accepted'
    if (row.state === 'nominated') {
      await answerNomination(ctx, { candidateId: row.id, memberId: row.member_id, answer })
    }
    if (answer === 'accepted') accepted.push(row.id)
  }
  return accepted
}

/**
 * Casts the ballots of `voters` (member ids, in voting order), spread evenly between two instants:
 * each ranks the accepted candidates (ids) as drawn by drawDemoBallots.
 */
export async function castBallots(
  ctx: UseCaseContext,
  clock: ManualClock,
  random: SeededRandom,
  election: { id: number; contestId: number; seats: number; method: CountingMethodId },
  candidates: readonly number[],
  voters: readonly number[],
  between: readonly [Date, Date],
): Promise<void> {
  const ballots = drawDemoBallots(random, {
    candidates: candidates.length,
    seats: election.seats,
    voters: voters.length,
    method: election.method,
  })
  const [from, to] = between.map((instant) => instant.getTime()) as [number, number]
  for (const [index, memberId] of voters.entries()) {
    clock.set(new Date(from + ((index + 1) * (to - from)) / (voters.length + 1)))
    const preferences = (ballots[index] ?? []).map((number) => candidates[number] as number)
    await castBallot(ctx, {
      electionId: election.id,
      memberId,
      contests: [{ contestId: election.contestId, preferences }],
    })
  }
}

/** The electors of an election with a vote, by member id. */
export async function votingElectors(ctx: UseCaseContext, electionId: number): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('election_electors')
    .select('member_id')
    .where('election_id', '=', electionId)
    .where('voice', '=', 'vote')
    .orderBy('member_id')
    .execute()
  return rows.map((row) => row.member_id)
}
