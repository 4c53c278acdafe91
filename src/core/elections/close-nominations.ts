import type { Executor } from '../../db/client.ts'
import { appendEvent } from '../events/append-event.ts'
import { eventLogged } from '../events/event-logged.ts'
import { isoInstant } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { electionPlacement, loadElection, refuseIfFinished, wrongPhase } from './election-lookups.ts'

/**
 * Whether nominations of the election were closed: the states have no "nominations closed" of
 * their own (the window's end is a time, and a nominee may still answer until voting opens), so
 * the closing's event is the record.
 */
function nominationsClosed(db: Executor, electionId: number): Promise<boolean> {
  return eventLogged(db, { kind: 'election', id: electionId }, 'election.nominations_closed')
}

/**
 * Closes nominations at the end of their window; the scheduler calls it then. No new nomination
 * is taken after the window's end in any case (nominateCandidate checks the time); this records
 * the close and the number of candidates who had accepted by then. Nominees may still accept or
 * decline until voting opens. Idempotent: once closed it does nothing and returns false.
 * ELECTION_CLOSED when closed or cancelled; ELECTION_WRONG_PHASE unless nominating and the
 * window has ended. Writes `election.nominations_closed`.
 */
export async function closeNominations(ctx: UseCaseContext, electionId: number): Promise<boolean> {
  const election = await loadElection(ctx.db, electionId, 'update')
  refuseIfFinished(election)
  if (election.state !== 'nominating') {
    throw wrongPhase(election, 'nominating', `Election ${election.id} is not taking nominations`)
  }
  if (await nominationsClosed(ctx.db, election.id)) return false
  const closesAt = new Date(election.nominations_close_at)
  if (ctx.clock.now() < closesAt) {
    throw wrongPhase(election, 'nominating', `Nominations close at ${closesAt.toISOString()}`, {
      nominationsCloseAt: isoInstant(closesAt),
    })
  }
  const accepted = await ctx.db
    .selectFrom('election_candidates as ca')
    .innerJoin('election_contests as c', 'c.id', 'ca.contest_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.election_id', '=', election.id)
    .where('ca.state', '=', 'accepted')
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'election.nominations_closed', payload: { candidates: Number(accepted.n) } },
    electionPlacement(election),
  )
  return true
}
