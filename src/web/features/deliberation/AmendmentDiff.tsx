import type { DiffPart } from './types.ts'

/**
 * An amendment as word-level changes to the proposal: added words in <ins>, removed ones in <del>
 * (underlined and struck through, and announced as such by screen readers that support them).
 */
export function AmendmentDiff({ diff }: { readonly diff: readonly DiffPart[] }) {
  return (
    <figure className="amendment">
      <figcaption className="muted">
        The proposal as amended (added words underlined, removed struck through)
      </figcaption>
      <p className="amendment-diff">
        {diff.map((part, index) => {
          const Run = part.kind === 'added' ? 'ins' : part.kind === 'removed' ? 'del' : 'span'
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's runs have no identity and never reorder.
          return <Run key={index}>{part.text}</Run>
        })}
      </p>
    </figure>
  )
}
