/*
 * Constants mirrored from core so the web bundle does not import core (which would pull zod and the
 * database types into the browser); member-rules.test.ts keeps each copy equal to its source.
 * The status transitions are not copied: GET /members/:id answers `allowedStatuses`.
 */

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
