import { createHash } from 'node:crypto'
import type { TieBreak } from './counting-method.ts'

/**
 * The recorded lot. A tie the method's own rules leave open is broken by ordering the tied
 * candidates by SHA-256 of `seed`, the round and the candidate's number (joined by NUL bytes),
 * smallest digest first, so anyone holding the published seed can redo the draw by hand:
 *
 *   sha256(`${seed}\0${round}\0${candidate}`) as lowercase hex, compared as strings.
 *
 * A candidate's ticket depends only on (seed, round, candidate), not on who else is tied, so two
 * draws in the same round between overlapping groups can never contradict each other. Digests
 * never collide in practice; the candidate number settles that case anyway.
 */
export function lotTicket(seed: string, round: number, candidate: number): string {
  return createHash('sha256').update(`${seed}\0${round}\0${candidate}`).digest('hex')
}

/** The tied candidates in lot order (first = drawn first) for this seed and round. */
export function drawLot(seed: string, round: number, tied: readonly number[]): number[] {
  const tickets = new Map(tied.map((candidate) => [candidate, lotTicket(seed, round, candidate)]))
  return [...tickets.keys()].sort((a, b) => {
    const ta = tickets.get(a) ?? ''
    const tb = tickets.get(b) ?? ''
    return ta < tb ? -1 : ta > tb ? 1 : a - b
  })
}

/**
 * Breaks one tie by lot and returns the chosen candidate with its record. `purpose: 'elect'` takes
 * the first in lot order; `'exclude'` takes the first too (the lot decides who goes), so one draw
 * rule serves both.
 */
export function breakTieByLot(
  seed: string,
  round: number,
  tied: readonly number[],
  purpose: TieBreak['purpose'],
): { readonly chosen: number; readonly record: TieBreak } {
  const order = drawLot(seed, round, tied)
  const chosen = order[0]
  if (chosen === undefined) throw new Error('a lot needs at least one candidate')
  const between = [...tied].sort((a, b) => a - b)
  return { chosen, record: { round, between, chosen, by: 'lot', purpose } }
}
