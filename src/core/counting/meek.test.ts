import { describe, expect, it } from 'vitest'
import { describeCountingContract } from './counting-contract.ts'
import type { CountInput, WeightedBallot } from './counting-method.ts'
import { meekStv } from './meek.ts'
import { scottishStv } from './scottish-stv.ts'

describeCountingContract(meekStv)

const ballot = (weight: number, ...preferences: number[]): WeightedBallot => ({ weight, preferences })
const election = (seats: number, ballots: WeightedBallot[]): CountInput => ({
  candidates: ['A', 'B', 'C', 'D'],
  withdrawn: [],
  seats,
  ballots,
  tieBreakSeed: 'meek-test',
})
const [A, B, C, D] = [0, 1, 2, 3]

describe('meek: a count checked by hand', () => {
  // 31 ballots, 2 seats. Round 1: quota 31 / 3 = 10.333333; A (16) is elected.
  // Round 2: A keeps k of each vote with 16k = 31/3, k = 0.645833; B gets 6 + 16 × 0.354167 =
  // 11.666667, over the quota, and is elected.
  const result = meekStv.count(
    election(2, [ballot(16, A, B, C), ballot(6, B, C), ballot(5, C, D), ballot(4, D, C)]),
  )

  it('elects A then B with the keep value that brings A down to the quota', () => {
    expect(result.elected).toEqual([A, B])
    expect(result.rounds.map((r) => r.quota)).toEqual([10.333333, 10.333333])
    expect(result.rounds[1]?.votes).toEqual([10.333333, 11.666667, 5, 4])
    expect(result.rounds[1]?.keepValues?.[A]).toBeCloseTo(31 / 48, 9)
    expect(result.rounds[1]?.note).toMatch(/Keep values: A 0\.645833/)
  })
})

describe('meek: the quota falls as votes exhaust', () => {
  it('elects B where Scottish STV, with its fixed quota, elects D', () => {
    // 36 ballots, 2 seats. A (26) is elected in round 1. With keep value k, A holds 26k, B gets
    // 17(1 − k), the nine A-only ballots exhaust 9(1 − k), so the quota is (36 − 9(1 − k)) / 3 =
    // 9 + 3k. Converged: 26k = 9 + 3k, k = 9/23: B 10.347826 > quota 10.173913 > D 10.
    // Scottish STV keeps its quota at 13, B reaches only 8.5 and D wins (scottish-stv.test.ts).
    const input = election(2, [ballot(9, A), ballot(17, A, B), ballot(9, D, B), ballot(1, D, C)])
    const result = meekStv.count(input)
    expect(result.elected).toEqual([A, B])
    expect(scottishStv.count(input).elected).toEqual([A, D])
    const last = result.rounds[result.rounds.length - 1]
    expect(last?.elected).toEqual([B])
    expect(last?.quota).toBeLessThan(13)
    expect(last?.quota ?? 0).toBeGreaterThan(10)
  })
})

describe('meek: ballots whose every candidate is excluded exhaust whole (regression)', () => {
  // Found by the differential check against droop 0.14's Meek (bench/peer-stv.ts): ballots left
  // with no continuing candidate were not counted as exhausted, so the quota stayed at its first
  // value and D was elected instead of A. 16 ballots, 2 seats, quota 16/3 = 5.333333.
  // Round 1: B (9) elected. Round 2: B keeps 16/27 = 0.592593 and passes 3.666667 to A; D 4, C 3;
  // C is excluded. Round 3: C's three C-only ballots exhaust, the quota falls to 13/3 = 4.333333,
  // B keeps 13/27 and A gets 9 × 14/27 = 4.666667 > 4.333333: A is elected, not D (4).
  const input = election(2, [ballot(4, D, B), ballot(9, B, A), ballot(3, C)])
  const result = meekStv.count(input)

  it('lowers the quota by the exhausted ballots and elects A', () => {
    expect(result.elected).toEqual([B, A])
    expect(result.rounds.map((r) => r.quota)).toEqual([5.333333, 5.333333, 4.333333])
    expect(result.rounds.map((r) => r.exhausted)).toEqual([0, 0, 3])
    expect(result.rounds[1]?.excluded).toEqual([C])
    expect(result.rounds[2]?.votes[A]).toBeCloseTo(126 / 27, 6)
  })
})

describe('meek: an elected candidate keeps passing their surplus on', () => {
  // 38 ballots, 2 seats; candidate B here is the one excluded first. Quota 38/3 = 12.666667 while
  // nothing exhausts.
  // Round 1: A 20 elected. Round 2: k_A = 12.666667/20 = 0.633333, D = 5 + 20 × 0.366667 =
  //   12.333333 (short), C 9, B 4: B is excluded.
  // Round 3: B's four B>A>C ballots reach A, who keeps k_A of them and passes the rest to C. A now
  //   holds 24 k_A, so k_A falls to 12.666667/24 = 0.527778 and more of A's own A>D ballots flows to
  //   D: D = 5 + 20 × 0.472222 = 14.444444, elected. C gets only 9 + 4 × 0.472222 = 10.888889.
  // Scottish STV skips the elected A, gives C all four ballots (13 = its quota) and elects C.
  const input = election(2, [ballot(20, A, D), ballot(4, B, A, C), ballot(9, C), ballot(5, D)])
  const result = meekStv.count(input)

  it('lowers the keep value when more votes arrive, sending more of the surplus on', () => {
    expect(result.rounds.map((r) => [r.elected, r.excluded])).toEqual([
      [[A], []],
      [[], [B]],
      [[D], []],
    ])
    expect(result.rounds[1]?.keepValues?.[A]).toBeCloseTo(38 / 60, 6)
    expect(result.rounds[1]?.votes).toEqual([12.666667, 4, 9, 12.333333])
    expect(result.rounds[2]?.keepValues?.[A]).toBeCloseTo(38 / 72, 6)
    expect(result.rounds[2]?.votes).toEqual([12.666667, 0, 10.888889, 14.444444])
    expect(result.elected).toEqual([A, D])
  })

  it('differs from Scottish STV, which passes the excluded ballots over the elected A', () => {
    expect(scottishStv.count(input).elected).toEqual([A, C])
  })
})

describe('meek: ties', () => {
  it('records no tie-break when no tie arises', () => {
    // 2 seats, 28 ballots. Round 1: quota 9.333333, A 10 elected, C 7, B 6, D 5. Round 2: A keeps
    // 9.333333/10; its surplus 0.666667 goes to B: B 6.666667, C 7, D 5: D is excluded and its five
    // D>B ballots make B 11.666667, elected. No lot is ever drawn.
    const result = meekStv.count(election(2, [ballot(10, A, B), ballot(6, B), ballot(7, C), ballot(5, D, B)]))
    expect(result.elected).toEqual([A, B])
    expect(result.tieBreaks).toEqual([])
  })

  it('uses the earlier round when two hopefuls are level now but were not before', () => {
    // 1 seat, 13 ballots. Round 1: A 5, B 4, C 3, D 1: D is excluded and its ballot goes to C.
    // Round 2: B 4, C 4 tie lowest; in round 1 C had fewer (3), so C is excluded.
    const result = meekStv.count(election(1, [ballot(5, A), ballot(4, B), ballot(3, C), ballot(1, D, C)]))
    expect(result.tieBreaks).toEqual([
      { round: 2, between: [B, C], chosen: C, by: 'earlier-rounds', purpose: 'exclude' },
    ])
    expect(result.rounds[1]?.excluded).toEqual([C])
  })
})

describe('meek: a published example', () => {
  it('elects the same three as the food election of Wikipedia\'s "Single transferable vote" article', () => {
    // Source: https://en.wikipedia.org/wiki/Single_transferable_vote#Example (counted there with a
    // fixed Droop quota of 6: Chocolate, Oranges, Strawberries). Meek's quota is 20 / 4 = 5, so
    // once Chocolate keeps 5/12 of each vote, Strawberries has 1 + 8 × 7/12 = 5.666667 and is
    // elected before Oranges, who reaches 6 when Pears (2) is excluded.
    const [Oranges, Pears, Chocolate, Strawberries, Sweets] = [0, 1, 2, 3, 4]
    const result = meekStv.count({
      candidates: ['Oranges', 'Pears', 'Chocolate', 'Strawberries', 'Sweets'],
      withdrawn: [],
      seats: 3,
      tieBreakSeed: 'food',
      ballots: [
        ballot(4, Oranges, Pears),
        ballot(2, Pears, Oranges),
        ballot(8, Chocolate, Strawberries),
        ballot(4, Chocolate, Sweets),
        ballot(1, Strawberries),
        ballot(1, Sweets),
      ],
    })
    expect(result.elected).toEqual([Chocolate, Strawberries, Oranges])
    expect(result.rounds[1]?.votes).toEqual([4, 2, 5, 5.666667, 3.333333])
    expect(result.rounds[2]?.excluded).toEqual([Pears])
  })
})
