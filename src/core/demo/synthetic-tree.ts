import type { TreeNode } from './create-tree.ts'
import type { SeededRandom } from './random.ts'

/** Five levels, the reference shape: 2,000,000 members in 100,000 units over 5 levels. */
export const SYNTHETIC_LEVELS = ['central', 'region', 'area', 'district', 'unit'] as const

const UNITS_PER_DISTRICT = 20
const DISTRICTS_PER_AREA = 50
const AREAS_PER_REGION = 10
const KINDS: readonly (readonly [string, number])[] = [
  ['factory', 3],
  ['village', 4],
  ['office', 2],
  ['school', 1],
  ['army', 1],
]

/**
 * A synthetic tree with `units` base organisations: 20 units a district, 50 districts an area,
 * 10 areas a region (100,000 units → 10 regions, 100 areas, 5,000 districts).
 */
export function syntheticTree(random: SeededRandom, units: number): TreeNode[] {
  const districts = Math.max(1, Math.ceil(units / UNITS_PER_DISTRICT))
  const areas = Math.max(1, Math.ceil(districts / DISTRICTS_PER_AREA))
  const regions = Math.max(1, Math.ceil(areas / AREAS_PER_REGION))
  const nodes: TreeNode[] = [
    { key: 'c', parentKey: null, level: 'central', kind: null, name: 'Central Committee' },
  ]
  for (let r = 0; r < regions; r++) {
    nodes.push({ key: `r${r}`, parentKey: 'c', level: 'region', kind: null, name: `Region ${r + 1}` })
  }
  for (let a = 0; a < areas; a++) {
    nodes.push({
      key: `a${a}`,
      parentKey: `r${a % regions}`,
      level: 'area',
      kind: null,
      name: `Area ${a + 1}`,
    })
  }
  for (let d = 0; d < districts; d++) {
    nodes.push({
      key: `d${d}`,
      parentKey: `a${d % areas}`,
      level: 'district',
      kind: null,
      name: `District ${d + 1}`,
    })
  }
  for (let u = 0; u < units; u++) {
    const kind = random.weighted(KINDS)
    nodes.push({
      key: `u${u}`,
      parentKey: `d${u % districts}`,
      level: 'unit',
      kind,
      name: `Unit ${u + 1} (${kind})`,
    })
  }
  return nodes
}
