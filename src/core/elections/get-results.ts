import type { Executor } from '../../db/client.ts'
import type { ContestReport, ReportCandidate } from './count-contest.ts'
import { loadPublishedElection } from './published-election.ts'

/** One contest's published result: the stored report, with the elected spelled out in order. */
export interface ContestResult extends ContestReport {
  readonly electedCandidates: readonly ReportCandidate[]
}

/** A closed election's results. */
export interface ElectionResults {
  readonly electionId: number
  readonly title: string
  readonly method: string
  readonly bodyId: number
  readonly votingCloseAt: string
  readonly closedAt: string
  /** The seed of the recorded lot that broke any tie the rules left open. */
  readonly tieBreakSeed: string
  readonly electorateSize: number | null
  readonly votersCount: number
  /** votersCount / electorateSize, or null with no electorate. */
  readonly turnout: number | null
  readonly contests: readonly ContestResult[]
}

/**
 * The results of a closed election, contest by contest: who was elected in order, the count round
 * by round, the tie-breaks and the seed, turnout and blank ballots, and the mandates made.
 * RESULTS_HIDDEN before the close.
 */
export async function getResults(db: Executor, electionId: number): Promise<ElectionResults> {
  const election = await loadPublishedElection(db, electionId)
  const rows = await db
    .selectFrom('election_results')
    .select('report')
    .where('election_id', '=', electionId)
    .orderBy('contest_id')
    .execute()
  const votersCount = election.voters_count ?? 0
  const electorate = election.electorate_size
  return {
    electionId: election.id,
    title: election.title,
    method: election.method,
    bodyId: election.body_id,
    votingCloseAt: new Date(election.voting_close_at).toISOString(),
    closedAt: new Date(election.closed_at ?? election.voting_close_at).toISOString(),
    tieBreakSeed: election.tie_break_seed,
    electorateSize: electorate,
    votersCount,
    turnout: electorate ? votersCount / electorate : null,
    contests: rows.map((row) => {
      const report = row.report as ContestReport
      return {
        ...report,
        electedCandidates: report.elected.map((number) => report.candidates[number] as ReportCandidate),
      }
    }),
  }
}
