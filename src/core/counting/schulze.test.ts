import { describe, expect, it } from 'vitest'
import { describeCountingContract } from './counting-contract.ts'
import type { CountInput, WeightedBallot } from './counting-method.ts'
import { schulze } from './schulze.ts'

describeCountingContract(schulze)

const [A, B, C, D, E] = [0, 1, 2, 3, 4]
const ballot = (weight: number, ...preferences: number[]): WeightedBallot => ({ weight, preferences })
const counted = (ballots: WeightedBallot[], candidates: string[], seats = 1): CountInput => ({
  candidates,
  withdrawn: [],
  seats,
  ballots,
  tieBreakSeed: 'schulze',
})

/**
 * Wikipedia, "Schulze method", section "Example" (45 voters, 5 candidates): the pairwise matrix d,
 * the strongest paths p, and the ranking E > A > C > B > D.
 */
const wikipedia = (seats = 1) =>
  counted(
    [
      ballot(5, A, C, B, E, D),
      ballot(5, A, D, E, C, B),
      ballot(8, B, E, D, A, C),
      ballot(3, C, A, B, E, D),
      ballot(7, C, A, E, B, D),
      ballot(2, C, B, A, D, E),
      ballot(7, D, C, E, B, A),
      ballot(8, E, B, A, D, C),
    ],
    ['A', 'B', 'C', 'D', 'E'],
    seats,
  )

describe('schulze', () => {
  it('reproduces the Wikipedia example: pairwise counts, strongest paths, ranking E > A > C > B > D', () => {
    const result = schulze.count(wikipedia())
    expect(result.pairwise?.preferences).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ])
    expect(result.pairwise?.strengths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ])
    expect(result.ranking).toEqual([[E], [A], [C], [B], [D]])
    expect(result.elected).toEqual([E])
    expect(result.tieBreaks).toEqual([])
    expect(result.rounds[0]?.votes).toEqual([10, 8, 12, 7, 8])
  })

  it('for several seats elects the top of the ranking in order', () => {
    expect(schulze.count(wikipedia(3)).elected).toEqual([E, A, C])
  })

  it('elects the Condorcet winner of the Tennessee example: Nashville > Chattanooga > Knoxville > Memphis', () => {
    const [M, N, Ch, K] = [0, 1, 2, 3]
    const result = schulze.count(
      counted(
        [ballot(42, M, N, Ch, K), ballot(26, N, Ch, K, M), ballot(15, Ch, K, N, M), ballot(17, K, Ch, N, M)],
        ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
      ),
    )
    expect(result.ranking).toEqual([[N], [Ch], [K], [M]])
    expect(result.elected).toEqual([N])
  })

  it('ranks the candidates a ballot lists above those it leaves out, and is indifferent among those', () => {
    const result = schulze.count(counted([ballot(3, A), ballot(2, B, C)], ['A', 'B', 'C']))
    expect(result.pairwise?.preferences).toEqual([
      [0, 3, 3],
      [2, 0, 2],
      [2, 0, 0],
    ])
    expect(result.ranking).toEqual([[A], [B], [C]])
  })

  it('strikes withdrawn candidates before counting and leaves them out of the ranking', () => {
    const result = schulze.count({ ...wikipedia(), withdrawn: [E] })
    expect(result.ranking?.flat().sort()).toEqual([A, B, C, D])
    expect(result.elected).not.toContain(E)
    expect(result.pairwise?.preferences[E]).toEqual([0, 0, 0, 0, 0])
  })

  it('settles a perfect cycle by the recorded lot and leaves the places it does not decide tied', () => {
    const result = schulze.count(
      counted([ballot(1, A, B, C), ballot(1, B, C, A), ballot(1, C, A, B)], ['A', 'B', 'C']),
    )
    const winner = result.elected[0] as number
    expect(result.tieBreaks).toEqual([
      { round: 1, between: [A, B, C], chosen: winner, by: 'lot', purpose: 'elect' },
    ])
    expect(result.ranking).toEqual([[winner], [A, B, C].filter((c) => c !== winner)])
  })

  it('never elects a candidate no ballot lists, but still ranks them last', () => {
    const result = schulze.count(counted([ballot(4, A)], ['A', 'B', 'C'], 2))
    expect(result.elected).toEqual([A])
    expect(result.ranking).toEqual([[A], [B, C]])
    expect(result.tieBreaks).toEqual([])
  })

  it('counts all-exhausted ballots as exhausted and elects nobody', () => {
    const result = schulze.count({ ...counted([ballot(3, A), ballot(2)], ['A', 'B']), withdrawn: [A] })
    expect(result.elected).toEqual([])
    expect(result.rounds[0]?.exhausted).toBe(5)
    expect(result.ranking).toEqual([[B]])
  })
})
