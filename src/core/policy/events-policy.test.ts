import { describe, expect, it } from 'vitest'
import type { Principal } from '../accounts/principal.ts'
import { can } from './policy.ts'

function principal(grants: Principal['grants']): Principal {
  return { accountId: 1, displayName: 'x', memberId: null, memberUnitPath: null, grants }
}

const root = { kind: 'body', path: '/1/' } as const
const regionA = { kind: 'body', path: '/1/2/' } as const
const unitA = { kind: 'body', path: '/1/2/5/9/' } as const
const regionB = { kind: 'body', path: '/1/3/' } as const

describe('policy of the event log', () => {
  it('lets admins and secretaries read the events of their subtree only', () => {
    const secretary = principal([{ role: 'secretary', bodyId: 2, bodyPath: '/1/2/' }])
    expect(can(secretary, 'events.read', regionA)).toBe(true)
    expect(can(secretary, 'events.read', unitA)).toBe(true)
    expect(can(secretary, 'events.read', regionB)).toBe(false)
    expect(can(secretary, 'events.read', root)).toBe(false)
    const admin = principal([{ role: 'admin', bodyId: 1, bodyPath: '/1/' }])
    expect(can(admin, 'events.read', regionB)).toBe(true)
  })

  it('keeps the events from members, even on their own path', () => {
    const member = principal([{ role: 'member', bodyId: 9, bodyPath: '/1/2/5/9/' }])
    expect(can(member, 'events.read', unitA)).toBe(false)
    expect(can(member, 'events.read', root)).toBe(false)
  })

  it('lets only an admin granted on the root verify the whole log', () => {
    const rootAdmin = principal([{ role: 'admin', bodyId: 1, bodyPath: '/1/' }])
    const regionAdmin = principal([{ role: 'admin', bodyId: 2, bodyPath: '/1/2/' }])
    const rootSecretary = principal([{ role: 'secretary', bodyId: 1, bodyPath: '/1/' }])
    expect(can(rootAdmin, 'log.verify', root)).toBe(true)
    expect(can(regionAdmin, 'log.verify', root)).toBe(false)
    expect(can(rootSecretary, 'log.verify', root)).toBe(false)
    expect(can(null, 'log.verify', root)).toBe(false)
  })
})
