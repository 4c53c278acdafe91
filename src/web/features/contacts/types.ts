/** A non-member contact as GET /bodies/:id/contacts answers it. */
export interface Contact {
  readonly id: number
  readonly bodyId: number
  readonly fullName: string
  readonly email: string | null
  readonly phone: string | null
  readonly category: string | null
  readonly notes: string | null
  readonly createdAt: string
}

/** API field names as the contact form labels them. */
export const CONTACT_FIELD_LABELS: Readonly<Record<string, string>> = {
  fullName: 'Full name',
  email: 'E-mail',
  phone: 'Phone',
  category: 'Category',
  notes: 'Notes',
}
