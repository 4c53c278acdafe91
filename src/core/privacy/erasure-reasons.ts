/**
 * Why personal data was erased: the grounds of GDPR article 17(1), as stable codes. A code, not
 * free text, because the reason goes on the sealed log, which must never hold personal data.
 */
export const ERASURE_REASONS = [
  'member_request',
  'no_longer_needed',
  'consent_withdrawn',
  'unlawful_processing',
  'legal_obligation',
] as const

export type ErasureReason = (typeof ERASURE_REASONS)[number]

/** What erasure replaces a member's name with; ids, dates, status and unit stay. */
export const ERASED_NAME = 'Erased member'
