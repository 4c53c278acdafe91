import type { EndReason, MandateHow } from './types.ts'

/** Field names of the mandate routes as the forms label them (for per-field error messages). */
export const MANDATE_FIELD_LABELS: Readonly<Record<string, string>> = {
  memberId: 'Member id',
  post: 'Post',
  appointedByBodyId: 'Appointed by',
  justification: 'Justification',
  startsOn: 'Starts on',
  electionId: 'Election',
  reason: 'Reason',
  onDate: 'On date',
}

/** How a mandate was obtained, as its badge reads. */
export const HOW_LABELS: Readonly<Record<MandateHow, string>> = {
  elected: 'Elected',
  appointed: 'Appointed',
}

/** Why a mandate ended, in words. */
export const END_REASON_LABELS: Readonly<Record<EndReason, string>> = {
  'term-ended': 'Term ended',
  resigned: 'Resigned',
  recalled: 'Recalled',
  replaced: 'Replaced by an elected holder',
}
