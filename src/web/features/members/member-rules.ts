import type { MemberStatus } from '../../api/types.ts'

/**
 * The charter's status transitions, mirrored from src/core/members/change-member-status.ts so the
 * form offers only the moves the server accepts (member-rules.test.ts keeps the two equal; the
 * web bundle does not import core, which would pull zod and the database types into the browser).
 */
export const STATUS_TRANSITIONS: Readonly<Record<MemberStatus, readonly MemberStatus[]>> = {
  applicant: ['candidate', 'left'],
  candidate: ['full', 'left'],
  full: ['suspended', 'left'],
  suspended: ['full', 'left'],
  left: ['applicant'],
}

/** The member CSV header, mirrored from MEMBER_CSV_COLUMNS in src/core/members/member-csv.ts. */
export const MEMBER_CSV_COLUMNS = [
  'card',
  'full_name',
  'email',
  'phone',
  'unit_id',
  'joined_on',
  'category',
  'status',
  'status_since',
  'full_member_since',
  'fields_of_work',
] as const

/** The standard fields of work (src/core/members/schemas.ts); others are `custom:<name>`. */
export const FIELDS_OF_WORK = ['party', 'economic', 'trade-union', 'military'] as const

/** Field names of the member API as the forms label them (for per-field error messages). */
export const MEMBER_FIELD_LABELS: Readonly<Record<string, string>> = {
  fullName: 'Full name',
  card: 'Card',
  email: 'E-mail',
  phone: 'Phone',
  joinedOn: 'Joined on',
  category: 'Category',
  status: 'Status',
  fieldsOfWork: 'Fields of work',
  onDate: 'Date',
  reason: 'Reason',
  toUnitId: 'Unit',
  unitId: 'Unit',
}
