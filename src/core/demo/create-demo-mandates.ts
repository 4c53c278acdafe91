import type { CharterVersion } from '../charter/charter-in-force.ts'
import { postRuleAtLevel } from '../charter/charter-rules.ts'
import { evaluateEligibility } from '../eligibility/evaluate-eligibility.ts'
import { statusOn } from '../eligibility/member-on-date.ts'
import { appointToPost } from '../mandates/appoint-to-post.ts'
import { recordElectedMandate } from '../mandates/record-elected-mandate.ts'
import type { UseCaseContext } from '../shared/context.ts'
import type { DemoUnitElection } from './create-demo-elections.ts'
import type { TreeNode } from './create-tree.ts'
import { type PlannedMandate, planDemoMandates, versionOn } from './demo-mandate-plan.ts'
import { REPORT_DATE } from './member-seeds.ts'
import type { SeededRandom } from './random.ts'

/** What the demo's mandates came to; `vacant` counts posts no member was eligible for. */
export interface DemoMandateSummary {
  readonly elected: number
  readonly appointed: number
  readonly vacant: number
}

interface Candidate {
  readonly id: number
  readonly unit_id: number
  readonly unit_path: string
  readonly joined_on: string
  readonly status: 'applicant' | 'candidate' | 'full' | 'suspended' | 'left'
  readonly full_member_since: string | null
}

interface Place {
  readonly id: number
  readonly name: string
  readonly path: string
  readonly level: string
}

/**
 * Up to `count` distinct uniformly random members that pass `accept`, in the order drawn: a
 * Fisher–Yates shuffle stopped at the last match needed, so a region's thousands of members are
 * not all checked to find a pre-October one.
 */
function drawEligible(
  random: SeededRandom,
  pool: readonly Candidate[],
  accept: (member: Candidate) => boolean,
  count = 1,
): Candidate[] {
  const order = [...pool]
  const drawn: Candidate[] = []
  for (let index = 0; index < order.length && drawn.length < count; index++) {
    const other = random.int(index, order.length - 1)
    const member = order[other] as Candidate
    order[other] = order[index] as Candidate
    order[index] = member
    if (accept(member)) drawn.push(member)
  }
  return drawn
}

/** What createDemoMandates made, and the unit elections it left for createDemoElections to hold. */
export interface DemoMandatesResult {
  readonly mandates: DemoMandateSummary
  readonly unitElections: readonly DemoUnitElection[]
}

/**
 * Fills the demo's secretary posts through the real use cases (appointToPost and
 * recordElectedMandate), so every mandate has its `mandate.elected` or `mandate.appointed` event
 * and passes the same eligibility check a secretary's appointment would. Holders are drawn at
 * random, seeded, among the members the charter in force on the start date allows: full members
 * of the body's organisation with the standing the post needs, and no member holds two posts.
 * A post `heldInCharter` gets two or three such candidates instead of a holder (all kept from
 * other posts, so whoever wins holds one), returned for createDemoElections; `elected` here
 * counts only the mandates recorded as elected outside Charter.
 */
export async function createDemoMandates(
  ctx: UseCaseContext,
  random: SeededRandom,
  nodes: readonly TreeNode[],
  ids: ReadonlyMap<string, number>,
  versions: readonly CharterVersion[],
): Promise<DemoMandatesResult> {
  // Only current full members can stand; bulk-loaded members have no status history, so their
  // status on an earlier date follows from `full_member_since` alone (see statusOn).
  const members: Candidate[] = await ctx.db
    .selectFrom('members')
    .select(['id', 'unit_id', 'unit_path', 'joined_on', 'status', 'full_member_since'])
    .where('status', '=', 'full')
    .orderBy('id')
    .execute()
  const bodies = await ctx.db.selectFrom('bodies').select(['id', 'name', 'path', 'level']).execute()
  const placeById = new Map<number, Place>(bodies.map((body) => [body.id, body]))
  const place = (key: string): Place => {
    const found = placeById.get(ids.get(key) ?? -1)
    if (!found) throw new Error(`the demo tree has no body "${key}"`)
    return found
  }
  const byUnit = new Map<number, Candidate[]>()
  for (const member of members) {
    const list = byUnit.get(member.unit_id)
    if (list) list.push(member)
    else byUnit.set(member.unit_id, [member])
  }
  // Committees draw on every unit below them: one scan of the members per committee (a few dozen).
  const membersOf = new Map<string, readonly Candidate[]>()
  const pool = (key: string): readonly Candidate[] => {
    const body = place(key)
    const ofUnit = byUnit.get(body.id)
    if (ofUnit) return ofUnit
    let cached = membersOf.get(key)
    if (!cached) {
      cached = members.filter((member) => member.unit_path.startsWith(body.path))
      membersOf.set(key, cached)
    }
    return cached
  }
  const eligible = (
    candidate: Candidate,
    planned: Pick<PlannedMandate, 'bodyKey' | 'post'>,
    date: string,
  ) => {
    const body = place(planned.bodyKey)
    const document = versionOn(versions, date).document
    const post = postRuleAtLevel(document, planned.post, body.level)
    const status = statusOn(candidate, [], date)
    // The facts loadMemberOnDate would give: no dues rows exist in the demo.
    const facts = {
      memberId: candidate.id,
      unitId: candidate.unit_id,
      unitPath: candidate.unit_path,
      joinedOn: candidate.joined_on,
      status,
      fullMemberSince: status === 'full' ? candidate.full_member_since : null,
      duesMonthsPaid: 0,
    }
    return evaluateEligibility(
      document,
      post,
      { bodyId: body.id, bodyName: body.name, bodyPath: body.path },
      facts,
      date,
    ).eligible
  }

  const fewestEligible = (unitKeys: readonly string[]): string[] => {
    const counts = new Map(
      unitKeys.map((key) => [
        key,
        pool(key).filter((member) => eligible(member, { bodyKey: key, post: 'unit-secretary' }, REPORT_DATE))
          .length,
      ]),
    )
    // Stable sort keeps the caller's shuffled order among equals; a unit with nobody eligible
    // cannot have anyone appointed either (the appointee must be eligible), so it is left out.
    return unitKeys
      .filter((key) => (counts.get(key) ?? 0) > 0)
      .sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))
  }

  const plan = planDemoMandates(random, nodes, versions, fewestEligible)
  const taken = new Set<number>()
  const unitElections: DemoUnitElection[] = []
  let elected = 0
  let appointed = 0
  let vacant = 0
  for (const planned of plan) {
    const [holder, ...others] = drawEligible(
      random,
      planned.poolKeys.flatMap((key) => pool(key)),
      (member) => !taken.has(member.id) && eligible(member, planned, planned.startsOn),
      planned.heldInCharter ? random.int(2, 3) : 1,
    )
    if (!holder) {
      vacant++
      continue
    }
    taken.add(holder.id)
    const bodyId = place(planned.bodyKey).id
    if (planned.heldInCharter) {
      for (const other of others) taken.add(other.id)
      unitElections.push({
        bodyId,
        post: planned.post,
        votingOn: planned.startsOn,
        candidateIds: [holder.id, ...others.map((other) => other.id)],
      })
      continue
    }
    if (planned.appointment) {
      await appointToPost(ctx, {
        memberId: holder.id,
        bodyId,
        post: planned.post,
        appointedByBodyId: place(planned.appointment.byKey).id,
        justification: planned.appointment.justification,
        startsOn: planned.startsOn,
      })
      appointed++
    } else {
      await recordElectedMandate(ctx, {
        memberId: holder.id,
        bodyId,
        post: planned.post,
        startsOn: planned.startsOn,
        electionId: null,
      })
      elected++
    }
  }
  return { mandates: { elected, appointed, vacant }, unitElections }
}
