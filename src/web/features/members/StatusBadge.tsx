import type { MemberStatus } from '../../api/types.ts'

const LABELS: Record<MemberStatus, string> = {
  applicant: 'Applicant',
  candidate: 'Candidate',
  full: 'Full member',
  suspended: 'Suspended',
  left: 'Left',
}

/** A member's status as a coloured word (the colour only repeats the word). */
export function StatusBadge({ status }: { readonly status: MemberStatus }) {
  return <span className={`badge status-${status}`}>{LABELS[status]}</span>
}

/** The word for a status (history rows may hold any string). */
export function statusLabel(status: string): string {
  return status in LABELS ? LABELS[status as MemberStatus] : status
}
