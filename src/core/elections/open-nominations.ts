import { appendEvent } from '../events/append-event.ts'
import { isoInstant } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { electionPlacement, loadElection, refuseIfFinished, wrongPhase } from './election-lookups.ts'

/**
 * Opens nominations (called → nominating) once their opening time has come; the scheduler calls
 * it at that time. Idempotent: on an election already nominating it does nothing and returns
 * false. ELECTION_CLOSED when closed or cancelled; ELECTION_WRONG_PHASE in any other state, or
 * before the opening time. Writes `election.nominations_opened`.
 */
export async function openNominations(ctx: UseCaseContext, electionId: number): Promise<boolean> {
  const election = await loadElection(ctx.db, electionId, 'update')
  if (election.state === 'nominating') return false
  refuseIfFinished(election)
  if (election.state !== 'called') {
    throw wrongPhase(election, 'called', `Nominations of election ${election.id} were opened already`)
  }
  const opensAt = new Date(election.nominations_open_at)
  if (ctx.clock.now() < opensAt) {
    throw wrongPhase(election, 'called', `Nominations open at ${opensAt.toISOString()}`, {
      nominationsOpenAt: isoInstant(opensAt),
    })
  }
  await ctx.db.updateTable('elections').set({ state: 'nominating' }).where('id', '=', election.id).execute()
  await appendEvent(ctx, { type: 'election.nominations_opened', payload: {} }, electionPlacement(election))
  return true
}
