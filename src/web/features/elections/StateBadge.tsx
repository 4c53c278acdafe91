import { type ElectionState, STATE_LABELS } from './election-format.ts'

/** An election's state as a coloured badge (the colour repeats the word, never replaces it). */
export function StateBadge({ state }: { readonly state: ElectionState }) {
  return <span className={`badge election-${state}`}>{STATE_LABELS[state]}</span>
}
