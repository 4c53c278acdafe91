import { getBody } from '../orgs/get-body.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import type { TreeNode } from './create-tree.ts'
import {
  type DemoDiscussion,
  type DemoUnitBusiness,
  openThesesDiscussion,
  openUnitBusiness,
} from './demo-deliberation-discussion.ts'
import {
  type DemoConfidential,
  type DemoPastRecords,
  type DemoUrgentDecision,
  decideFerganaUnits,
  decideWinterFuel,
  recordPastPractice,
} from './demo-deliberation-exceptions.ts'
import type { DeliberationScene } from './demo-deliberation-steps.ts'
import { moveTo } from './demo-deliberation-steps.ts'
import { carryOutWorksDecision, type DemoTasksStory } from './demo-deliberation-tasks.ts'
import type { SeededRandom } from './random.ts'

/** What the demo's deliberation stories made, by id: printed at first start and read by the tests. */
export interface DemoDeliberationSummary {
  /** The Moscow Gubernia Committee's theses, open for discussion on the report's day. */
  readonly discussion: DemoDiscussion
  /** A 1922 discussion past its maximum, and a 1923 major decision taken without discussion. */
  readonly pastRecords: DemoPastRecords
  /** A district committee's urgent decision awaiting ratification. */
  readonly urgent: DemoUrgentDecision
  /** A border region's military question, kept to its audience until declassified. */
  readonly confidential: DemoConfidential
  /** A factory unit's decision with one task done and two overdue. */
  readonly tasks: DemoTasksStory
  /** The demo member's unit: an initiative collecting signatures and next week's meeting. */
  readonly unit: DemoUnitBusiness | null
}

export interface DemoDeliberationInput {
  readonly nodes: readonly TreeNode[]
  /** Body ids by tree key, as createTree returned them. */
  readonly ids: ReadonlyMap<string, number>
  /** The accounts that act for the bodies (the secretariat and the two secretaries). */
  readonly accounts: DeliberationScene['accounts']
  /** The demo member, whose unit and district get their part of the story (null in a tiny demo). */
  readonly member: { readonly memberId: number; readonly unitId: number } | null
}

/**
 * The demo's deliberation (issue 5's stories), replayed through the deliberation use cases in the
 * caller's transaction on a hand-moved clock, as the elections are: each story on its own dates
 * from 1922 to the report's day, the secretaries' accounts acting for their bodies and members
 * acting for themselves, and every scheduled job that falls due before the present run by the
 * scheduler's handlers. Seeded: the same seed draws the same speakers, signers and voters.
 */
export async function createDemoDeliberation(
  ctx: UseCaseContext,
  random: SeededRandom,
  input: DemoDeliberationInput,
): Promise<DemoDeliberationSummary> {
  const present = ctx.clock.now()
  const clock = new ManualClock(present)
  const scene: DeliberationScene = {
    ctx: { ...ctx, clock },
    clock,
    random,
    nodes: input.nodes,
    accounts: input.accounts,
    bodyId: (key) => {
      const id = input.ids.get(key)
      if (id === undefined) throw new Error(`the demo tree has no body "${key}"`)
      return id
    },
  }
  const member = input.member
  const memberDistrict = member ? (await getBody(ctx.db, member.unitId)).parent_id : null
  // Roughly in the order of their dates, from September 1923 on; the records are entered last.
  const tasks = await carryOutWorksDecision(scene)
  const confidential = await decideFerganaUnits(scene)
  const discussion = await openThesesDiscussion(scene, member?.memberId ?? null)
  const urgent = await decideWinterFuel(scene, memberDistrict ?? scene.bodyId('moscow/2'))
  const unit = member ? await openUnitBusiness(scene, member) : null
  const pastRecords = await recordPastPractice(scene)
  // Whatever fell due by the report's day (the overdue tasks' checks) has run, as on a live server.
  await moveTo(scene, present)
  return { discussion, pastRecords, urgent, confidential, tasks, unit }
}
