import type { CharterVersion } from '../charter/charter-in-force.ts'
import { electionRuleFor } from '../charter/charter-rules.ts'
import { monthsBefore } from '../shared/clock.ts'
import type { TreeNode } from './create-tree.ts'
import { DEMO_REGIONS } from './demo-tree.ts'
import { REPORT_DATE } from './member-seeds.ts'
import type { SeededRandom } from './random.ts'

/**
 * Which secretary posts the demo fills, when, and how: the report's picture of 1923. Pure, so the
 * shape of the story (80 of 130 appointed, which of them past their expiry) reads in one place;
 * create-demo-mandates.ts chooses the holders and records the mandates.
 */

/** The report's region: "of 130 units, 80 have secretaries who were appointed by the Gubernia Committee". */
export const REPORT_REGION = 'yekaterinoslav'
export const REPORT_REGION_APPOINTED = 80
// Of the 80: a few appointed in early 1923 under the Eleventh Congress rules, which let an
// appointment stand a year (still current on the report's day); some under the Twelfth's shorter
// limit already past their expiry on 1923-12-02 (an election is overdue); the rest still within it.
const APPOINTED_UNDER_ELEVENTH = 10
const APPOINTED_PAST_EXPIRY = 30
/** Border regions appoint a few unit secretaries too, claiming no member had the standing. */
const BORDER_APPOINTED_SHARE = 0.08

/** The last day a unit secretary is elected in the demo: a week before the report. */
const LAST_START = '1923-11-25'

/** One post to fill: in which body, from when, by election or by appointment, and from which pool. */
export interface PlannedMandate {
  readonly bodyKey: string
  readonly post: string
  readonly startsOn: string
  /** The node key whose members may hold the post (the body itself, or regions for the centre). */
  readonly poolKeys: readonly string[]
  readonly appointment: { readonly byKey: string; readonly justification: string } | null
  /**
   * Elected in a Charter election the demo replays (the report region's electing units), rather
   * than recorded as elected outside Charter: the holder is whoever the count elects.
   */
  readonly heldInCharter: boolean
}

/** The demo's charter versions, to find the rules a date falls under. */
export function versionOn(versions: readonly CharterVersion[], date: string): CharterVersion {
  const inForce = versions
    .filter((version) => version.effectiveFrom <= date)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]
  if (!inForce) throw new Error(`the demo has no charter version in force on ${date}`)
  return inForce
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

/**
 * The three windows of the report region's appointments: under the Eleventh Congress rules, then
 * under the Twelfth's limit either already past the justification's expiry on the report's day or
 * not yet. Read from the versions, so a change of `maxMonths` in default.yaml moves the windows.
 */
export function appointmentWindows(
  versions: readonly CharterVersion[],
  justification: string,
): { eleventh: [string, string]; pastExpiry: [string, string]; current: [string, string] } {
  const twelfth = versionOn(versions, REPORT_DATE)
  const rule = electionRuleFor(twelfth.document, 'unit-secretary')
  const allowed = rule?.appointment?.justifications.find((j) => j.id === justification)
  if (!allowed) throw new Error(`the charter in force on ${REPORT_DATE} does not allow "${justification}"`)
  // Started on or after this day, the appointment still runs on the report's day.
  const firstCurrent = monthsBefore(REPORT_DATE, allowed.maxMonths)
  const pastExpiryFrom = twelfth.effectiveFrom
  if (pastExpiryFrom >= firstCurrent)
    throw new Error(`appointments under ${twelfth.name} cannot have expired by ${REPORT_DATE}`)
  return {
    eleventh: ['1923-01-15', dayBefore(twelfth.effectiveFrom)],
    pastExpiry: [pastExpiryFrom, dayBefore(firstCurrent)],
    current: [firstCurrent, LAST_START],
  }
}

/**
 * Plans every secretary of the demo: the Central Committee's secretariat, elected at the plenum
 * after the Twelfth Congress; region secretaries elected at the winter conferences before it;
 * district secretaries in the spring; unit secretaries through 1923, elected except in the report
 * region (80 appointed by the region committee, "no literate candidate") and a few units of the
 * border regions (appointed by their district committee, "no eligible candidate"); the report
 * region's other 50 are marked `heldInCharter`, for elections the demo replays.
 * `fewestEligible` orders a border region's units, the thinnest first.
 */
export function planDemoMandates(
  random: SeededRandom,
  nodes: readonly TreeNode[],
  versions: readonly CharterVersion[],
  fewestEligible: (unitKeys: readonly string[]) => string[],
): PlannedMandate[] {
  const central = nodes.find((node) => node.parentKey === null)
  if (!central) throw new Error('the demo tree has no root')
  const secretaries = versionOn(versions, REPORT_DATE).document.rules.posts.find(
    (post) => post.post === 'central-secretary',
  )
  // The plenum of 26 April 1923, the day after the Twelfth Congress closed, elected the secretariat.
  const plan: PlannedMandate[] = Array.from({ length: secretaries?.seats ?? 1 }, () => ({
    bodyKey: central.key,
    post: 'central-secretary',
    startsOn: '1923-04-26',
    poolKeys: ['moscow', 'petrograd'],
    appointment: null,
    heldInCharter: false,
  }))
  const elected = (bodyKey: string, post: string, from: string, to: string): PlannedMandate => ({
    bodyKey,
    post,
    startsOn: random.dateBetween(from, to),
    poolKeys: [bodyKey],
    appointment: null,
    heldInCharter: false,
  })
  for (const region of DEMO_REGIONS) {
    plan.push(elected(region.key, 'region-secretary', '1923-01-10', '1923-03-31'))
    const districts = nodes.filter((node) => node.parentKey === region.key)
    for (const district of districts) {
      plan.push(elected(district.key, 'district-secretary', '1923-02-01', '1923-06-30'))
    }
    const units = nodes.filter((node) => node.level === 'unit' && node.key.startsWith(`${region.key}/`))
    const appointed = new Map<string, PlannedMandate>()
    if (region.key === REPORT_REGION) {
      // Village units first: "there were no literate people in the units".
      const order = [
        ...random.shuffled(units.filter((unit) => unit.kind === 'village')),
        ...random.shuffled(units.filter((unit) => unit.kind !== 'village')),
      ].slice(0, REPORT_REGION_APPOINTED)
      const windows = appointmentWindows(versions, 'no-literate-candidate')
      order.forEach((unit, index) => {
        const [from, to] =
          index < APPOINTED_UNDER_ELEVENTH
            ? windows.eleventh
            : index < APPOINTED_UNDER_ELEVENTH + APPOINTED_PAST_EXPIRY
              ? windows.pastExpiry
              : windows.current
        appointed.set(unit.key, {
          bodyKey: unit.key,
          post: 'unit-secretary',
          startsOn: random.dateBetween(from, to),
          poolKeys: [unit.key],
          appointment: { byKey: region.key, justification: 'no-literate-candidate' },
          heldInCharter: false,
        })
      })
    } else if (region.border) {
      const count = Math.round(units.length * BORDER_APPOINTED_SHARE)
      const thinnest = fewestEligible(random.shuffled(units).map((unit) => unit.key))
      for (const key of thinnest.slice(0, count)) {
        const unit = units.find((node) => node.key === key) as TreeNode
        appointed.set(key, {
          bodyKey: key,
          post: 'unit-secretary',
          startsOn: random.dateBetween(versionOn(versions, REPORT_DATE).effectiveFrom, LAST_START),
          poolKeys: [key],
          appointment: { byKey: unit.parentKey as string, justification: 'no-eligible-candidate' },
          heldInCharter: false,
        })
      }
    }
    // The report region's other 50 units held real elections, which the demo replays in Charter.
    const inCharter = region.key === REPORT_REGION
    for (const unit of units) {
      const planned = appointed.get(unit.key) ?? {
        ...elected(unit.key, 'unit-secretary', '1923-01-08', LAST_START),
        heldInCharter: inCharter,
      }
      plan.push(planned)
    }
  }
  return plan
}
