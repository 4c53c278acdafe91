import { personName } from './names.ts'
import type { SeededRandom } from './random.ts'

type Category = 'worker' | 'peasant' | 'employee' | 'other'
type Status = 'applicant' | 'candidate' | 'full' | 'suspended' | 'left'

/** A member to load, as the bulk loader takes it. */
export interface MemberSeed {
  readonly card: string
  readonly fullName: string
  readonly email: string | null
  readonly phone: string | null
  readonly unitId: number
  readonly joinedOn: string
  readonly category: Category
  readonly status: Status
  readonly statusSince: string
  readonly fullMemberSince: string | null
  readonly fieldsOfWork: readonly string[]
}

/** Where a member is placed and what the place suggests about them. */
export interface SeedPlace {
  readonly unitId: number
  readonly unitKind: string
  readonly rural: boolean
}

/** The day the report was delivered; the demo's present. */
export const REPORT_DATE = '1923-12-02'

// Candidate probation by category, in months, as in the 1922 rules the report builds on.
const PROBATION_MONTHS: Record<Category, number> = { worker: 6, peasant: 12, employee: 24, other: 24 }

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, d))
  return target.toISOString().slice(0, 10)
}

function category(random: SeededRandom, place: SeedPlace): Category {
  if (place.unitKind === 'village')
    return random.weighted([
      ['peasant', 75],
      ['worker', 8],
      ['employee', 12],
      ['other', 5],
    ])
  if (place.unitKind === 'factory')
    return random.weighted([
      ['worker', 85],
      ['employee', 12],
      ['other', 3],
    ])
  if (place.unitKind === 'office' || place.unitKind === 'school')
    return random.weighted([
      ['employee', 70],
      ['worker', 20],
      ['other', 10],
    ])
  return random.weighted(
    place.rural
      ? [
          ['peasant', 60],
          ['worker', 25],
          ['other', 15],
        ]
      : [
          ['worker', 55],
          ['peasant', 35],
          ['other', 10],
        ],
  )
}

function fieldsOfWork(random: SeededRandom, place: SeedPlace): string[] {
  if (place.unitKind === 'army') return ['military']
  const roll = random.next()
  if (roll < 0.6) return []
  if (roll < 0.75) return ['party']
  if (roll < 0.88) return [place.unitKind === 'factory' ? 'trade-union' : 'economic']
  return ['party', random.pick(['economic', 'trade-union'])]
}

/**
 * One plausible member of 1923: standing skewed to the civil-war intake, a pre-October minority,
 * candidates still on probation by their category's length, a few suspended or gone.
 */
export function memberSeed(
  random: SeededRandom,
  place: SeedPlace,
  serial: number,
  shiftYears = 0,
): MemberSeed {
  const today = REPORT_DATE
  const memberCategory = category(random, place)
  const preOctoberWeight = place.rural ? 3 : 9
  const joinedOn = random.weighted([
    [() => random.dateBetween('1898-03-01', '1917-11-06'), preOctoberWeight],
    [() => random.dateBetween('1917-11-07', '1919-12-31'), 25],
    [() => random.dateBetween('1920-01-01', '1921-12-31'), 34],
    [() => random.dateBetween('1922-01-01', '1923-11-25'), 30],
  ])()
  let status: Status
  let statusSince: string
  let fullMemberSince: string | null = null
  const fullFrom = addMonths(joinedOn, PROBATION_MONTHS[memberCategory])
  if (joinedOn >= '1923-05-01' && random.next() < 0.08) {
    status = 'applicant'
    statusSince = joinedOn
  } else if (fullFrom > today) {
    status = 'candidate'
    statusSince = joinedOn
  } else {
    fullMemberSince = fullFrom
    const roll = random.next()
    status = roll < 0.02 ? 'left' : roll < 0.027 ? 'suspended' : 'full'
    statusSince =
      status === 'full'
        ? fullFrom
        : random.dateBetween(fullFrom > '1923-01-01' ? fullFrom : '1923-01-01', today)
  }
  const shift = (date: string) =>
    shiftYears === 0 ? date : `${Number(date.slice(0, 4)) + shiftYears}${date.slice(4)}`
  return {
    card: `C${String(serial).padStart(8, '0')}`,
    fullName: personName(random),
    email: null,
    phone: null,
    unitId: place.unitId,
    joinedOn: shift(joinedOn),
    category: memberCategory,
    status,
    statusSince: shift(statusSince),
    fullMemberSince: fullMemberSince === null ? null : shift(fullMemberSince),
    fieldsOfWork: fieldsOfWork(random, place),
  }
}

/**
 * Shares `total` members among places by weight (factories larger than village units), exactly,
 * and yields them lazily so millions never sit in memory at once. `shiftYears` moves every date,
 * so a synthetic organisation of today reuses the 1923 shape a century later (keep it a multiple
 * of 4, so that Feb 29 stays a real date).
 */
export function* distributeMembers(
  random: SeededRandom,
  places: readonly SeedPlace[],
  total: number,
  shiftYears = 0,
): Generator<MemberSeed> {
  const sizeWeight: Record<string, number> = { factory: 3, army: 2, office: 1.2, school: 0.6, village: 0.8 }
  const weights = places.map((place) => (sizeWeight[place.unitKind] ?? 1) * (0.5 + random.next()))
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  const counts = weights.map((weight) => Math.floor((weight / weightSum) * total))
  let remainder = total - counts.reduce((sum, count) => sum + count, 0)
  for (let index = 0; remainder > 0; index = (index + 1) % counts.length, remainder--) {
    counts[index] = (counts[index] ?? 0) + 1
  }
  let serial = 1
  for (const [index, place] of places.entries()) {
    for (let n = 0; n < (counts[index] ?? 0); n++) yield memberSeed(random, place, serial++, shiftYears)
  }
}
