import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { COUNTING_METHOD_IDS } from './counting-method.ts'
import { countingMethods } from './methods.ts'
import { breakTieByLot, drawLot, lotTicket } from './tie-break-lot.ts'

describe('the seeded lot', () => {
  it('orders by the documented SHA-256 ticket, so anyone can redo the draw', () => {
    const ticket = (c: number) => createHash('sha256').update(`pub-seed\0${3}\0${c}`).digest('hex')
    expect(lotTicket('pub-seed', 3, 7)).toBe(ticket(7))
    const expected = [2, 5, 7, 11].sort((a, b) => (ticket(a) < ticket(b) ? -1 : 1))
    expect(drawLot('pub-seed', 3, [11, 7, 5, 2])).toEqual(expected)
  })

  it('does not depend on the order the tied candidates are given in', () => {
    expect(drawLot('s', 1, [1, 2, 3, 4])).toEqual(drawLot('s', 1, [4, 3, 2, 1]))
  })

  it('changes with the seed and the round', () => {
    const orders = new Set<string>()
    for (let i = 0; i < 10; i++) orders.add(drawLot(`seed-${i}`, 1, [0, 1, 2, 3]).join())
    for (let round = 1; round <= 10; round++) orders.add(drawLot('seed', round, [0, 1, 2, 3]).join())
    expect(orders.size).toBeGreaterThan(5)
  })

  it('records who was tied, who was chosen, how and why', () => {
    const { chosen, record } = breakTieByLot('s', 2, [3, 1], 'exclude')
    expect(chosen).toBe(drawLot('s', 2, [1, 3])[0])
    expect(record).toEqual({ round: 2, between: [1, 3], chosen, by: 'lot', purpose: 'exclude' })
  })
})

describe('the method registry', () => {
  it('has every method id, each under its own id', () => {
    for (const id of COUNTING_METHOD_IDS) expect(countingMethods[id].id).toBe(id)
  })
})
