import type { CountingMethod } from './counting-method.ts'
import { countByMarks } from './mark-count.ts'

/**
 * Plurality (first past the post): each ballot's first preference that is not withdrawn counts
 * one. Meant for one seat; with more seats it elects the top `seats` by first preferences (the
 * single non-transferable vote), which is what a plurality ballot for several seats means.
 */
export const plurality: CountingMethod = {
  id: 'plurality',
  label: 'Plurality (first past the post)',
  ballotKind: 'marks',
  count: (input) => countByMarks(input, 'plurality', 1, "Each ballot's first mark counts one vote."),
}
