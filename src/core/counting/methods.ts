import { approval } from './approval.ts'
import { block } from './block.ts'
import type { CountingMethod, CountingMethodId } from './counting-method.ts'
import { meekStv } from './meek.ts'
import { plurality } from './plurality.ts'
import { schulze } from './schulze.ts'
import { scottishStv } from './scottish-stv.ts'

/** Every counting method by its id: what elections and `charter count --method` look up. */
export const countingMethods: Record<CountingMethodId, CountingMethod> = {
  plurality,
  block,
  approval,
  'scottish-stv': scottishStv,
  meek: meekStv,
  schulze,
}
