import type { CountingMethod } from './counting-method.ts'
import { countByMarks } from './mark-count.ts'

/**
 * Block voting (plurality for several seats): each ballot's first `seats` marks that are not
 * withdrawn count one each; marks beyond that are ignored, as a paper that votes for more
 * candidates than seats would have them struck. The top `seats` are elected.
 */
export const block: CountingMethod = {
  id: 'block',
  label: 'Block voting (multi-seat plurality)',
  ballotKind: 'marks',
  count: (input) =>
    countByMarks(
      input,
      'block',
      input.seats,
      `Each ballot's first ${input.seats} mark(s) count one vote each; further marks are ignored.`,
    ),
}
