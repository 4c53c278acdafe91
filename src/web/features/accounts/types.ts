import type { Role } from '../../api/types.ts'

/** One role grant in GET /bodies/:id/access. */
export interface AccessGrant {
  readonly grantId: number
  readonly accountId: number
  readonly displayName: string
  readonly email: string
  readonly disabled: boolean
  readonly role: Role
  readonly bodyId: number
  readonly bodyName: string
  readonly bodyPath: string
  readonly grantedAt: string
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Admin',
  secretary: 'Secretary',
  member: 'Member',
  auditor: 'Auditor',
}

/** What each role may do, in a line, for the role select's hint. */
export const ROLE_HINT =
  'Admins shape the tree and grant roles; secretaries keep member records; members see their own unit; auditors read everything and change nothing.'

/** API field names as the forms label them. */
export const ACCESS_FIELD_LABELS: Readonly<Record<string, string>> = {
  email: 'E-mail',
  displayName: 'Name',
  password: 'Initial password',
  role: 'Role',
  currentPassword: 'Current password',
  newPassword: 'New password',
}
