import type { CountInput, WeightedBallot } from '../../src/core/counting/counting-method.ts'
import { SeededRandom } from '../../src/core/demo/random.ts'

/** What to generate: `ballots` voters over `candidates` candidates, deterministic for a seed. */
export interface BallotGeneratorOptions {
  readonly ballots: number
  readonly candidates: number
  readonly seats: number
  readonly seed: number
  /** The longest ranking a voter writes (default 10). */
  readonly maxRanked?: number
}

/** A generated election, with how many distinct ballot lines the grouping left. */
export interface GeneratedElection {
  readonly input: CountInput
  readonly voters: number
  readonly distinctBallots: number
}

/**
 * Ranked ballots shaped like a real election, grouped as a BLT file groups them: candidates sit in
 * slates of five with popularity falling off (Zipf-like); a voter picks a slate by its popularity,
 * ranks between 1 and `maxRanked` candidates (short rankings most common), and each next choice
 * stays in the slate three times in four, else goes to any candidate by popularity. Identical
 * ballots become one weighted line, so a million voters make far fewer lines, as they do in a
 * real count. Shared by the Schulze/plurality bench and the STV benches.
 */
export function generateRankedBallots(options: BallotGeneratorOptions): GeneratedElection {
  const { ballots: voters, candidates: n, seats, seed } = options
  const maxRanked = Math.min(options.maxRanked ?? 10, n)
  const random = new SeededRandom(seed)
  const popularity = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 0.8)
  const slateOf = (candidate: number) => Math.floor(candidate / 5)
  const slates = Math.ceil(n / 5)
  const slatePopularity = Array.from({ length: slates }, (_, s) =>
    popularity.reduce((sum, p, c) => (slateOf(c) === s ? sum + p : sum), 0),
  )
  // Ranking lengths 1..maxRanked, each half again less likely than the one before… but never zero.
  const lengths = Array.from({ length: maxRanked }, (_, i) => [i + 1, 0.7 ** i] as const)
  const slateChoices = slatePopularity.map((p, s) => [s, p] as const)
  const grouped = new Map<string, number>()
  const used = new Uint8Array(n)
  const ranking: number[] = []
  const pickFrom = (slate: number | null): number => {
    let total = 0
    for (let c = 0; c < n; c++)
      if (used[c] === 0 && (slate === null || slateOf(c) === slate)) total += popularity[c] as number
    if (total === 0) return -1
    let roll = random.next() * total
    let last = -1
    for (let c = 0; c < n; c++) {
      if (used[c] === 1 || (slate !== null && slateOf(c) !== slate)) continue
      last = c
      roll -= popularity[c] as number
      if (roll < 0) return c
    }
    return last
  }
  for (let voter = 0; voter < voters; voter++) {
    const length = random.weighted(lengths)
    const slate = random.weighted(slateChoices)
    ranking.length = 0
    while (ranking.length < length) {
      let next = random.next() < 0.75 ? pickFrom(slate) : -1
      if (next < 0) next = pickFrom(null)
      if (next < 0) break
      used[next] = 1
      ranking.push(next)
    }
    for (const candidate of ranking) used[candidate] = 0
    const key = ranking.join(' ')
    grouped.set(key, (grouped.get(key) ?? 0) + 1)
  }
  const ballots: WeightedBallot[] = []
  for (const [key, weight] of grouped) ballots.push({ weight, preferences: key.split(' ').map(Number) })
  return {
    input: {
      candidates: Array.from({ length: n }, (_, i) => `Candidate ${i + 1}`),
      withdrawn: [],
      seats,
      ballots,
      tieBreakSeed: `bench-${seed}`,
    },
    voters,
    distinctBallots: ballots.length,
  }
}
