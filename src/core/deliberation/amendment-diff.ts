import { diffWordsWithSpace } from 'diff'

/** One run of an amendment's diff against the proposal. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed'
  readonly text: string
}

/**
 * Beyond this many word-level edits the texts are rewrites rather than amendments, and the diff's
 * cost (quadratic in the edits) buys nothing a reader can use: the diff is then the whole proposal
 * removed and the whole amendment added. An amendment touching a few hundred words of a
 * 20,000-character proposal stays detailed (about 25 ms); the worst case, two unrelated texts of
 * that length, gives up after about 70 ms instead of taking 4 seconds.
 */
const MAX_EDITS = 1_000

/**
 * The amendment as word-level changes to the proposal. Whitespace is kept as its own token, so the
 * `same` and `removed` parts rebuild the proposal exactly and `same` and `added` the amendment (a
 * paragraph break the amendment adds or removes shows too).
 */
export function amendmentDiff(proposal: string, amended: string): DiffPart[] {
  const changes = diffWordsWithSpace(proposal, amended, { maxEditLength: MAX_EDITS })
  if (!changes) {
    return [
      { kind: 'removed', text: proposal },
      { kind: 'added', text: amended },
    ]
  }
  return changes
    .filter((change) => change.value.length > 0)
    .map((change) => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      text: change.value,
    }))
}
