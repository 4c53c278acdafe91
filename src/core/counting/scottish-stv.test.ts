import { describe, expect, it } from 'vitest'
import { describeCountingContract } from './counting-contract.ts'
import type { CountInput, WeightedBallot } from './counting-method.ts'
import { scottishStv } from './scottish-stv.ts'

describeCountingContract(scottishStv)

const ballot = (weight: number, ...preferences: number[]): WeightedBallot => ({ weight, preferences })
const election = (candidates: string[], seats: number, ballots: WeightedBallot[]): CountInput => ({
  candidates,
  withdrawn: [],
  seats,
  ballots,
  tieBreakSeed: 'scottish-test',
})

describe('scottish-stv: a count checked by hand', () => {
  const [A, B, C, D, E, F] = [0, 1, 2, 3, 4, 5]
  // 32 valid papers, 2 seats: quota = floor(32 / 3) + 1 = 11 (rule 46).
  // Stage 1: A 13, B 6, C 5, D 4, E 3, F 1. A is elected with a surplus of 2.
  // Stage 2: transfer value 2 × 1 / 13 = 0.153846… truncated to 0.15384 (rule 48(3)): the ten
  //   A>B papers give B 1.5384, the three A>C papers give C 0.46152; 0.00008 is lost to truncation.
  // Stage 3: no surplus left; F (1) is excluded and its paper goes to E: D 4, E 4.
  // Stage 4: D and E tie lowest. At the most recent earlier stage where they differed (stage 2,
  //   D 4, E 3) E had fewer, so E is excluded (rule 51(2)(a)): three E>B papers give B 3, and the
  //   F>E paper has no continuing preference left: 1 exhausted. B 10.5384.
  // Stage 5: D (4) is excluded; four D>C papers give C 4: C 9.46152.
  // Stage 6: C (9.46152) is excluded; its papers go nowhere. B is the only continuing candidate
  //   for the one seat left and is elected (rule 52). Exhausted: 32 − 11 − 10.5384 = 10.4616.
  const input = election(['A', 'B', 'C', 'D', 'E', 'F'], 2, [
    ballot(10, A, B),
    ballot(3, A, C),
    ballot(6, B),
    ballot(5, C),
    ballot(4, D, C),
    ballot(3, E, B),
    ballot(1, F, E),
  ])
  const result = scottishStv.count(input)

  it('elects A then B', () => {
    expect(result.elected).toEqual([A, B])
    expect(result.rounds).toHaveLength(6)
    expect(result.rounds.map((r) => r.quota)).toEqual([11, 11, 11, 11, 11, 11])
  })

  it('transfers the surplus at a value truncated to five decimal places', () => {
    const stage2 = result.rounds[1]
    expect(stage2?.transfers).toEqual([
      {
        from: A,
        kind: 'surplus',
        value: 0.15384,
        to: [
          { candidate: B, votes: 1.5384 },
          { candidate: C, votes: 0.46152 },
        ],
        exhausted: 0,
      },
    ])
    expect(stage2?.votes).toEqual([11, 7.5384, 5.46152, 4, 3, 1])
    expect(stage2?.exhausted).toBeCloseTo(0.00008, 10)
  })

  it('breaks the tie for exclusion by the most recent earlier stage where the votes differed', () => {
    expect(result.rounds[2]?.excluded).toEqual([F])
    expect(result.rounds[2]?.votes.slice(D, F)).toEqual([4, 4])
    expect(result.rounds[3]?.excluded).toEqual([E])
    expect(result.tieBreaks).toEqual([
      { round: 4, between: [D, E], chosen: E, by: 'earlier-rounds', purpose: 'exclude' },
    ])
    expect(result.rounds[3]?.votes).toEqual([11, 10.5384, 5.46152, 4, 0, 0])
    expect(result.rounds[3]?.exhausted).toBeCloseTo(1.00008, 10)
  })

  it('moves excluded papers at the value they arrived with, and fills the last seat (rule 52)', () => {
    const stage6 = result.rounds[5]
    expect(stage6?.excluded).toEqual([C])
    expect(stage6?.transfers.map((t) => [t.value, t.exhausted])).toEqual([
      [1, 9],
      [0.15384, 0.46152],
    ])
    expect(stage6?.elected).toEqual([B])
    expect(stage6?.note).toMatch(/rule 52/)
    expect(stage6?.exhausted).toBeCloseTo(10.4616, 10)
  })
})

describe('scottish-stv: equal surpluses', () => {
  const [A, B, C, D, E, F] = [0, 1, 2, 3, 4, 5]
  // 46 papers, 4 seats: quota floor(46 / 5) + 1 = 10. Stage 1: A 20, C 8, B 6, D 5, E 4, F 3.
  // Stage 2: A's surplus 10 at 10/20 = 0.5: B +6, C +4, so B and C both have 12 and are elected,
  //   each with a surplus of 2. At stage 1 C had more (8 against 6), so C's goes first (rule 49(2)).
  // Stage 3: C holds 8 papers at 1 and 8 at 0.5 (12 votes). New values 2 × 1 / 12 = 0.16666 and
  //   2 × 0.5 / 12 = 0.08333 (truncated, not rounded): D +1.33328, E +0.66664.
  // Stage 4: B's surplus: its 6 first-preference papers have no next preference (0.99996
  //   non-transferable); its 12 papers from A go on to F at 0.08333: F +0.99996.
  const input = election(['A', 'B', 'C', 'D', 'E', 'F'], 4, [
    ballot(12, A, B, F),
    ballot(8, A, C, E),
    ballot(6, B),
    ballot(8, C, D),
    ballot(5, D),
    ballot(4, E),
    ballot(3, F),
  ])
  const result = scottishStv.count(input)

  it('transfers the surplus of the candidate ahead at the earlier stage first, and records why', () => {
    expect(result.rounds[1]?.elected).toEqual([B, C])
    expect(result.rounds[2]?.transfers.map((t) => [t.from, t.value])).toEqual([
      [C, 0.16666],
      [C, 0.08333],
    ])
    expect(result.rounds[2]?.votes.slice(D)).toEqual([6.33328, 4.66664, 3])
    expect(result.rounds[3]?.transfers.map((t) => [t.from, t.value, t.exhausted])).toEqual([
      [B, 0.16666, 0.99996],
      [B, 0.08333, 0],
    ])
    expect(result.rounds[3]?.votes[F]).toBe(3.99996)
    expect(result.tieBreaks).toEqual([
      {
        round: 3,
        between: [B, C],
        chosen: C,
        by: 'earlier-rounds',
        purpose: 'elect',
        detail: 'order of surplus transfers',
      },
    ])
  })

  it('then excludes F and E and elects D to the last seat', () => {
    expect(result.rounds.slice(4).map((r) => r.excluded)).toEqual([[F], [E]])
    expect(result.elected).toEqual([A, B, C, D])
  })
})

describe('scottish-stv: the quota is fixed for the whole count', () => {
  it('elects D, not B, when most of the surplus is non-transferable (Meek elects B: see meek.test.ts)', () => {
    const [A, B, C, D] = [0, 1, 2, 3]
    // 36 papers, 2 seats: quota 13. A 26 elected; surplus 13 at 0.5: B gets 17 × 0.5 = 8.5 and
    // nine A-only papers drop 4.5. C (0) then B (8.5) are excluded; D (10) is left for the seat.
    const result = scottishStv.count(
      election(['A', 'B', 'C', 'D'], 2, [ballot(9, A), ballot(17, A, B), ballot(9, D, B), ballot(1, D, C)]),
    )
    expect(result.elected).toEqual([A, D])
    expect(result.rounds[1]?.exhausted).toBe(4.5)
  })
})

describe('scottish-stv: a published example', () => {
  it('reproduces the food election of Wikipedia\'s "Single transferable vote" article (Example section)', () => {
    // Source: https://en.wikipedia.org/wiki/Single_transferable_vote#Example (mirrored at
    // https://www.liquisearch.com/single_transferable_vote/example). 20 guests, 3 seats, Droop
    // quota 6. Chocolate (12) is elected; its surplus of 6 goes half to Strawberries (+4) and
    // Sweets (+2); Pears (2) is excluded and Oranges reaches 6; Sweets (3) is excluded and
    // Strawberries (5) takes the last seat. "The winners are Chocolate, Oranges and Strawberries."
    const [Oranges, Pears, Chocolate, Strawberries, Sweets] = [0, 1, 2, 3, 4]
    const result = scottishStv.count({
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
    expect(result.elected).toEqual([Chocolate, Oranges, Strawberries])
    expect(result.rounds.map((r) => r.votes)).toEqual([
      [4, 2, 12, 1, 1],
      [4, 2, 6, 5, 3],
      [6, 0, 6, 5, 3],
      [6, 0, 6, 5, 0],
    ])
    expect(result.rounds.map((r) => r.excluded)).toEqual([[], [], [Pears], [Sweets]])
    expect(result.tieBreaks).toEqual([])
  })
})
