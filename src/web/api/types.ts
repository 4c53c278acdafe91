/** Response shapes of the Charter API, as the web app reads them (see src/api/routes). */

export type Role = 'member' | 'secretary' | 'admin' | 'auditor'

export interface Grant {
  readonly role: Role
  readonly bodyId: number
  readonly bodyPath: string
  readonly bodyName: string
}

export interface Principal {
  readonly accountId: number
  readonly displayName: string
  readonly memberId: number | null
  readonly grants: readonly Grant[]
}

export interface Organisation {
  readonly name: string | null
  readonly levels: readonly string[]
  /** The organisation's current instant, on its own clock (the demo lives in 1923). */
  readonly now: string
  /** The organisation's calendar date, 'YYYY-MM-DD'. */
  readonly today: string
  readonly rootBodyId: number | null
}

export interface Body {
  readonly id: number
  readonly parentId: number | null
  readonly path: string
  readonly depth: number
  readonly level: string
  readonly kind: string | null
  readonly name: string
  readonly regionId: number | null
  readonly status: 'active' | 'dissolved'
  readonly createdAt: string
  readonly dissolvedAt: string | null
}

export interface BodyPermissions {
  readonly canRead: boolean
  readonly canReadTree: boolean
  readonly canManage: boolean
  readonly canReadMembers: boolean
  readonly canManageMembers: boolean
  readonly canImport: boolean
  readonly canExport: boolean
  readonly canManageAccounts: boolean
}

/** An ancestor as a name on the way down. */
export interface BodyRef {
  readonly id: number
  readonly name: string
  readonly level: string
  readonly path: string
}

/** GET /bodies/:id. */
export interface BodyDescription {
  readonly body: Body
  readonly level: { readonly name: string; readonly index: number; readonly isUnit: boolean }
  /** Root first. */
  readonly ancestors: readonly BodyRef[]
  readonly childCount: number
  readonly memberCount: number | null
  readonly permissions: BodyPermissions
}

export type BodyChild = Body & {
  readonly memberCount: number | null
  readonly childCount: number | null
}

export type MemberStatus = 'applicant' | 'candidate' | 'full' | 'suspended' | 'left'
export type MemberCategory = 'worker' | 'peasant' | 'employee' | 'other'

export const MEMBER_STATUSES: readonly MemberStatus[] = [
  'applicant',
  'candidate',
  'full',
  'suspended',
  'left',
]
export const MEMBER_CATEGORIES: readonly MemberCategory[] = ['worker', 'peasant', 'employee', 'other']

export interface Member {
  readonly id: number
  readonly unitId: number
  readonly regionId: number
  readonly fullName: string
  readonly card: string | null
  readonly email: string | null
  readonly phone: string | null
  readonly joinedOn: string
  readonly category: MemberCategory
  readonly status: MemberStatus
  readonly statusSince: string
  readonly fullMemberSince: string | null
  readonly fieldsOfWork: readonly string[]
}

/** A member in a list (GET /bodies/:id/members), with their unit's name so a wide list needs no lookups. */
export type MemberListItem = Member & { readonly unitName: string }

export interface MemberPage {
  readonly items: readonly MemberListItem[]
  readonly nextCursor: string | null
}

export interface MemberStatusChange {
  readonly from: string
  readonly to: string
  readonly onDate: string
  readonly reason: string | null
  readonly eventId: number
}

export interface MemberTransfer {
  readonly fromUnitId: number
  readonly toUnitId: number
  readonly onDate: string
  readonly eventId: number
}

export interface MemberDetail {
  readonly member: Member
  readonly statusHistory: readonly MemberStatusChange[]
  readonly transfers: readonly MemberTransfer[]
  /** The name of the member's unit. */
  readonly unitName: string
  /** The statuses the charter allows next (the server's rules, so the web keeps no copy). */
  readonly allowedStatuses: readonly MemberStatus[]
  readonly permissions: { readonly canRead: boolean; readonly canManage: boolean }
}

/** A new body as POST /bodies takes it. */
export interface NewBody {
  readonly parentId: number
  readonly name: string
  readonly level?: string
  readonly kind?: string
}

/** POST /bodies/:id/move. */
export interface MoveResult {
  readonly body: Body
  readonly bodiesMoved: number
  readonly membersMoved: number
  readonly contactsMoved: number
}

/** POST /bodies/:id/dissolve. */
export interface DissolveResult {
  readonly bodiesDissolved: number
  readonly membersTransferred: number
  readonly eventId: number
}

/** POST /bodies/:id/members/import (201). */
export interface ImportResult {
  readonly count: number
  readonly firstMemberId: number | null
  readonly lastMemberId: number | null
  readonly eventId: number
}

/** One rejected CSV row in IMPORT_REJECTED details: line (header = 1), column (null: whole row), why. */
export interface ImportRowError {
  readonly row: number
  readonly column: string | null
  readonly reason: string
}
