import type { CountingMethod } from './counting-method.ts'
import { countByMarks } from './mark-count.ts'

/** Approval voting: every mark (not withdrawn) counts one; the top `seats` are elected. */
export const approval: CountingMethod = {
  id: 'approval',
  label: 'Approval voting',
  ballotKind: 'marks',
  count: (input) =>
    countByMarks(input, 'approval', Number.POSITIVE_INFINITY, 'Every mark on a ballot counts one vote.'),
}
