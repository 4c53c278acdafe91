import { castDecisionVote } from '../deliberation/cast-decision-vote.ts'
import { closeDecisionVote } from '../deliberation/close-decision-vote.ts'
import { decideUrgently } from '../deliberation/decide-urgently.ts'
import { openDecisionVote } from '../deliberation/open-decision-vote.ts'
import { postComment } from '../deliberation/post-comment.ts'
import { raiseQuestion } from '../deliberation/raise-question.ts'
import { recordPastDeliberation } from '../deliberation/record-past-deliberation.ts'
import { toIsoDate } from '../shared/clock.ts'
import {
  actingAs,
  at,
  type DeliberationScene,
  draw,
  membersOn,
  moveTo,
  postHoldersOf,
  unitsOfKind,
} from './demo-deliberation-steps.ts'
import {
  FERGANA_UNITS,
  PETROGRAD_1922,
  WINTER_FUEL,
  YEKATERINOSLAV_DISTRICTS,
} from './demo-deliberation-texts.ts'

/**
 * The stories of the rules' edges: a past discussion longer than its maximum, a major question
 * decided without discussion, an urgent decision awaiting ratification, and a confidential
 * military question. Each goes through the use cases a secretary would use.
 */

/** When the secretaries entered the past practice: the day before the report. */
const RECORDED_AT = at('1923-12-01', '11:00')

/** The two records of past practice the audit has to find, by id. */
export interface DemoPastRecords {
  /** Petrograd, 1922: a discussion that ran past the Eleventh Congress's 45 days. */
  readonly overrunQuestionId: number
  /** Yekaterinoslav, September 1923: a major question decided without discussion, not as urgent. */
  readonly undiscussedDecisionId: number
}

/**
 * Enters two pieces of past practice from the committees' minutes (recordPastDeliberation, by the
 * Central Committee's and the Yekaterinoslav secretary's accounts), exactly as they happened: the
 * Petrograd committee's 1922 discussion of the factory units under NEP, open from 10 June to 20
 * September under the Eleventh Congress's limits (45 days at most), then decided; and the
 * Yekaterinoslav committee's reorganisation of its districts in September 1923, a major question
 * (organisation) decided by the bureau in two days with no discussion and no urgency claimed.
 */
export async function recordPastPractice(scene: DeliberationScene): Promise<DemoPastRecords> {
  await moveTo(scene, RECORDED_AT)
  const overrun = await recordPastDeliberation(actingAs(scene, scene.accounts.admin), {
    bodyId: scene.bodyId('petrograd'),
    title: PETROGRAD_1922.title,
    text: PETROGRAD_1922.text,
    proposal: PETROGRAD_1922.proposal,
    topic: PETROGRAD_1922.topic,
    source: PETROGRAD_1922.source,
    raisedOn: PETROGRAD_1922.raisedOn,
    discussion: PETROGRAD_1922.discussion,
    decision: { decidedOn: PETROGRAD_1922.decidedOn, outcome: 'adopted' },
  })
  await moveTo(scene, new Date(RECORDED_AT.getTime() + 20 * 60_000))
  const undiscussed = await recordPastDeliberation(actingAs(scene, scene.accounts.yekaterinoslav), {
    bodyId: scene.bodyId('yekaterinoslav'),
    title: YEKATERINOSLAV_DISTRICTS.title,
    text: YEKATERINOSLAV_DISTRICTS.text,
    proposal: YEKATERINOSLAV_DISTRICTS.proposal,
    topic: YEKATERINOSLAV_DISTRICTS.topic,
    source: YEKATERINOSLAV_DISTRICTS.source,
    raisedOn: YEKATERINOSLAV_DISTRICTS.raisedOn,
    discussion: null,
    decision: { decidedOn: YEKATERINOSLAV_DISTRICTS.decidedOn, outcome: 'adopted' },
  })
  if (!undiscussed.decision) throw new Error('the demo’s Yekaterinoslav record has no decision')
  return { overrunQuestionId: overrun.question.id, undiscussedDecisionId: undiscussed.decision.id }
}

/** The urgent decision still awaiting its body's ratification on the report's day. */
export interface DemoUrgentDecision {
  readonly decisionId: number
  readonly questionId: number
  readonly bodyId: number
  readonly title: string
  readonly ratifyBy: string
}

/**
 * A district committee's urgent decision on winter fuel: raised on 28 November (a major question,
 * economic policy, so its discussion opens), decided at once the next morning with a written
 * justification, and due for ratification within the charter's 14 days, which runs past the
 * report's day. The committee is the demo member's district committee, so they can see it listed.
 */
export async function decideWinterFuel(
  scene: DeliberationScene,
  districtId: number,
): Promise<DemoUrgentDecision> {
  const acting = actingAs(scene, scene.accounts.moscow)
  await moveTo(scene, at('1923-11-28', '17:00'))
  const question = await raiseQuestion(acting, {
    bodyId: districtId,
    title: WINTER_FUEL.title,
    text: WINTER_FUEL.text,
    proposal: WINTER_FUEL.proposal,
    topic: WINTER_FUEL.topic,
    origin: 'body',
  })
  await moveTo(scene, at('1923-11-29', '09:30'))
  const decision = await decideUrgently(acting, {
    questionId: question.id,
    justification: WINTER_FUEL.justification,
    outcome: 'adopted',
  })
  return {
    decisionId: decision.id,
    questionId: question.id,
    bodyId: districtId,
    title: question.title,
    ratifyBy: decision.ratify_by ?? '',
  }
}

/** The confidential military question: who may read it, who decided it, and until when it stays closed. */
export interface DemoConfidential {
  readonly questionId: number
  readonly bodyId: number
  readonly audienceMemberIds: readonly number[]
  /** The committee's post holders in the audience, who voted: the body decides, the others only read. */
  readonly voterIds: readonly number[]
  readonly declassifyOn: string
}

const FERGANA_DECLASSIFY_ON = '1924-06-01'

/**
 * The Turkestan Regional Committee's military question (the regiments' party units before the
 * move against the Basmachi), confidential under the charter's rule for military secrets: its
 * audience is the committee (its post holders, the region secretary among them) and two members
 * of the region's army units, it is declassified on 1 June 1924, and it is discussed by its
 * audience (one of the regiments' comrades comments) and decided a week on by the committee's
 * vote: "decided by the body alone and shown to those named", so the two from the regiments read
 * and speak but do not vote. Members outside the audience see only that a confidential question
 * exists, its date and body.
 */
export async function decideFerganaUnits(scene: DeliberationScene): Promise<DemoConfidential> {
  const bodyId = scene.bodyId('turkestan')
  const raisedAt = at('1923-11-12', '11:00')
  const today = toIsoDate(raisedAt)
  const committee = await postHoldersOf(scene.ctx, bodyId, today)
  const regimentIds = unitsOfKind(scene, 'turkestan', 'army')
  let pool: { id: number }[] = []
  for (const unitId of regimentIds) pool.push(...(await membersOn(scene.ctx, unitId, today, ['full'])))
  if (pool.length < 2) pool = await membersOn(scene.ctx, bodyId, today, ['full'])
  const commissars = draw(
    scene.random,
    pool.filter((member) => !committee.includes(member.id)),
    2,
  )
  const audience = [...committee, ...commissars.map((member) => member.id)]
  const acting = actingAs(scene, scene.accounts.admin)
  await moveTo(scene, raisedAt)
  const question = await raiseQuestion(acting, {
    bodyId,
    title: FERGANA_UNITS.title,
    text: FERGANA_UNITS.text,
    proposal: FERGANA_UNITS.proposal,
    topic: FERGANA_UNITS.topic,
    origin: 'body',
    confidential: { audienceMemberIds: audience, declassifyOn: FERGANA_DECLASSIFY_ON },
  })
  const [first] = commissars
  if (first) {
    await moveTo(scene, at('1923-11-14', '08:00'))
    await postComment(scene.ctx, {
      questionId: question.id,
      memberId: first.id,
      kind: 'comment',
      body: FERGANA_UNITS.comment,
    })
  }
  // A week on, past the minimum: the committee's members in the audience vote for the proposal.
  const voteDay = '1923-11-20'
  await moveTo(scene, at(voteDay, '10:00'))
  await openDecisionVote(acting, { questionId: question.id, method: 'yes-no' })
  const voters = (await postHoldersOf(scene.ctx, bodyId, voteDay)).filter((id) => audience.includes(id))
  for (const [index, memberId] of voters.entries()) {
    await moveTo(scene, new Date(at(voteDay, '10:15').getTime() + index * 20 * 60_000))
    await castDecisionVote(scene.ctx, { questionId: question.id, memberId, choice: 'yes' })
  }
  await moveTo(scene, at(voteDay, '18:00'))
  await closeDecisionVote(acting, { questionId: question.id })
  return {
    questionId: question.id,
    bodyId,
    audienceMemberIds: audience,
    voterIds: voters,
    declassifyOn: FERGANA_DECLASSIFY_ON,
  }
}
