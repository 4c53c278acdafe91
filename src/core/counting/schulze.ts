import type { CountInput, CountingMethod, CountResult } from './counting-method.ts'
import { electFromRanking } from './elect-from-ranking.ts'
import { validateCountInput } from './validate-count-input.ts'

/**
 * The pairwise tallies: `preferences[x][y]` voters (by weight) rank x above y. A ballot ranks every
 * candidate it lists above every one it leaves out, and is indifferent among those left out;
 * withdrawn candidates are struck from every ballot first.
 *
 * Each ballot costs O(k²/2) for its k listed candidates, not O(n²): listing x at position a puts x
 * above every candidate except the a listed before it, so x's row gets +w once (`rowAll`) and
 * −w for those a candidates. That keeps a million short ballots cheap.
 */
export function pairwisePreferences(input: CountInput, withdrawn: Uint8Array): Float64Array {
  const n = input.candidates.length
  const rowAll = new Float64Array(n)
  const delta = new Float64Array(n * n)
  const scratch = new Int32Array(n)
  for (const { weight, preferences } of input.ballots) {
    let k = 0
    for (const candidate of preferences) if (withdrawn[candidate] === 0) scratch[k++] = candidate
    for (let a = 0; a < k; a++) {
      const x = scratch[a] as number
      rowAll[x] = (rowAll[x] as number) + weight
      const row = x * n
      for (let b = 0; b <= a; b++) {
        const y = scratch[b] as number
        delta[row + y] = (delta[row + y] as number) - weight
      }
    }
  }
  const d = new Float64Array(n * n)
  for (let x = 0; x < n; x++) {
    if (withdrawn[x] === 1) continue
    for (let y = 0; y < n; y++) {
      if (x !== y && withdrawn[y] === 0) d[x * n + y] = (rowAll[x] as number) + (delta[x * n + y] as number)
    }
  }
  return d
}

/**
 * Strongest-path strengths by winning votes: a direct link x→y has strength d[x][y] when more
 * voters prefer x to y than the reverse, else 0; a path is as strong as its weakest link; the
 * strengths are the widest paths (Floyd–Warshall, O(n³)). Winning votes is the variant Schulze
 * recommends and the one the Wikipedia worked example uses.
 */
export function strongestPaths(d: Float64Array, n: number, continuing: readonly number[]): Float64Array {
  const p = new Float64Array(n * n)
  for (const x of continuing) {
    for (const y of continuing) {
      if (x === y) continue
      const xy = d[x * n + y] as number
      if (xy > (d[y * n + x] as number)) p[x * n + y] = xy
    }
  }
  for (const i of continuing) {
    for (const j of continuing) {
      if (j === i) continue
      const ji = p[j * n + i] as number
      if (ji === 0) continue
      for (const k of continuing) {
        if (k === i || k === j) continue
        const through = Math.min(ji, p[i * n + k] as number)
        if (through > (p[j * n + k] as number)) p[j * n + k] = through
      }
    }
  }
  return p
}

/**
 * The Schulze ranking as tied groups: repeatedly take the candidates that no remaining candidate
 * beats (x beats y when p[x][y] > p[y][x]). The relation is transitive, so each step finds someone.
 */
export function schulzeGroups(p: Float64Array, n: number, continuing: readonly number[]): number[][] {
  const groups: number[][] = []
  let remaining = [...continuing]
  while (remaining.length > 0) {
    const unbeaten = remaining.filter((y) =>
      remaining.every((x) => x === y || (p[x * n + y] as number) <= (p[y * n + x] as number)),
    )
    const group = unbeaten.length > 0 ? unbeaten : remaining // defensive: cannot happen for Schulze
    groups.push(group)
    remaining = remaining.filter((candidate) => !group.includes(candidate))
  }
  return groups
}

function countSchulze(input: CountInput): CountResult {
  validateCountInput(input)
  const n = input.candidates.length
  const withdrawn = new Uint8Array(n)
  for (const candidate of input.withdrawn) withdrawn[candidate] = 1
  const marked = new Uint8Array(n)
  const firstPreferences = new Array<number>(n).fill(0)
  let exhausted = 0
  for (const { weight, preferences } of input.ballots) {
    let first = -1
    for (const candidate of preferences) {
      if (withdrawn[candidate] === 1) continue
      marked[candidate] = 1
      if (first < 0) first = candidate
    }
    if (first < 0) exhausted += weight
    else firstPreferences[first] = (firstPreferences[first] as number) + weight
  }
  const continuing = [...firstPreferences.keys()].filter((candidate) => withdrawn[candidate] === 0)
  const d = pairwisePreferences(input, withdrawn)
  const p = strongestPaths(d, n, continuing)
  // A candidate no ballot lists is never elected (as in the other methods); it still gets its place.
  const { elected, ranking, tieBreaks } = electFromRanking(
    schulzeGroups(p, n, continuing),
    (candidate) => marked[candidate] === 1,
    input.seats,
    input.tieBreakSeed,
    1,
  )
  const matrix = (values: Float64Array) =>
    Array.from({ length: n }, (_, x) => Array.from(values.subarray(x * n, (x + 1) * n)))
  const lot = tieBreaks.length > 0 ? ` ${tieBreaks.length} tie(s) were settled by the seeded lot.` : ''
  return {
    method: 'schulze',
    seats: input.seats,
    elected,
    rounds: [
      {
        round: 1,
        quota: null,
        votes: firstPreferences,
        exhausted,
        elected,
        excluded: [],
        transfers: [],
        note:
          'Schulze (winning votes): votes shown are first preferences; the ranking comes from the ' +
          `strongest pairwise paths and the top ${input.seats} listed candidate(s) are elected.${lot}`,
      },
    ],
    tieBreaks,
    ranking,
    pairwise: { preferences: matrix(d), strengths: matrix(p) },
  }
}

/** The Schulze method (winning votes): the winner, the full ranking, and the top `seats` elected. */
export const schulze: CountingMethod = {
  id: 'schulze',
  label: 'Schulze method (winning votes)',
  ballotKind: 'ranked',
  count: countSchulze,
}
