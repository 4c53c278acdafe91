import { describe, expect, it } from 'vitest'
import { approval } from './approval.ts'
import { describeCountingContract } from './counting-contract.ts'
import type { CountInput } from './counting-method.ts'

describeCountingContract(approval)

/**
 * The Tennessee capital example (Wikipedia, "Condorcet method"), cast as approval ballots where
 * voters approve the cities near their own: Memphis voters only Memphis, Knoxville voters their
 * city and Chattanooga, the others the three eastern cities. Chattanooga and Knoxville then tie.
 */
const [M, N, C, K] = [0, 1, 2, 3]
const input = (seats: number): CountInput => ({
  candidates: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
  withdrawn: [],
  seats,
  tieBreakSeed: 'tn',
  ballots: [
    { weight: 42, preferences: [M] },
    { weight: 26, preferences: [N, C, K] },
    { weight: 15, preferences: [C, K, N] },
    { weight: 17, preferences: [K, C] },
  ],
})

describe('approval', () => {
  it('counts every mark once and elects the most approved', () => {
    const result = approval.count(input(1))
    expect(result.rounds[0]?.votes).toEqual([42, 41, 58, 58])
    expect(result.elected).toHaveLength(1)
    // Chattanooga and Knoxville tie on 58: the lot decides and is recorded.
    expect(result.tieBreaks).toEqual([
      { round: 1, between: [C, K], chosen: result.elected[0], by: 'lot', purpose: 'elect' },
    ])
  })

  it('elects the top `seats`, ties among the elected ordered by the recorded lot', () => {
    const result = approval.count(input(3))
    expect([...result.elected].slice(0, 2).sort()).toEqual([C, K])
    expect(result.elected[2]).toBe(M)
    expect(result.tieBreaks).toHaveLength(1)
  })

  it('ignores marks for withdrawn candidates', () => {
    const result = approval.count({ ...input(1), withdrawn: [K] })
    expect(result.rounds[0]?.votes).toEqual([42, 41, 58, 0])
    expect(result.elected).toEqual([C])
    expect(result.tieBreaks).toEqual([])
  })
})
