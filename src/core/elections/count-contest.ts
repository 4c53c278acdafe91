import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type {
  CountInput,
  CountingMethodId,
  CountResult,
  CountRound,
  TieBreak,
  WeightedBallot,
} from '../counting/counting-method.ts'
import { countingMethods } from '../counting/methods.ts'

/**
 * A contest's count: the box's ballots grouped into weighted lines, candidate ids mapped to the
 * counting module's numbers, the count, and the report stored in `election_results`. The export to
 * BLT reads the same groups through the report's candidate list, so the file counts the same.
 */

/** A candidate as numbered in the count: `candidates[i]` is candidate number i of the rounds. */
export interface ReportCandidate {
  readonly candidateId: number
  readonly memberId: number
  readonly name: string
}

/** The mandate an elected candidate got, or why the mandate could not be made. */
export interface ReportMandate {
  readonly memberId: number
  readonly mandateId: number | null
  readonly replacedMandateIds: readonly number[]
  readonly refused: { readonly code: string; readonly message: string } | null
}

/** What `election_results.report` holds for one contest (JSON). */
export interface ContestReport {
  readonly contestId: number
  readonly post: string
  readonly method: CountingMethodId
  readonly seats: number
  /** Candidate numbers in `elected`, `rounds`, `tieBreaks` and `ranking` index this list. */
  readonly candidates: readonly ReportCandidate[]
  /** Candidates who withdrew after ballots marking them were cast: skipped, never elected. */
  readonly withdrawn: readonly number[]
  /** Ballots that marked at least one candidate (the count's input). */
  readonly ballots: number
  /** Ballots that marked no one in this contest: turnout, but no vote. */
  readonly blank: number
  readonly elected: readonly number[]
  readonly rounds: readonly CountRound[]
  readonly tieBreaks: readonly TieBreak[]
  readonly ranking: readonly (readonly number[])[] | null
  readonly tieBreakSeed: string
  /** Why nothing was counted (no candidates, or no ballot marking one); null after a count. */
  readonly noCount: string | null
  readonly mandates: readonly ReportMandate[]
}

/** Identical ballots of a contest, grouped: one line per distinct preference list. */
export interface BallotGroup {
  readonly preferences: readonly number[]
  readonly weight: number
}

/**
 * The contest's ballots grouped by preference list, in a stable order (PostgreSQL's array
 * order), so a count and an export of the same box always list the same lines.
 */
export async function loadBallotGroups(db: Executor, contestId: number): Promise<BallotGroup[]> {
  const rows = await db
    .selectFrom('ballot_box')
    .select(['preferences', sql<number>`count(*)::int4`.as('weight')])
    .where('contest_id', '=', contestId)
    .groupBy('preferences')
    .orderBy('preferences')
    .execute()
  return rows.map((row) => ({ preferences: row.preferences, weight: Number(row.weight) }))
}

/** Maps grouped ballots to count numbers; blank groups are left out and tallied. */
export function toWeightedBallots(
  groups: readonly BallotGroup[],
  candidateIds: readonly number[],
): { ballots: WeightedBallot[]; blank: number; counted: number } {
  const numberOf = new Map(candidateIds.map((candidateId, index) => [candidateId, index]))
  const ballots: WeightedBallot[] = []
  let blank = 0
  let counted = 0
  for (const group of groups) {
    if (group.preferences.length === 0) {
      blank += group.weight
      continue
    }
    const preferences = group.preferences.map((candidateId) => {
      const number = numberOf.get(candidateId)
      if (number === undefined) throw new Error(`ballot marks candidate ${candidateId}, not in the count`)
      return number
    })
    ballots.push({ weight: group.weight, preferences })
    counted += group.weight
  }
  return { ballots, blank, counted }
}

export interface ContestToCount {
  readonly contestId: number
  readonly post: string
  readonly seats: number
  readonly method: CountingMethodId
  readonly tieBreakSeed: string
}

/**
 * Counts one contest of a closed box. The candidates are those who stood (accepted) plus any
 * candidate marked on a ballot who has since withdrawn (numbered, and listed as withdrawn), in
 * candidate-id order. With no candidate, or no ballot marking one, nothing is counted and
 * `noCount` says why (the counting module refuses an empty count).
 */
export async function countContest(
  db: Executor,
  contest: ContestToCount,
): Promise<Omit<ContestReport, 'mandates'>> {
  const groups = await loadBallotGroups(db, contest.contestId)
  const marked = new Set(groups.flatMap((group) => group.preferences))
  const rows = await db
    .selectFrom('election_candidates as ca')
    .innerJoin('members as m', 'm.id', 'ca.member_id')
    .select(['ca.id', 'ca.member_id', 'ca.state', 'm.full_name'])
    .where('ca.contest_id', '=', contest.contestId)
    .orderBy('ca.id')
    .execute()
  const listed = rows.filter((row) => row.state === 'accepted' || marked.has(row.id))
  const candidates = listed.map((row) => ({
    candidateId: row.id,
    memberId: row.member_id,
    name: row.full_name,
  }))
  const withdrawn = listed.flatMap((row, index) => (row.state === 'accepted' ? [] : [index]))
  const { ballots, blank, counted } = toWeightedBallots(
    groups,
    candidates.map((candidate) => candidate.candidateId),
  )
  const base = {
    contestId: contest.contestId,
    post: contest.post,
    method: contest.method,
    seats: contest.seats,
    candidates,
    withdrawn,
    ballots: counted,
    blank,
    tieBreakSeed: contest.tieBreakSeed,
  }
  const noCount =
    candidates.length === withdrawn.length
      ? 'No candidate stood in this contest.'
      : ballots.length === 0
        ? 'No ballot marked a candidate in this contest.'
        : null
  if (noCount) return { ...base, elected: [], rounds: [], tieBreaks: [], ranking: null, noCount }
  const input: CountInput = {
    candidates: candidates.map((candidate) => candidate.name),
    withdrawn,
    seats: contest.seats,
    ballots,
    tieBreakSeed: contest.tieBreakSeed,
  }
  const result: CountResult = countingMethods[contest.method].count(input)
  return {
    ...base,
    elected: result.elected,
    rounds: result.rounds,
    tieBreaks: result.tieBreaks,
    ranking: result.ranking ?? null,
    noCount: null,
  }
}
