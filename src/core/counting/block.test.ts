import { describe, expect, it } from 'vitest'
import { block } from './block.ts'
import { describeCountingContract } from './counting-contract.ts'
import type { CountInput } from './counting-method.ts'
import { plurality } from './plurality.ts'

describeCountingContract(block)

/**
 * The Tennessee capital example (Wikipedia, "Condorcet method" and "Plurality voting"): with 42 %
 * Memphis, 26 % Nashville, 15 % Chattanooga and 17 % Knoxville, plurality elects Memphis; block voting
 * for two seats counts each ballot's first two marks.
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

describe('block', () => {
  it("counts each ballot's first `seats` marks, one each, and ignores the rest", () => {
    const result = block.count(tennessee(2))
    // First two marks: M+N 42, N+C 26, C+K 15, K+C 17.
    expect(result.rounds[0]?.votes).toEqual([42, 68, 58, 32])
    expect(result.elected).toEqual([N, C])
  })

  it('with one seat is plurality', () => {
    expect(block.count(tennessee(1)).elected).toEqual(plurality.count(tennessee(1)).elected)
  })

  it('a withdrawn mark does not use up one of the marks that count', () => {
    const result = block.count({ ...tennessee(2), withdrawn: [N] })
    // M+C 42, C+K 26, C+K 15, K+C 17.
    expect(result.rounds[0]?.votes).toEqual([42, 0, 100, 58])
    expect(result.elected).toEqual([C, K])
  })
})
