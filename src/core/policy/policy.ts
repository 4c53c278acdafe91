import type { Grant, Principal, Role } from '../accounts/principal.ts'

/**
 * Declarative authorisation, kept apart from the use cases (like Outline's server/policies).
 * Every role is granted on a body and reaches that body's subtree: a target is in scope when its
 * materialised path starts with the grant's body path. Nothing outside a grant's scope is ever
 * allowed; the API answers 403 FORBIDDEN for an existing id out of scope and 404 only for ids that
 * do not exist at all (existence of an id is not treated as secret: ids are sequential anyway).
 */
export type Target =
  | { readonly kind: 'body'; readonly path: string }
  | { readonly kind: 'member'; readonly id: number; readonly unitPath: string }

export type BodyAction =
  /** See a body's details (name, level, kind, status). */
  | 'body.read'
  /** Walk the tree below a body: children and subtree listings. */
  | 'body.readTree'
  /** Create children, rename, move, dissolve. */
  | 'body.manage'
  | 'members.read'
  | 'members.manage'
  | 'members.import'
  | 'members.export'
  | 'contacts.read'
  | 'contacts.manage'
  /** Grant roles on the body (and create accounts for its members). */
  | 'accounts.manage'
  /** Read the event log of the body's subtree (the activity feed). */
  | 'events.read'
  /** See the sealing status of the whole log and verify it: checked on the root body only. */
  | 'log.verify'
  /** Read the charter (versions, rules in force): any signed-in principal, wherever their grant. */
  | 'charter.read'
  /** Adopt a charter version: checked on the root body, so only an admin granted there. */
  | 'charter.adopt'
  /**
   * Record who holds the body's posts: elected mandates and their ends. For appointments it is
   * checked on the APPOINTING body (a body fills the posts below it). Who holds a post is public
   * to anyone who may read the body (`body.read`).
   */
  | 'mandates.manage'
  /**
   * Call and cancel the body's elections, and record any nomination in them. Reading an election
   * is `body.read` (its members and the officers over it).
   */
  | 'elections.manage'
  /**
   * Put questions to the body, open and close its discussions and votes, decide urgently, ratify,
   * enter records of past decisions, set tasks, and hold its meetings. Taking part in a discussion
   * (commenting, signing, supporting, voting) is not a role: it belongs to the members in scope.
   */
  | 'deliberation.manage'
  /** Hide a comment for conduct (never delete it): the officers over the body. */
  | 'deliberation.moderate'
  /** Read what moderators hid, with its reason and who hid it. */
  | 'deliberation.audit'
  /**
   * Read the audit of the body's subtree (findings, roll-ups, trends): every signed-in account,
   * for every body. The audit is every member's tool ("visible to everyone"): findings carry no
   * member names and no words of questions, by design. The one exception is findings about a
   * member (a pending application: a member id, category and date, personal data about
   * membership): those are LISTED only to whoever may `members.read` the finding's body (see
   * `grantPathsFor`), and only counted for everyone else.
   */
  | 'audit.read'

export type MemberAction =
  | 'member.read'
  | 'member.manage'
  /** Erase a member's personal fields (an erasure request): admins only, as it cannot be undone. */
  | 'member.erase'

export type Action = BodyAction | MemberAction

/** Which roles may do each body action within their subtree. */
const SUBTREE_RULES: Record<BodyAction, readonly Role[]> = {
  'body.read': ['admin', 'secretary', 'auditor'],
  'body.readTree': ['admin', 'secretary', 'auditor'],
  'body.manage': ['admin'],
  'members.read': ['admin', 'secretary'],
  'members.manage': ['admin', 'secretary'],
  'members.import': ['admin', 'secretary'],
  'members.export': ['admin', 'secretary'],
  'contacts.read': ['admin', 'secretary'],
  'contacts.manage': ['admin', 'secretary'],
  'accounts.manage': ['admin'],
  'events.read': ['admin', 'secretary', 'auditor'],
  'log.verify': ['admin'],
  // Everyone signed in reads the charter (see can()); the roles here matter only for completeness.
  'charter.read': ['admin', 'secretary', 'member'],
  'charter.adopt': ['admin'],
  'mandates.manage': ['admin', 'secretary'],
  'elections.manage': ['admin', 'secretary'],
  'deliberation.manage': ['admin', 'secretary'],
  'deliberation.moderate': ['admin', 'secretary'],
  'deliberation.audit': ['admin', 'auditor'],
  // Everyone signed in reads every body's audit (see can()); the roles here are for completeness.
  'audit.read': ['admin', 'secretary', 'auditor', 'member'],
}

const MEMBER_RULES: Record<MemberAction, readonly Role[]> = {
  'member.read': ['admin', 'secretary'],
  'member.manage': ['admin', 'secretary'],
  'member.erase': ['admin'],
}

function isMemberAction(action: Action): action is MemberAction {
  return action in MEMBER_RULES
}

function covers(grant: Grant, path: string): boolean {
  return path.startsWith(grant.bodyPath)
}

function anyGrant(principal: Principal, roles: readonly Role[], path: string): boolean {
  return principal.grants.some((grant) => roles.includes(grant.role) && covers(grant, path))
}

/** Whether a body lies on the path from the root to one of the member's own bodies. */
function onOwnPath(principal: Principal, path: string): boolean {
  const own = principal.grants.filter((g) => g.role === 'member').map((g) => g.bodyPath)
  if (principal.memberUnitPath) own.push(principal.memberUnitPath)
  return own.some((ownPath) => ownPath.startsWith(path))
}

/** Whether the principal may do `action` on `target`. */
export function can(principal: Principal | null, action: Action, target: Target): boolean {
  if (!principal) return false
  if (target.kind === 'member') {
    if (!isMemberAction(action)) return false
    if (action === 'member.read' && principal.memberId === target.id) return true
    return anyGrant(principal, MEMBER_RULES[action], target.unitPath)
  }
  if (isMemberAction(action)) return false
  // The rulebook binds every member, so every signed-in member may read it.
  if (action === 'charter.read') return true
  // The audit shows how the rules are kept everywhere, to everyone: no names, no question's words.
  if (action === 'audit.read') return true
  if (action === 'body.read' && onOwnPath(principal, target.path)) return true
  return anyGrant(principal, SUBTREE_RULES[action], target.path)
}

/**
 * The body paths under which the principal may do a subtree action by a role grant (the own-path
 * exception of body.read and the everyone rules aside): for SQL filters that must hold the same
 * rule as can(), e.g. which findings about members an audit lists to this reader.
 */
export function grantPathsFor(principal: Principal, action: BodyAction): string[] {
  const roles = SUBTREE_RULES[action]
  return principal.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.bodyPath)
}

/** Whether the principal may see a body's name only (secretaries see their body's ancestors so). */
export function canSeeName(principal: Principal | null, target: { readonly path: string }): boolean {
  if (!principal) return false
  if (can(principal, 'body.read', { kind: 'body', path: target.path })) return true
  return principal.grants.some((grant) => grant.bodyPath.startsWith(target.path))
}

/** What the caller may do with a body, carried in responses so clients show only what works. */
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

/** What the caller may do with a member record. */
export interface MemberPermissions {
  readonly canRead: boolean
  readonly canManage: boolean
}

/** Booleans for every action on a target (the Outline "policies in the response" habit). */
export function permissionsFor(
  principal: Principal | null,
  target: Target & { kind: 'body' },
): BodyPermissions
export function permissionsFor(
  principal: Principal | null,
  target: Target & { kind: 'member' },
): MemberPermissions
export function permissionsFor(
  principal: Principal | null,
  target: Target,
): BodyPermissions | MemberPermissions {
  if (target.kind === 'member') {
    return {
      canRead: can(principal, 'member.read', target),
      canManage: can(principal, 'member.manage', target),
    }
  }
  return {
    canRead: can(principal, 'body.read', target),
    canReadTree: can(principal, 'body.readTree', target),
    canManage: can(principal, 'body.manage', target),
    canReadMembers: can(principal, 'members.read', target),
    canManageMembers: can(principal, 'members.manage', target),
    canImport: can(principal, 'members.import', target),
    canExport: can(principal, 'members.export', target),
    canManageAccounts: can(principal, 'accounts.manage', target),
  }
}
