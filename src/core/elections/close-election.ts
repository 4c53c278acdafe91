import { type Kysely, sql } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { recordElectedMandate } from '../mandates/record-elected-mandate.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, isAppError } from '../shared/errors.ts'
import { lockBallotQueue, vacuumBallotQueue } from './ballot-queue.ts'
import { isMethod } from './ballot-rules.ts'
import { type ContestReport, countContest, type ReportMandate } from './count-contest.ts'
import { isFinished, loadElection } from './election-lookups.ts'

/** What a close did; `afterCommit` is the scheduler's hook (see core/scheduler/job-handler.ts). */
export interface CloseElectionResult {
  readonly electionId: number
  /** `closed` now; `already-closed` or `cancelled` when there was nothing to do (idempotent). */
  readonly outcome: 'closed' | 'already-closed' | 'cancelled'
  readonly votersCount: number | null
  readonly contests: readonly { readonly contestId: number; readonly electedMemberIds: readonly number[] }[]
  /** VACUUMs the ballot queue once the close has committed (it cannot run in a transaction). */
  readonly afterCommit?: (db: Kysely<DB>) => Promise<void>
}

/**
 * Closes an election at or after its `voting_close_at`: moves the queued ballots into the box in
 * ONE statement (one xmin for the whole box, rows in a shuffled physical order, the queue rows
 * deleted), counts each contest, stores the results, marks the election closed, writes
 * `election.closed`, then records a mandate for each elected candidate (which ends the
 * appointments it replaces). A mandate the mandates rules refuse (the seats are held by an
 * unexpired elected mandate, the member has lost eligibility since nominating) does not undo the
 * count: it is rolled back to a savepoint and the refusal is kept in the contest's report.
 *
 * Idempotent: a closed or cancelled election is left as it is. Refuses before the close time
 * (ELECTION_WRONG_PHASE) and an election that is not voting. Runs in the caller's transaction; the
 * caller runs the returned `afterCommit` (VACUUM) once that has committed.
 */
export async function closeElection(ctx: UseCaseContext, electionId: number): Promise<CloseElectionResult> {
  // Waits for every cast in flight to commit; casts arriving later wait, then find the election closed.
  await lockBallotQueue(ctx.db, electionId)
  const election = await loadElection(ctx.db, electionId, 'update')
  if (isFinished(election.state)) {
    return {
      electionId,
      outcome: election.state === 'closed' ? 'already-closed' : 'cancelled',
      votersCount: election.voters_count,
      contests: [],
    }
  }
  const closesAt = new Date(election.voting_close_at)
  if (election.state !== 'voting' || ctx.clock.now().getTime() < closesAt.getTime()) {
    throw new AppError('ELECTION_WRONG_PHASE', 'Voting is not over yet', {
      state: election.state,
      expected: 'voting',
      votingCloseAt: closesAt.toISOString(),
    })
  }
  const method = election.method
  if (!isMethod(method)) throw new Error(`election ${electionId} has an unknown counting method ${method}`)

  // The move: one statement, so every box row gets this transaction's xmin (none shares a cast's),
  // and `order by random()` makes the heap order a shuffle of the voting order.
  await sql`
    with moved as (
      delete from ballot_queue where election_id = ${electionId}
      returning election_id, contest_id, region_id, preferences, tracker
    )
    insert into ballot_box (election_id, contest_id, region_id, preferences, tracker)
    select election_id, contest_id, region_id, preferences, tracker from moved order by random()
  `.execute(ctx.db)

  const voters = await ctx.db
    .selectFrom('election_voters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow()
  const votersCount = Number(voters.n)
  const contests = await ctx.db
    .selectFrom('election_contests')
    .select(['id', 'post', 'seats'])
    .where('election_id', '=', electionId)
    .orderBy('id')
    .execute()
  const counts: Omit<ContestReport, 'mandates'>[] = []
  for (const contest of contests) {
    counts.push(
      await countContest(ctx.db, {
        contestId: contest.id,
        post: contest.post,
        seats: contest.seats,
        method,
        tieBreakSeed: election.tie_break_seed,
      }),
    )
  }
  const closedAt = ctx.clock.now()
  await ctx.db
    .updateTable('elections')
    .set({ state: 'closed', voters_count: votersCount, closed_at: closedAt })
    .where('id', '=', electionId)
    .execute()
  const electedMemberIds = (count: Omit<ContestReport, 'mandates'>) =>
    count.elected.map((number) => (count.candidates[number] as { memberId: number }).memberId)
  await appendEvent(
    ctx,
    {
      type: 'election.closed',
      payload: {
        votersCount,
        electorateSize: election.electorate_size ?? 0,
        contests: counts.map((count) => ({
          contestId: count.contestId,
          post: count.post,
          electedMemberIds: electedMemberIds(count),
        })),
      },
    },
    { bodyId: election.body_id, regionId: election.region_id, subject: { kind: 'election', id: electionId } },
  )

  // Mandates start on the day voting closed, whenever the close job ran.
  const startsOn = toIsoDate(closesAt)
  for (const count of counts) {
    const mandates: ReportMandate[] = []
    for (const memberId of electedMemberIds(count)) {
      mandates.push(
        await recordMandate(ctx, {
          memberId,
          bodyId: election.body_id,
          post: count.post,
          startsOn,
          electionId,
        }),
      )
    }
    const report: ContestReport = { ...count, mandates }
    await ctx.db
      .insertInto('election_results')
      .values({
        contest_id: count.contestId,
        election_id: electionId,
        report: JSON.stringify(report),
        elected_member_ids: electedMemberIds(count),
        counted_at: closedAt,
      })
      .execute()
  }
  return {
    electionId,
    outcome: 'closed',
    votersCount,
    contests: counts.map((count) => ({
      contestId: count.contestId,
      electedMemberIds: electedMemberIds(count),
    })),
    afterCommit: vacuumBallotQueue,
  }
}

/** One elected mandate behind a savepoint: a refusal by the mandates rules is kept, not thrown. */
async function recordMandate(
  ctx: UseCaseContext,
  input: { memberId: number; bodyId: number; post: string; startsOn: string; electionId: number },
): Promise<ReportMandate> {
  await sql`savepoint elected_mandate`.execute(ctx.db)
  try {
    const { mandate, replacedMandateIds } = await recordElectedMandate(ctx, input)
    await sql`release savepoint elected_mandate`.execute(ctx.db)
    return { memberId: input.memberId, mandateId: mandate.id, replacedMandateIds, refused: null }
  } catch (error) {
    if (!isAppError(error)) throw error
    await sql`rollback to savepoint elected_mandate`.execute(ctx.db)
    return {
      memberId: input.memberId,
      mandateId: null,
      replacedMandateIds: [],
      refused: { code: error.code, message: error.message },
    }
  }
}
