/** Response shapes of the ballot routes (src/api/routes/ballots.ts, src/api/ballot-schemas.ts). */

/** POST /elections/:id/ballots: one contest's marks, candidate ids, most preferred first. */
export interface BallotContest {
  readonly contestId: number
  readonly preferences: readonly number[]
}

/** POST /elections/:id/ballots (201): the receipt, shown this once. */
export interface BallotReceipt {
  readonly tracker: string
}

/** One round of a count; candidate numbers index the contest's `candidates`. */
export interface CountRound {
  readonly round: number
  readonly quota: number | null
  /** Each candidate's votes at the end of the round, by number. */
  readonly votes: readonly number[]
  readonly exhausted: number
  readonly elected: readonly number[]
  readonly excluded: readonly number[]
  readonly transfers: readonly {
    readonly from: number
    readonly kind: 'surplus' | 'exclusion'
    readonly value: number
    readonly to: readonly { readonly candidate: number; readonly votes: number }[]
    readonly exhausted: number
  }[]
  readonly note: string
  readonly keepValues?: readonly number[]
}

/** A tie the method's rules left open, and how it was broken. */
export interface TieBreak {
  readonly round: number
  readonly between: readonly number[]
  readonly chosen: number
  readonly by: 'earlier-rounds' | 'lot'
  readonly purpose: 'exclude' | 'elect'
  readonly detail?: string
}

/** Candidate number i of a count. */
export interface CountCandidate {
  readonly candidateId: number
  readonly memberId: number
  readonly name: string
}

/** One contest's published result. */
export interface ContestResult {
  readonly contestId: number
  readonly post: string
  readonly method: string
  readonly seats: number
  readonly candidates: readonly CountCandidate[]
  readonly withdrawn: readonly number[]
  /** Ballots marking at least one candidate (counted). */
  readonly ballots: number
  /** Ballots marking no one in this contest. */
  readonly blank: number
  /** In order of election. */
  readonly elected: readonly number[]
  readonly electedCandidates: readonly CountCandidate[]
  readonly rounds: readonly CountRound[]
  readonly tieBreaks: readonly TieBreak[]
  /** Schulze: best first. */
  readonly ranking: readonly (readonly number[])[] | null
  readonly tieBreakSeed: string
  /** Why nothing was counted, if nothing was. */
  readonly noCount: string | null
  readonly mandates: readonly {
    readonly memberId: number
    readonly mandateId: number | null
    readonly replacedMandateIds: readonly number[]
    readonly refused: { readonly code: string; readonly message: string } | null
  }[]
}

/** GET /elections/:id/results (409 RESULTS_HIDDEN before the close). */
export interface ElectionResults {
  readonly electionId: number
  readonly title: string
  readonly method: string
  readonly bodyId: number
  readonly votingCloseAt: string
  readonly closedAt: string
  readonly tieBreakSeed: string
  readonly electorateSize: number | null
  readonly votersCount: number
  readonly turnout: number | null
  readonly contests: readonly ContestResult[]
}

/** GET /elections/:id/trackers/:tracker, and an item of GET /elections/:id/ballots. */
export interface PublishedBallot {
  readonly tracker: string
  readonly contests: readonly BallotContest[]
}

/** GET /elections/:id/ballots: a keyset page in tracker order. */
export interface PublishedBallotsPage {
  readonly items: readonly PublishedBallot[]
  readonly nextCursor: string | null
}
