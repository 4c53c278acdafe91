import type { TreeNode } from './create-tree.ts'
import type { SeededRandom } from './random.ts'

/** How a demo region is shaped: its districts, its number of units and the mix of unit kinds. */
interface RegionPlan {
  readonly key: string
  readonly name: string
  readonly districts: readonly string[]
  readonly units: number
  readonly kinds: readonly (readonly [string, number])[]
  /** Border regions (окраины): backward, partly illiterate units, few trained workers. */
  readonly border: boolean
}

const INDUSTRIAL: RegionPlan['kinds'] = [
  ['factory', 5],
  ['office', 2],
  ['school', 1],
  ['army', 1],
  ['village', 2],
]
const RURAL: RegionPlan['kinds'] = [
  ['village', 6],
  ['factory', 1],
  ['office', 1],
  ['army', 1],
  ['school', 1],
]

/**
 * The regions of the 1923 demo. Yekaterinoslav stands for the report's Ukrainian organisation
 * of 130 units ("of 130 unit secretaries, 80 were appointed"); the last three are the border
 * regions whose reports run late.
 */
export const DEMO_REGIONS: readonly RegionPlan[] = [
  {
    key: 'moscow',
    name: 'Moscow Gubernia Committee',
    districts: [
      'Krasnaya Presnya',
      'Zamoskvorechye',
      'Sokolniki',
      'Khamovniki',
      'Baumansky',
      'Rogozhsko-Simonovsky',
    ],
    units: 260,
    kinds: INDUSTRIAL,
    border: false,
  },
  {
    key: 'petrograd',
    name: 'Petrograd Gubernia Committee',
    districts: ['Vyborg', 'Narva', 'Vasileostrovsky', 'Moscow-Narva', 'Petrogradsky'],
    units: 210,
    kinds: INDUSTRIAL,
    border: false,
  },
  {
    key: 'ivanovo',
    name: 'Ivanovo-Voznesensk Gubernia Committee',
    districts: ['Ivanovo', 'Shuya', 'Kineshma', 'Vichuga'],
    units: 120,
    kinds: INDUSTRIAL,
    border: false,
  },
  {
    key: 'nizhny',
    name: 'Nizhny Novgorod Gubernia Committee',
    districts: ['Kanavino', 'Sormovo', 'Arzamas', 'Balakhna'],
    units: 110,
    kinds: INDUSTRIAL,
    border: false,
  },
  {
    key: 'yekaterinoslav',
    name: 'Yekaterinoslav Gubernia Committee',
    districts: ['Yekaterinoslav', 'Kamenskoye', 'Novomoskovsk', 'Pavlograd', 'Verkhnedneprovsk'],
    units: 130,
    kinds: RURAL,
    border: false,
  },
  {
    key: 'turkestan',
    name: 'Turkestan Regional Committee',
    districts: ['Tashkent', 'Samarkand', 'Fergana'],
    units: 70,
    kinds: RURAL,
    border: true,
  },
  {
    key: 'transcaucasia',
    name: 'Transcaucasian Regional Committee',
    districts: ['Tiflis', 'Baku', 'Erivan'],
    units: 80,
    kinds: RURAL,
    border: true,
  },
  {
    key: 'siberia',
    name: 'Siberian Regional Bureau',
    districts: ['Novonikolaevsk', 'Omsk', 'Irkutsk', 'Krasnoyarsk'],
    units: 90,
    kinds: RURAL,
    border: true,
  },
]

const FACTORIES = [
  'Trekhgornaya Manufaktura',
  'Dynamo Works',
  'Putilov Works',
  'Red Sormovo',
  'Krasny Treugolnik',
  'Hammer and Sickle Works',
  'AMO Works',
  'Bolshevik Works',
  'Red October Mill',
  'Petrovsky Works',
  'Nobel Oil Works',
  'Textile Mill',
]

function unitName(kind: string, random: SeededRandom, serial: number, district: string): string {
  switch (kind) {
    case 'factory':
      return `${random.pick(FACTORIES)} No. ${serial} unit`
    case 'village':
      return `Village unit ${district}-${serial}`
    case 'army':
      return `Rifle Regiment ${serial} unit`
    case 'office':
      return `${district} Soviet office unit ${serial}`
    default:
      return `School ${serial} unit`
  }
}

/** The demo tree: central committee, eight regions, their districts and units, in parent order. */
export function demoTree(random: SeededRandom): TreeNode[] {
  const nodes: TreeNode[] = [
    { key: 'central', parentKey: null, level: 'central', kind: null, name: 'Central Committee' },
  ]
  for (const region of DEMO_REGIONS) {
    nodes.push({ key: region.key, parentKey: 'central', level: 'region', kind: null, name: region.name })
    region.districts.forEach((district, index) => {
      nodes.push({
        key: `${region.key}/${index}`,
        parentKey: region.key,
        level: 'district',
        kind: null,
        name: `${district} District Committee`,
      })
    })
    for (let serial = 1; serial <= region.units; serial++) {
      const districtIndex = (serial - 1) % region.districts.length
      const kind = random.weighted(region.kinds)
      nodes.push({
        key: `${region.key}/${districtIndex}/${serial}`,
        parentKey: `${region.key}/${districtIndex}`,
        level: 'unit',
        kind,
        name: unitName(kind, random, serial, region.districts[districtIndex] ?? ''),
      })
    }
  }
  return nodes
}
