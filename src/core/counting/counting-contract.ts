import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors.ts'
import type { CountInput, CountingMethod, CountResult, WeightedBallot } from './counting-method.ts'

/**
 * The one contract every counting method runs (hono's router `common.case.test.ts` pattern): each
 * method's test file calls `describeCountingContract(method)` and adds its own worked examples.
 *
 * Decided for all methods: zero ballots is a VALIDATION_FAILED error (issue 4: "0 ballots (a clear
 * error)"); ballots that mark nothing, or only withdrawn candidates, are valid and exhausted.
 */
export function describeCountingContract(method: CountingMethod): void {
  const A = 0
  const B = 1
  const C = 2
  const D = 3
  const E = 4
  const names = ['Alice', 'Bruno', 'Chen', 'Dora', 'Emil']
  const ballot = (weight: number, ...preferences: number[]): WeightedBallot => ({ weight, preferences })
  const input = (ballots: WeightedBallot[], overrides: Partial<CountInput> = {}): CountInput => ({
    candidates: names,
    withdrawn: [],
    seats: 1,
    ballots,
    tieBreakSeed: 'contract',
    ...overrides,
  })
  // Every candidate has first preferences, and first preferences, approvals and pairs all differ.
  const spread = [ballot(9, A, B), ballot(7, B), ballot(5, C, D), ballot(3, D), ballot(1, E, A)]
  const tied = (seed: string) =>
    input([ballot(1, A), ballot(1, B)], { candidates: ['Alice', 'Bruno'], tieBreakSeed: seed })
  const lotDraws = (result: CountResult) => result.tieBreaks.filter((tie) => tie.by === 'lot')
  const expectInvalid = (bad: CountInput, message: RegExp) => {
    let thrown: unknown
    try {
      method.count(bad)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AppError)
    const error = thrown as AppError
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.message).toMatch(message)
    expect((error.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0)
  }

  describe(`${method.id}: counting contract`, () => {
    it('elects a unanimous winner', () => {
      const result = method.count(input([ballot(10, B)]))
      expect(result.method).toBe(method.id)
      expect(result.elected).toEqual([B])
    })

    it('elects exactly `seats` distinct candidates when enough got votes, never more', () => {
      for (const seats of [1, 2, 3, 5]) {
        const result = method.count(input(spread, { seats }))
        expect(result.seats).toBe(seats)
        expect(result.elected).toHaveLength(seats)
        expect(new Set(result.elected).size).toBe(seats)
      }
    })

    it('with more seats than candidates elects no more than there are candidates', () => {
      const result = method.count(input(spread, { seats: 7 }))
      expect(result.elected.length).toBeLessThanOrEqual(7)
      expect([...result.elected].sort()).toEqual([A, B, C, D, E])
    })

    it('a single ballot elects its only mark', () => {
      expect(method.count(input([ballot(1, D)])).elected).toEqual([D])
    })

    it('never elects a withdrawn candidate, nor gives one votes', () => {
      const result = method.count(input(spread, { seats: 2, withdrawn: [B, E] }))
      expect(result.elected).toHaveLength(2)
      expect(result.elected).not.toContain(B)
      expect(result.elected).not.toContain(E)
      for (const round of result.rounds) {
        expect(round.votes[B]).toBe(0)
        expect(round.votes[E]).toBe(0)
      }
      for (const group of result.ranking ?? []) expect(group).not.toContain(B)
    })

    it('has one vote entry per candidate in every round', () => {
      const result = method.count(input(spread, { seats: 2, withdrawn: [C] }))
      expect(result.rounds.length).toBeGreaterThan(0)
      for (const round of result.rounds) expect(round.votes).toHaveLength(names.length)
    })

    it('is deterministic: the same input and seed give the same result', () => {
      expect(method.count(input(spread, { seats: 2 }))).toEqual(method.count(input(spread, { seats: 2 })))
      expect(method.count(tied('s1'))).toEqual(method.count(tied('s1')))
    })

    it('a different seed changes nothing unless the report records a draw by lot', () => {
      for (const seats of [1, 2, 3]) {
        const first = method.count(input(spread, { seats, tieBreakSeed: 'one' }))
        const second = method.count(input(spread, { seats, tieBreakSeed: 'two' }))
        if (lotDraws(first).length === 0 && lotDraws(second).length === 0) expect(second).toEqual(first)
      }
    })

    it('breaks an exact tie by the seeded lot, records it, and either side can win', () => {
      const winners = new Set<number>()
      for (let i = 0; i < 16; i++) {
        const result = method.count(tied(`seed-${i}`))
        expect(result.elected).toHaveLength(1)
        expect(lotDraws(result).length).toBeGreaterThan(0)
        winners.add(result.elected[0] as number)
      }
      expect([...winners].sort()).toEqual([A, B])
    })

    it('counts a ballot of weight 3 as three ballots of weight 1', () => {
      const expanded = spread.flatMap((b) =>
        Array.from({ length: b.weight }, () => ballot(1, ...b.preferences)),
      )
      for (const seats of [1, 2]) {
        expect(method.count(input(expanded, { seats }))).toEqual(method.count(input(spread, { seats })))
      }
    })

    it('treats ballots marking only withdrawn candidates (or nothing) as exhausted', () => {
      const clear = [ballot(20, C, A), ballot(12, A), ballot(2, D)]
      const plain = method.count(input(clear, { withdrawn: [E] }))
      const noisy = method.count(input([...clear, ballot(4, E), ballot(1)], { withdrawn: [E] }))
      expect(noisy.elected).toEqual(plain.elected)
      expect(noisy.elected).not.toContain(E)
    })

    it('handles a count where every ballot is exhausted without electing a withdrawn candidate', () => {
      const result = method.count(input([ballot(3, A), ballot(2)], { withdrawn: [A] }))
      expect(result.elected.length).toBeLessThanOrEqual(1)
      expect(result.elected).not.toContain(A)
    })

    it('refuses zero ballots with a clear error', () => {
      expectInvalid(input([]), /no ballots/)
    })

    it('refuses bad input with VALIDATION_FAILED and says what is wrong', () => {
      expectInvalid(input(spread, { seats: 0 }), /seats must be a whole number of at least 1/)
      expectInvalid(input(spread, { seats: 1.5 }), /seats must be a whole number/)
      expectInvalid(input([ballot(1, A, 5)]), /preference 5 is not a candidate number/)
      expectInvalid(input([ballot(1, -1)]), /preference -1 is not a candidate number/)
      expectInvalid(input([ballot(1, A, B, A)]), /candidate 0 is listed twice on one ballot/)
      expectInvalid(input([ballot(0, A)]), /weight must be a whole number of at least 1/)
      expectInvalid(input([ballot(-2, A)]), /weight must be a whole number of at least 1/)
      expectInvalid(input([ballot(1.5, A)]), /weight must be a whole number of at least 1/)
      expectInvalid(input(spread, { withdrawn: [9] }), /withdrawn candidate 9 is not a candidate number/)
    })
  })
}
