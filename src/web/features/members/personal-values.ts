import type { Member, MemberCategory } from '../../api/types.ts'

/** The personal fields of a member form, as the inputs hold them (empty string = none). */
export interface PersonalValues {
  readonly fullName: string
  readonly card: string
  readonly email: string
  readonly phone: string
  readonly category: MemberCategory
  readonly fieldsOfWork: readonly string[]
}

export const EMPTY_PERSONAL: PersonalValues = {
  fullName: '',
  card: '',
  email: '',
  phone: '',
  category: 'worker',
  fieldsOfWork: [],
}

/** A member's current values, to start the edit form from. */
export function personalOf(member: Member): PersonalValues {
  return {
    fullName: member.fullName,
    card: member.card ?? '',
    email: member.email ?? '',
    phone: member.phone ?? '',
    category: member.category,
    fieldsOfWork: member.fieldsOfWork,
  }
}

/** The values as the API takes them: trimmed, blanks as null (which also clears a field). */
export function personalPayload(values: PersonalValues) {
  const blankToNull = (text: string) => text.trim() || null
  return {
    fullName: values.fullName.trim(),
    card: blankToNull(values.card),
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    category: values.category,
    fieldsOfWork: [...values.fieldsOfWork],
  }
}
