import { sql } from 'kysely'
import { castDecisionVote } from '../deliberation/cast-decision-vote.ts'
import { closeDecisionVote } from '../deliberation/close-decision-vote.ts'
import { closeDiscussion } from '../deliberation/close-discussion.ts'
import { closeTask } from '../deliberation/close-task.ts'
import { createTask } from '../deliberation/create-task.ts'
import { quorumFor } from '../deliberation/deliberation-rules.ts'
import { meetingQuorumBasis } from '../deliberation/meeting-quorum.ts'
import { openDecisionVote } from '../deliberation/open-decision-vote.ts'
import { postComment } from '../deliberation/post-comment.ts'
import { raiseQuestion } from '../deliberation/raise-question.ts'
import { recordAttendance } from '../deliberation/record-attendance.ts'
import { recordMinutes } from '../deliberation/record-minutes.ts'
import { reportOnTask } from '../deliberation/report-on-task.ts'
import { scheduleMeeting } from '../deliberation/schedule-meeting.ts'
import { setSupport } from '../deliberation/set-support.ts'
import {
  actingAs,
  at,
  type DeliberationScene,
  daytimes,
  draw,
  holderOf,
  membersOn,
  moveTo,
  unitsOfKind,
} from './demo-deliberation-steps.ts'
import { WORKS_AFFAIRS, WORKS_TASKS } from './demo-deliberation-texts.ts'

/** A decision being carried out, some of it late: for the summary and the demo's tests. */
export interface DemoTasksStory {
  readonly unitId: number
  readonly questionId: number
  readonly decisionId: number
  readonly meetingId: number
  /** The district committee that owns one of the overdue tasks. */
  readonly districtId: number
  readonly doneTaskId: number
  readonly overdueTaskIds: readonly number[]
}

const MEETING_DAY = '1923-10-09'

/**
 * The factory unit of the report's district (Krasnaya Presnya) with the most full members on the
 * meeting's day: a big works, whose general meeting makes a quorum worth the name.
 */
async function largestFactoryUnit(scene: DeliberationScene, districtKey: string): Promise<number> {
  const unitIds = unitsOfKind(scene, districtKey, 'factory')
  const row = await scene.ctx.db
    .selectFrom('members')
    .select(['unit_id', sql<string>`count(*)`.as('n')])
    .where('unit_id', 'in', unitIds)
    .where('status', '=', 'full')
    .where('full_member_since', '<=', MEETING_DAY)
    .groupBy('unit_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('unit_id')
    .executeTakeFirst()
  if (!row) throw new Error(`the demo found no factory unit with full members in ${districtKey}`)
  return row.unit_id
}

/**
 * A factory unit's decision of October 1923 on its part in the affairs of the works, carried out
 * in part: raised on 24 September with the general meeting that is to decide it, discussed (three comments, supports) until the unit closed
 * the discussion past its minimum; decided by a yes-no vote at the general meeting of 9 October,
 * with attendance recorded (the quorum computed from the unit's full members) and minutes; then
 * three tasks: the commission elected and closed with its report; the report on the wage arrears
 * (a member's) and the trust's economic conference (the district committee's) still open past
 * their deadlines on the report's day, each with a progress report. The scheduler's checks of the
 * deadlines run when the story's clock passes them (see moveTo).
 */
export async function carryOutWorksDecision(scene: DeliberationScene): Promise<DemoTasksStory> {
  const districtKey = 'moscow/0'
  const districtId = scene.bodyId(districtKey)
  const unitId = await largestFactoryUnit(scene, districtKey)
  const acting = actingAs(scene, scene.accounts.moscow)
  const raisedAt = at('1923-09-24', '10:00')
  const secretary = await holderOf(scene.ctx, unitId, 'unit-secretary', MEETING_DAY)
  await moveTo(scene, raisedAt)
  const question = await raiseQuestion(acting, {
    bodyId: unitId,
    title: WORKS_AFFAIRS.title,
    text: WORKS_AFFAIRS.text,
    proposal: WORKS_AFFAIRS.proposal,
    topic: WORKS_AFFAIRS.topic,
    origin: 'body',
    raisedByMemberId: secretary,
  })
  // The meeting that must decide it ("major questions are discussed at party meetings").
  await moveTo(scene, at('1923-09-24', '10:30'))
  const meeting = await scheduleMeeting(acting, {
    bodyId: unitId,
    title: 'General meeting of the unit',
    startsAt: at(MEETING_DAY, '18:00'),
    endsAt: at(MEETING_DAY, '21:00'),
    place: 'The works club',
    agendaQuestionIds: [question.id],
  })
  const speakers = draw(scene.random, await membersOn(scene.ctx, unitId, '1923-09-24'), 12)
  const times = daytimes(scene.random, '1923-09-25', '1923-10-03', WORKS_AFFAIRS.comments.length)
  for (const [index, body] of WORKS_AFFAIRS.comments.entries()) {
    await moveTo(scene, times[index] as Date)
    const author = speakers[index]
    if (!author) break
    await postComment(scene.ctx, { questionId: question.id, memberId: author.id, kind: 'comment', body })
  }
  await moveTo(scene, at('1923-10-04', '21:00'))
  for (const member of speakers.slice(WORKS_AFFAIRS.comments.length)) {
    await setSupport(scene.ctx, {
      questionId: question.id,
      commentId: null,
      memberId: member.id,
      supported: true,
    })
  }

  await moveTo(scene, at('1923-10-05', '12:00'))
  await closeDiscussion(acting, { questionId: question.id, reason: 'early' })

  // The meeting: about seven in ten of those full members by then came, and a few candidates.
  await moveTo(scene, at(MEETING_DAY, '18:05'))
  const full = await membersOn(scene.ctx, unitId, MEETING_DAY, ['full'])
  const basis = await meetingQuorumBasis(scene.ctx.db, meeting)
  const needed = quorumFor(basis.share, basis.decidingIds.length)
  const voters = draw(scene.random, full, Math.max(needed + 2, Math.round(full.length * 0.72)))
  const candidates = (await membersOn(scene.ctx, unitId, MEETING_DAY, ['candidate'])).slice(0, 3)
  await recordAttendance(acting, {
    meetingId: meeting.id,
    memberIds: [...voters, ...candidates].map((member) => member.id),
  })
  await moveTo(scene, at(MEETING_DAY, '19:40'))
  await openDecisionVote(acting, { questionId: question.id, method: 'yes-no', meetingId: meeting.id })
  for (const [index, voter] of voters.entries()) {
    await moveTo(scene, new Date(at(MEETING_DAY, '19:45').getTime() + index * 10_000))
    const roll = scene.random.next()
    const choice = roll < 0.82 ? 'yes' : roll < 0.92 ? 'no' : 'abstain'
    await castDecisionVote(scene.ctx, { questionId: question.id, memberId: voter.id, choice })
  }
  await moveTo(scene, at(MEETING_DAY, '20:40'))
  const decision = await closeDecisionVote(acting, { questionId: question.id })
  await moveTo(scene, at(MEETING_DAY, '21:10'))
  await recordMinutes(acting, { meetingId: meeting.id, minutes: WORKS_AFFAIRS.minutes })

  await moveTo(scene, at('1923-10-10', '10:00'))
  // The secretary sees to the commission; another comrade who was there, to the arrears.
  const commissionOwner = secretary ?? voters[0]?.id
  const arrearsOwner = voters.find((voter) => voter.id !== commissionOwner)?.id
  if (commissionOwner === undefined || arrearsOwner === undefined) {
    throw new Error(`the demo meeting of unit ${unitId} had too few voters`)
  }
  const commission = await createTask(acting, {
    decisionId: decision.id,
    title: WORKS_TASKS.commission.title,
    ownerMemberId: commissionOwner,
    dueOn: WORKS_TASKS.commission.dueOn,
  })
  const arrears = await createTask(acting, {
    decisionId: decision.id,
    title: WORKS_TASKS.arrears.title,
    ownerMemberId: arrearsOwner,
    dueOn: WORKS_TASKS.arrears.dueOn,
  })
  const conference = await createTask(acting, {
    decisionId: decision.id,
    title: WORKS_TASKS.conference.title,
    ownerBodyId: districtId,
    dueOn: WORKS_TASKS.conference.dueOn,
  })
  await moveTo(scene, at('1923-10-16', '21:00'))
  await closeTask(acting, {
    taskId: commission.id,
    report: WORKS_TASKS.commission.closing,
    memberId: commissionOwner,
  })
  await moveTo(scene, at('1923-11-05', '17:00'))
  await reportOnTask(acting, {
    taskId: arrears.id,
    memberId: arrearsOwner,
    text: WORKS_TASKS.arrears.progress,
    progress: 40,
  })
  await moveTo(scene, at('1923-11-14', '12:00'))
  await reportOnTask(acting, {
    taskId: conference.id,
    memberId: await holderOf(scene.ctx, districtId, 'district-secretary', '1923-11-14'),
    text: WORKS_TASKS.conference.progress,
    progress: 25,
  })
  return {
    unitId,
    questionId: question.id,
    decisionId: decision.id,
    meetingId: meeting.id,
    districtId,
    doneTaskId: commission.id,
    overdueTaskIds: [arrears.id, conference.id],
  }
}
