/**
 * The one interface every counting method implements (plurality, block, approval, Scottish STV,
 * Meek STV, Schulze). Elections count through it, `charter count` counts BLT files through it, and
 * one shared contract suite (`counting-contract.ts`) runs against every method.
 *
 * Candidates are numbered 0..n-1 in the order given; ballots are weighted (a BLT line's leading
 * count, or 1 per voter) so identical ballots can be grouped, which is what makes a million
 * ballots cheap to count.
 */

/** The methods Charter counts with; the ids are what the CLI's `--method` and elections name. */
export const COUNTING_METHOD_IDS = [
  'plurality',
  'block',
  'approval',
  'scottish-stv',
  'meek',
  'schulze',
] as const
export type CountingMethodId = (typeof COUNTING_METHOD_IDS)[number]

/** One ballot (or a group of identical ones): the candidates marked, most preferred first. */
export interface WeightedBallot {
  /** How many voters cast exactly this ballot (a positive integer). */
  readonly weight: number
  /**
   * Candidate numbers in order of preference. For approval (and block) voting the order carries no
   * meaning: every listed candidate is approved. A candidate appears at most once.
   */
  readonly preferences: readonly number[]
}

/** What a count needs. */
export interface CountInput {
  /** Candidate names; a candidate's number is its index here. */
  readonly candidates: readonly string[]
  /** Candidates withdrawn before the count: skipped on every ballot, never elected. */
  readonly withdrawn: readonly number[]
  readonly seats: number
  readonly ballots: readonly WeightedBallot[]
  /**
   * The seed of the recorded lot that breaks ties the method's own rules leave open. The same
   * input and seed always give the same result; the seed is published with the result.
   */
  readonly tieBreakSeed: string
}

/** A tie the method's rules could not break, and how the lot broke it. */
export interface TieBreak {
  readonly round: number
  readonly between: readonly number[]
  readonly chosen: number
  /** `earlier-rounds` (the statutory rule) or `lot` (the seeded draw). */
  readonly by: 'earlier-rounds' | 'lot'
  readonly purpose: 'exclude' | 'elect'
  /** What the tie decided when `purpose` alone does not say it, e.g. "order of surplus transfers" (Scottish STV). */
  readonly detail?: string
}

/** One round of the count, for the round-by-round report. */
export interface CountRound {
  readonly round: number
  /** The quota in force this round (STV methods); null for methods without one. */
  readonly quota: number | null
  /** Each candidate's votes at the end of the round, by candidate number. */
  readonly votes: readonly number[]
  /** Votes no longer with any continuing candidate (STV), or ballots marking none (others). */
  readonly exhausted: number
  readonly elected: readonly number[]
  readonly excluded: readonly number[]
  /** Votes moved this round: from a candidate (surplus or exclusion) to others, at what value. */
  readonly transfers: readonly {
    readonly from: number
    readonly kind: 'surplus' | 'exclusion'
    /** The transfer value (STV) applied to the papers moved. */
    readonly value: number
    readonly to: readonly { readonly candidate: number; readonly votes: number }[]
    readonly exhausted: number
  }[]
  /** A sentence saying what happened, for readers of the report. */
  readonly note: string
  /** Meek STV only: each candidate's keep value at the end of the round (1 hopeful, 0 excluded). */
  readonly keepValues?: readonly number[]
}

/** The outcome of a count. */
export interface CountResult {
  readonly method: CountingMethodId
  readonly seats: number
  /** Candidate numbers in the order they were elected. */
  readonly elected: readonly number[]
  readonly rounds: readonly CountRound[]
  readonly tieBreaks: readonly TieBreak[]
  /** Schulze only: every candidate, best first; candidates tied after all tie-breaks share a group. */
  readonly ranking?: readonly (readonly number[])[]
  /**
   * Schulze only: `preferences[x][y]` voters rank x above y; `strengths[x][y]` is the strongest
   * path from x to y (winning votes). Indexed by candidate number; withdrawn rows and columns are 0.
   */
  readonly pairwise?: {
    readonly preferences: readonly (readonly number[])[]
    readonly strengths: readonly (readonly number[])[]
  }
}

/** A counting method. `count` is pure and deterministic for a given input (seed included). */
export interface CountingMethod {
  readonly id: CountingMethodId
  /** A name for people: "Scottish STV (2007 rules)". */
  readonly label: string
  /** Whether ballots rank candidates (STV, Schulze) or only mark them (plurality, block, approval). */
  readonly ballotKind: 'ranked' | 'marks'
  count(input: CountInput): CountResult
}
