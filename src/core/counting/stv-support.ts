import type { CountInput, TieBreak } from './counting-method.ts'
import { breakTieByLot } from './tie-break-lot.ts'

/**
 * Ballots packed for the STV counters: every ballot's preferences in one Int32Array, with
 * withdrawn candidates already removed, so a million ballots cost four typed arrays and no
 * per-ballot objects. Group `g` holds `weight[g]` identical ballots whose preferences are
 * `prefs[start[g] .. start[g + 1])`.
 */
export interface PackedBallots {
  readonly groups: number
  readonly prefs: Int32Array
  readonly start: Int32Array
  readonly weight: Float64Array
}

/** Packs the input's ballots, skipping withdrawn candidates (they are "never elected"). */
export function packBallots(input: CountInput): PackedBallots {
  const withdrawn = new Uint8Array(input.candidates.length)
  for (const c of input.withdrawn) withdrawn[c] = 1
  const groups = input.ballots.length
  let total = 0
  for (const ballot of input.ballots) total += ballot.preferences.length
  const prefs = new Int32Array(total)
  const start = new Int32Array(groups + 1)
  const weight = new Float64Array(groups)
  let at = 0
  for (let g = 0; g < groups; g++) {
    const ballot = input.ballots[g] as CountInput['ballots'][number]
    start[g] = at
    weight[g] = ballot.weight
    for (const c of ballot.preferences) if (withdrawn[c] === 0) prefs[at++] = c
  }
  start[groups] = at
  return { groups, prefs: prefs.subarray(0, at), start, weight }
}

/** The outcome of breaking a tie: the candidate chosen and, when there was a tie, its record. */
export interface TieOutcome {
  readonly chosen: number
  readonly record: TieBreak | null
}

/**
 * Breaks a tie the Scottish way (rules 49(2) and 51(2) of the 2007 Order), which Charter also uses
 * for Meek: look back to the most recent earlier stage at which the tied candidates had unequal
 * votes and take the one with the most (`highest`) or fewest (`lowest`) votes there; if equal at
 * every stage, draw the seeded lot. When the earlier stage still leaves several level at the
 * extreme (three tied, two of them lowest before), the Order is silent; we keep looking further
 * back among those still level, which is the natural reading and what droop and OpenSTV do too.
 *
 * `history` holds comparable vote figures per earlier stage (oldest first), not including the
 * stage at which the tie arose.
 */
export function breakStvTie(
  tied: readonly number[],
  history: readonly (readonly number[])[],
  want: 'highest' | 'lowest',
  round: number,
  seed: string,
  purpose: TieBreak['purpose'],
): TieOutcome {
  if (tied.length === 1) return { chosen: tied[0] as number, record: null }
  const between = [...tied].sort((a, b) => a - b)
  let level = between
  for (let s = history.length - 1; s >= 0 && level.length > 1; s--) {
    const votes = history[s] as readonly number[]
    let best = votes[level[0] as number] as number
    for (const c of level) {
      const v = votes[c] as number
      if (want === 'highest' ? v > best : v < best) best = v
    }
    level = level.filter((c) => votes[c] === best)
  }
  if (level.length === 1) {
    const chosen = level[0] as number
    return { chosen, record: { round, between, chosen, by: 'earlier-rounds', purpose } }
  }
  const lot = breakTieByLot(seed, round, level, purpose)
  return { chosen: lot.chosen, record: { ...lot.record, between } }
}

/** The candidates (by number) with the highest or lowest figure among `among`. */
export function extremes(
  among: readonly number[],
  figure: ArrayLike<number>,
  want: 'highest' | 'lowest',
): number[] {
  let best = want === 'highest' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  for (const c of among) {
    const v = figure[c] as number
    if (want === 'highest' ? v > best : v < best) best = v
  }
  return among.filter((c) => figure[c] === best)
}

/** Candidates sorted by a figure, highest first, ties by candidate number (for listing only). */
export function byFigureDescending(candidates: readonly number[], figure: ArrayLike<number>): number[] {
  return [...candidates].sort((a, b) => (figure[b] as number) - (figure[a] as number) || a - b)
}
