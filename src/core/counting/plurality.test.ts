import { describe, expect, it } from 'vitest'
import { describeCountingContract } from './counting-contract.ts'
import type { CountInput } from './counting-method.ts'
import { plurality } from './plurality.ts'

describeCountingContract(plurality)

/**
 * The Tennessee capital example (Wikipedia, "Condorcet method" and "Plurality voting"): with 42 %
 * Memphis, 26 % Nashville, 15 % Chattanooga and 17 % Knoxville, plurality elects Memphis.
 */
const [M, N, C, K] = [0, 1, 2, 3]
const tennessee = (seats: number): CountInput => ({
  candidates: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
  withdrawn: [],
  seats,
  tieBreakSeed: 'tn',
  ballots: [
    { weight: 42, preferences: [M, N, C, K] },
    { weight: 26, preferences: [N, C, K, M] },
    { weight: 15, preferences: [C, K, N, M] },
    { weight: 17, preferences: [K, C, N, M] },
  ],
})

describe('plurality', () => {
  it('elects Memphis in the Tennessee example, counting first preferences only', () => {
    const result = plurality.count(tennessee(1))
    expect(result.elected).toEqual([M])
    expect(result.rounds).toHaveLength(1)
    expect(result.rounds[0]?.votes).toEqual([42, 26, 15, 17])
    expect(result.rounds[0]?.quota).toBeNull()
    expect(result.tieBreaks).toEqual([])
  })

  it('with several seats elects the top first-preference scores in order', () => {
    expect(plurality.count(tennessee(2)).elected).toEqual([M, N])
  })

  it('skips withdrawn marks so the next mark counts, and counts ballots with none as exhausted', () => {
    const input = { ...tennessee(1), withdrawn: [M] }
    const round = plurality.count({ ...input, ballots: [...input.ballots, { weight: 3, preferences: [M] }] })
      .rounds[0]
    expect(round?.votes).toEqual([0, 68, 15, 17])
    expect(round?.exhausted).toBe(3)
  })

  it('leaves a seat empty rather than electing someone with no votes', () => {
    const result = plurality.count({ ...tennessee(3), ballots: [{ weight: 5, preferences: [K] }] })
    expect(result.elected).toEqual([K])
    expect(result.rounds[0]?.note).toMatch(/2 seat\(s\) stay empty/)
  })

  it('records a lot draw for each tied place it settles, the order of election included', () => {
    const input: CountInput = {
      candidates: ['A', 'B', 'C'],
      withdrawn: [],
      seats: 2,
      tieBreakSeed: 'x',
      ballots: [0, 1, 2].map((c) => ({ weight: 4, preferences: [c] })),
    }
    const result = plurality.count(input)
    expect(result.elected).toHaveLength(2)
    expect(result.tieBreaks).toEqual([
      { round: 1, between: [0, 1, 2], chosen: result.elected[0], by: 'lot', purpose: 'elect' },
      expect.objectContaining({ chosen: result.elected[1], by: 'lot', purpose: 'elect' }),
    ])
  })
})
