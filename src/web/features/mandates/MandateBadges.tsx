import { HOW_LABELS } from './mandate-labels.ts'
import type { MandateHow } from './types.ts'

/** Elected or Appointed, as a badge (the colour only repeats the word). */
export function HowBadge({ how }: { readonly how: MandateHow }) {
  return <span className={`badge how-${how}`}>{HOW_LABELS[how]}</span>
}

/** A member's first mandate: a new active worker promoted from the ranks. */
export function PromotedTag() {
  return (
    <span className="tag promoted" title="This is the member's first mandate">
      Promoted from the ranks
    </span>
  )
}
