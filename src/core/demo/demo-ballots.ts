import type { CountingMethodId, WeightedBallot } from '../counting/counting-method.ts'
import { countingMethods } from '../counting/methods.ts'
import type { SeededRandom } from './random.ts'

/** What a demo election's ballots are drawn for. */
export interface DemoBallotsInput {
  /** Candidates are numbered 0..candidates-1 in the order they stood; 0 is the favourite. */
  readonly candidates: number
  readonly seats: number
  readonly voters: number
  /** A ranked method (the demo's elections use Scottish STV). */
  readonly method: CountingMethodId
}

/** Attempts at a draw whose count needs no lot; past them the last draw is kept. */
const MAX_DRAWS = 25

/** One voter's ranking: candidates drawn by popularity without replacement, cut short at `length`. */
function rank(random: SeededRandom, popularity: readonly number[], length: number): number[] {
  const left = popularity.map((weight, candidate) => [candidate, weight] as const)
  const ranking: number[] = []
  while (ranking.length < length && left.length > 0) {
    const chosen = random.weighted(left)
    ranking.push(chosen)
    left.splice(
      left.findIndex(([candidate]) => candidate === chosen),
      1,
    )
  }
  return ranking
}

function needsLot(input: DemoBallotsInput, ballots: readonly number[][]): boolean {
  const weighted: WeightedBallot[] = ballots.map((preferences) => ({ weight: 1, preferences }))
  const result = countingMethods[input.method].count({
    candidates: Array.from({ length: input.candidates }, (_, index) => `candidate ${index}`),
    withdrawn: [],
    seats: input.seats,
    ballots: weighted,
    tieBreakSeed: 'demo',
  })
  return result.tieBreaks.some((tie) => tie.by === 'lot')
}

/**
 * Ranked ballots for a demo election, one per voter, seeded: a favourite (candidate 0) and
 * rivals of random popularity; most voters rank every candidate, some mark only their first
 * choice, as a general meeting's ballots would. A draw whose count needs the lot to break a tie is
 * drawn again: callElection gives every election a fresh random tie-break seed, so a tie decided
 * by lot would make the demo's results differ from one run to the next.
 */
export function drawDemoBallots(random: SeededRandom, input: DemoBallotsInput): number[][] {
  const popularity = Array.from({ length: input.candidates }, (_, index) =>
    index === 0 ? 1.4 + random.next() : 0.5 + random.next(),
  )
  let ballots: number[][] = []
  if (input.voters === 0) return ballots
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    ballots = Array.from({ length: input.voters }, () =>
      rank(random, popularity, random.next() < 0.7 ? input.candidates : 1),
    )
    if (!needsLot(input, ballots)) break
  }
  return ballots
}
