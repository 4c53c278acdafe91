import type { CountInput, CountingMethodId, CountResult } from './counting-method.ts'
import { electFromRanking, groupByScore } from './elect-from-ranking.ts'
import { validateCountInput } from './validate-count-input.ts'

/**
 * The one-round count shared by plurality, block and approval: each ballot gives one vote to each
 * of its first `marksPerBallot` marks that are not withdrawn (withdrawn marks are skipped, so the
 * next mark takes their place), times the ballot's weight. The candidates with most votes fill
 * the seats; a tie the seats cut through is settled by the seeded lot and recorded. A candidate
 * with no votes is never elected, so fewer than `seats` may be elected. `exhausted` is the number
 * of ballots (by weight) that marked no continuing candidate.
 */
export function countByMarks(
  input: CountInput,
  method: CountingMethodId,
  marksPerBallot: number,
  rule: string,
): CountResult {
  validateCountInput(input)
  const n = input.candidates.length
  const withdrawn = new Uint8Array(n)
  for (const candidate of input.withdrawn) withdrawn[candidate] = 1
  const votes = new Array<number>(n).fill(0)
  let exhausted = 0
  for (const { weight, preferences } of input.ballots) {
    let taken = 0
    for (let p = 0; p < preferences.length && taken < marksPerBallot; p++) {
      const candidate = preferences[p] as number
      if (withdrawn[candidate] === 1) continue
      votes[candidate] = (votes[candidate] as number) + weight
      taken++
    }
    if (taken === 0) exhausted += weight
  }
  const continuing = [...votes.keys()].filter((candidate) => withdrawn[candidate] === 0)
  const score = (candidate: number) => votes[candidate] as number
  const { elected, tieBreaks } = electFromRanking(
    groupByScore(continuing, score),
    (candidate) => score(candidate) > 0,
    input.seats,
    input.tieBreakSeed,
    1,
  )
  const short =
    elected.length < input.seats
      ? ` Only ${elected.length} candidate(s) got votes, so ${input.seats - elected.length} seat(s) stay empty.`
      : ''
  const lot = tieBreaks.length > 0 ? ` ${tieBreaks.length} tie(s) were settled by the seeded lot.` : ''
  return {
    method,
    seats: input.seats,
    elected,
    rounds: [
      {
        round: 1,
        quota: null,
        votes,
        exhausted,
        elected,
        excluded: [],
        transfers: [],
        note: `${rule} The ${input.seats} candidate(s) with most votes are elected.${short}${lot}`,
      },
    ],
    tieBreaks,
  }
}
