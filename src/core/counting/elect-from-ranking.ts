import type { TieBreak } from './counting-method.ts'
import { drawLot } from './tie-break-lot.ts'

/** The seats filled from a ranking, the ranking with the lot's decisions applied, and the draws made. */
export interface ElectedFromRanking {
  readonly elected: number[]
  readonly ranking: number[][]
  readonly tieBreaks: TieBreak[]
}

/**
 * Fills `seats` from a ranking of tied groups, best group first, for the single-round methods
 * (plurality, block, approval, Schulze). Only candidates `eligible` says got support are elected,
 * so a seat nobody voted for stays empty rather than going to a name drawn from the hat. Inside a
 * tied group the seeded lot (round `round`) decides who is elected and in what order, and every
 * such draw is recorded, one per place it settles; a group the seats do not reach stays tied.
 */
export function electFromRanking(
  groups: readonly (readonly number[])[],
  eligible: (candidate: number) => boolean,
  seats: number,
  seed: string,
  round: number,
): ElectedFromRanking {
  const elected: number[] = []
  const ranking: number[][] = []
  const tieBreaks: TieBreak[] = []
  for (const group of groups) {
    const open = seats - elected.length
    if (open <= 0 || !group.some(eligible)) {
      ranking.push([...group])
      continue
    }
    // A group is all supported or all unsupported in practice; filtering keeps this true regardless.
    let remaining = drawLot(seed, round, group.filter(eligible))
    const unsupported = group.filter((candidate) => !eligible(candidate))
    while (remaining.length > 0 && elected.length < seats) {
      const chosen = remaining[0] as number
      if (remaining.length > 1) {
        tieBreaks.push({
          round,
          between: [...remaining].sort((a, b) => a - b),
          chosen,
          by: 'lot',
          purpose: 'elect',
        })
      }
      elected.push(chosen)
      ranking.push([chosen])
      remaining = remaining.slice(1)
    }
    if (remaining.length > 0) ranking.push(remaining.sort((a, b) => a - b))
    if (unsupported.length > 0) ranking.push(unsupported)
  }
  return { elected, ranking, tieBreaks }
}

/** Candidates grouped by equal score, highest first; each group in candidate-number order. */
export function groupByScore(
  candidates: readonly number[],
  score: (candidate: number) => number,
): number[][] {
  const sorted = [...candidates].sort((a, b) => score(b) - score(a) || a - b)
  const groups: number[][] = []
  for (const candidate of sorted) {
    const last = groups[groups.length - 1]
    const head = last?.[0]
    if (last && head !== undefined && score(head) === score(candidate)) last.push(candidate)
    else groups.push([candidate])
  }
  return groups
}
