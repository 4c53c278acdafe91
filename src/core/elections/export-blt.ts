import type { Executor } from '../../db/client.ts'
import { writeBlt } from '../counting/blt.ts'
import { AppError } from '../shared/errors.ts'
import { type ContestReport, loadBallotGroups, toWeightedBallots } from './count-contest.ts'
import { loadPublishedElection } from './published-election.ts'

/**
 * A closed contest's ballots as an ERS/OpenSTV BLT file: the candidates, numbering and withdrawals
 * of the stored count, and the box grouped into weighted lines; blank ballots are left out, as
 * they were from the count. `charter count FILE.blt --method <the election's>` with the
 * published seed reproduces the result. RESULTS_HIDDEN before the close.
 */
export async function exportBlt(
  db: Executor,
  input: { electionId: number; contestId: number },
): Promise<string> {
  const election = await loadPublishedElection(db, input.electionId)
  const row = await db
    .selectFrom('election_results')
    .select('report')
    .where('election_id', '=', input.electionId)
    .where('contest_id', '=', input.contestId)
    .executeTakeFirst()
  if (!row) {
    throw new AppError('NOT_FOUND', `Election ${input.electionId} has no contest ${input.contestId}`, input)
  }
  const report = row.report as ContestReport
  const groups = await loadBallotGroups(db, input.contestId)
  const { ballots } = toWeightedBallots(
    groups,
    report.candidates.map((candidate) => candidate.candidateId),
  )
  return writeBlt(
    {
      candidates: report.candidates.map((candidate) => candidate.name),
      withdrawn: report.withdrawn,
      seats: report.seats,
      ballots,
      tieBreakSeed: report.tieBreakSeed,
    },
    `${election.title}: ${report.post}`,
  )
}
