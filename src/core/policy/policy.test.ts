import { describe, expect, it } from 'vitest'
import type { Principal } from '../accounts/principal.ts'
import { can, canSeeName, permissionsFor } from './policy.ts'

function principal(
  grants: Principal['grants'],
  memberId: number | null = null,
  memberUnitPath: string | null = null,
) {
  return { accountId: 1, displayName: 'x', memberId, memberUnitPath, grants }
}

const regionA = { kind: 'body', path: '/1/2/' } as const
const unitA = { kind: 'body', path: '/1/2/5/9/' } as const
const regionB = { kind: 'body', path: '/1/3/' } as const
const root = { kind: 'body', path: '/1/' } as const
// '/1/2/' must not cover '/1/23/': the trailing slash makes prefixes exact.
const region23 = { kind: 'body', path: '/1/23/' } as const

describe('policy', () => {
  it('scopes a secretary to its subtree', () => {
    const secretary = principal([{ role: 'secretary', bodyId: 2, bodyPath: '/1/2/' }])
    expect(can(secretary, 'members.manage', unitA)).toBe(true)
    expect(can(secretary, 'body.readTree', regionA)).toBe(true)
    expect(can(secretary, 'body.manage', regionA)).toBe(false)
    expect(can(secretary, 'members.read', regionB)).toBe(false)
    expect(can(secretary, 'body.read', region23)).toBe(false)
    expect(can(secretary, 'body.read', root)).toBe(false)
    expect(canSeeName(secretary, root)).toBe(true)
    expect(canSeeName(secretary, regionB)).toBe(false)
    expect(can(secretary, 'member.manage', { kind: 'member', id: 7, unitPath: '/1/3/6/8/' })).toBe(false)
  })

  it('lets an admin do everything within its subtree', () => {
    const admin = principal([{ role: 'admin', bodyId: 1, bodyPath: '/1/' }])
    expect(permissionsFor(admin, regionB)).toEqual({
      canRead: true,
      canReadTree: true,
      canManage: true,
      canReadMembers: true,
      canManageMembers: true,
      canImport: true,
      canExport: true,
      canManageAccounts: true,
    })
  })

  it('lets a member read its own record and the bodies on its path', () => {
    const member = principal([{ role: 'member', bodyId: 9, bodyPath: '/1/2/5/9/' }], 42, '/1/2/5/9/')
    expect(can(member, 'member.read', { kind: 'member', id: 42, unitPath: '/1/2/5/9/' })).toBe(true)
    expect(can(member, 'member.manage', { kind: 'member', id: 42, unitPath: '/1/2/5/9/' })).toBe(false)
    expect(can(member, 'member.read', { kind: 'member', id: 43, unitPath: '/1/2/5/9/' })).toBe(false)
    expect(can(member, 'body.read', root)).toBe(true)
    expect(can(member, 'body.read', unitA)).toBe(true)
    expect(can(member, 'body.readTree', unitA)).toBe(false)
    expect(can(member, 'body.read', regionB)).toBe(false)
    expect(can(null, 'body.read', root)).toBe(false)
  })

  it('lets only admins whose subtree holds the member erase personal data', () => {
    const inA = { kind: 'member', id: 42, unitPath: '/1/2/5/9/' } as const
    const inB = { kind: 'member', id: 43, unitPath: '/1/3/6/8/' } as const
    const adminA = principal([{ role: 'admin', bodyId: 2, bodyPath: '/1/2/' }])
    const secretaryA = principal([{ role: 'secretary', bodyId: 2, bodyPath: '/1/2/' }])
    const self = principal([{ role: 'member', bodyId: 9, bodyPath: '/1/2/5/9/' }], 42, '/1/2/5/9/')
    expect(can(adminA, 'member.erase', inA)).toBe(true)
    expect(can(adminA, 'member.erase', inB)).toBe(false)
    expect(can(secretaryA, 'member.erase', inA)).toBe(false)
    expect(can(self, 'member.erase', inA)).toBe(false)
    expect(can(adminA, 'member.erase', regionA)).toBe(false)
  })
})
