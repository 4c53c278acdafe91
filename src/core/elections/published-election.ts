import type { Executor } from '../../db/client.ts'
import type { ElectionRow } from '../../db/schema.ts'
import { AppError } from '../shared/errors.ts'

/**
 * Loads an election whose results are public, i.e. closed. Before the close (and for a cancelled
 * election, which never closes) results, ballots and trackers are RESULTS_HIDDEN to everyone,
 * administrators included: nothing partial leaks while people are still voting.
 */
export async function loadPublishedElection(db: Executor, electionId: number): Promise<ElectionRow> {
  const election = await db
    .selectFrom('elections')
    .selectAll()
    .where('id', '=', electionId)
    .executeTakeFirst()
  if (!election) throw new AppError('ELECTION_NOT_FOUND', `No election with id ${electionId}`, { electionId })
  if (election.state !== 'closed') {
    throw new AppError('RESULTS_HIDDEN', 'Results and ballots are published when voting closes', {
      state: election.state,
      votingCloseAt: new Date(election.voting_close_at).toISOString(),
    })
  }
  return election
}
