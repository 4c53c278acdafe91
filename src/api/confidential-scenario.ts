import { castDecisionVote } from '../core/deliberation/cast-decision-vote.ts'
import { deliberationEvents } from '../core/deliberation/events.ts'
import type { DeliberationApiTest, Who } from './deliberation-test-fixture.ts'

/**
 * The scenario of the confidential-leak test: three confidential questions and an ordinary one,
 * with everything that can attach to them. The words below are written into the confidential
 * ones only, so finding any of them in an outsider's answer is a leak.
 */
export const MARK = {
  title: 'ZEBRAFORT',
  text: 'QUASARMOAT',
  proposal: 'NIMBUSKEEP',
  comment: 'OBSIDIANGATE',
  counter: 'TUNDRAWALL',
  reply: 'LANTERNQUAY',
  amendment: 'WILLOWKNOT',
  hidden: 'PYLONSHADE',
  hideNote: 'FERNLATCH',
  task: 'CINDERVAULT',
  report: 'GLACIERSPUR',
  urgentTitle: 'SABLEHINGE',
  justification: 'MARROWBRIDGE',
  urgentTask: 'ORCHIDLEDGE',
  urgentReport: 'BRAMBLEKEEL',
  openTitle: 'HALCYONDRIFT',
  openCounter: 'OPALRIDGE',
}
export const MARKERS = Object.values(MARK)
export const SECRET_TITLE = `${MARK.title} crossing at the river`
export const ORDINARY = { title: 'Canteen hours', text: 'When?', proposal: 'At six.', topic: 'canteen' }
export const OUTSIDERS: Who[] = ['anna', 'secretary', 'admin', 'auditor']
export const AUDIENCE: Who[] = ['fyodor', 'galina']

let t: DeliberationApiTest
/** The ids of the scenario, filled by buildScenario. */
export const id = {} as Record<
  'q0' | 'q1' | 'q2' | 'q3' | 'counter' | 'hidden' | 'd1' | 'd2' | 't1' | 't2' | 'm1',
  number
>
export const comments: number[] = []

/** Raises a question as Fyodor (an officer over District A1 and a member of Mill A). */
async function raise(bodyId: number, words: Record<string, unknown>) {
  return (await t.ok(t.send('POST', `/api/bodies/${bodyId}/questions`, 'fyodor', words), 201)).id
}
async function comment(who: Who, questionId: number, body: Record<string, unknown>) {
  const posted = await t.ok(t.send('POST', `/api/questions/${questionId}/comments`, who, body), 201)
  comments.push(posted.id)
  return posted.id
}

/**
 * Three confidential questions and an ordinary one. Q1 (Mill A, audience Fyodor, Galina and Ivan,
 * three of Mill A's five deciding members, so a quorum of the body is in the audience):
 * criticism of every kind, a hidden comment, supports, a choice vote by its audience, a task with
 * a report, and a meeting whose title and minutes name it. Q2 (District A1, audience Fyodor):
 * decided urgently, with a task owned by Mill A. Q3 (Mill A): its choice vote still open, and a
 * later declassification date. Q0: an ordinary question on the same agenda.
 */
export async function buildScenario(test: DeliberationApiTest) {
  t = test
  const { unitA, districtA } = t.tree
  const { galina, anna, fyodor, ivan } = t.members
  id.q0 = await raise(unitA.id, ORDINARY)
  id.q1 = await raise(unitA.id, {
    title: SECRET_TITLE,
    text: `The ${MARK.text} regiment moves at dawn.`,
    proposal: `Requisition the ${MARK.proposal} ferry quietly.`,
    topic: 'military',
    confidential: { audienceMemberIds: [galina, ivan], declassifyOn: '1924-06-01' },
  })
  id.q2 = await raise(districtA.id, {
    title: `${MARK.urgentTitle} supply line`,
    text: 'Rifles are short.',
    proposal: 'Buy rifles.',
    topic: 'military',
    confidential: { audienceMemberIds: [fyodor], declassifyOn: '1924-06-01' },
  })
  id.q3 = await raise(unitA.id, {
    title: `${MARK.openTitle} signals`,
    text: 'Which code?',
    proposal: 'The old code.',
    topic: 'military',
    confidential: { audienceMemberIds: [galina], declassifyOn: '1924-11-01' },
  })
  await comment('galina', id.q1, { body: `The ${MARK.comment} road is mined.` })
  id.counter = await comment('fyodor', id.q1, { kind: 'counter-proposal', body: `Cross at ${MARK.counter}.` })
  await comment('galina', id.q1, { body: `${MARK.reply} agrees.`, parentId: id.counter })
  await comment('galina', id.q1, {
    kind: 'amendment',
    body: 'Say where.',
    amendedProposal: `Requisition the ${MARK.amendment} ferry quietly.`,
  })
  id.hidden = await comment('galina', id.q1, { body: `${MARK.hidden} is a traitor.` })
  await t.ok(
    t.send('POST', `/api/comments/${id.hidden}/hide`, 'fyodor', { reason: 'abuse', note: MARK.hideNote }),
  )
  await comment('fyodor', id.q3, { kind: 'counter-proposal', body: `Use ${MARK.openCounter}.` })
  await comment('anna', id.q0, { body: 'Six is too early.' })
  await t.ok(t.send('PUT', `/api/questions/${id.q1}/support`, 'galina'))
  await t.ok(t.send('PUT', `/api/comments/${id.counter}/support`, 'galina'))

  await t.tick('1923-12-10T09:00:00Z')
  await t.ok(t.send('POST', `/api/questions/${id.q1}/vote`, 'fyodor', { method: 'choice' }), 201)
  for (const who of AUDIENCE) {
    await t.ok(t.send('POST', `/api/questions/${id.q1}/votes`, who, { ranking: [1, 0] }), 201)
  }
  // Ivan has no account: his vote is entered as the core takes it.
  await t.run((ctx) => castDecisionVote(ctx, { questionId: id.q1, memberId: ivan, ranking: [1, 0] }))
  id.d1 = (await t.ok(t.send('POST', `/api/questions/${id.q1}/vote/close`, 'fyodor'))).id
  await t.ok(t.send('POST', `/api/questions/${id.q3}/vote`, 'fyodor', { method: 'choice' }), 201)
  await t.ok(t.send('POST', `/api/questions/${id.q3}/votes`, 'fyodor', { ranking: [1, 0] }), 201)
  const justification = `${MARK.justification} must be held before the thaw.`
  id.d2 = (
    await t.ok(t.send('POST', `/api/questions/${id.q2}/urgent-decision`, 'fyodor', { justification }), 201)
  ).id
  const task = (decisionId: number, body: Record<string, unknown>) =>
    t.ok(t.send('POST', `/api/decisions/${decisionId}/tasks`, 'fyodor', body), 201)
  id.t1 = (await task(id.d1, { title: `Seize ${MARK.task}`, ownerMemberId: galina, dueOn: '1923-12-12' })).id
  id.t2 = (
    await task(id.d2, { title: `Store ${MARK.urgentTask}`, ownerBodyId: unitA.id, dueOn: '1923-12-31' })
  ).id
  const report = (taskId: number, who: Who, text: string) =>
    t.ok(t.send('POST', `/api/tasks/${taskId}/reports`, who, { text, progress: 30 }), 201)
  await report(id.t1, 'galina', `${MARK.report} is half taken.`)
  await report(id.t2, 'fyodor', `${MARK.urgentReport} is stocked.`)
  id.m1 = (
    await t.ok(
      t.send('POST', `/api/bodies/${unitA.id}/meetings`, 'fyodor', {
        title: `Unit meeting on ${SECRET_TITLE.toLowerCase()}`,
        startsAt: '1923-12-11T18:00:00Z',
        endsAt: '1923-12-11T20:00:00Z',
        place: 'Mill canteen',
        agendaQuestionIds: [id.q1, id.q0, id.q3],
      }),
      201,
    )
  ).id

  await t.tick('1923-12-12T09:00:00Z')
  await t.ok(
    t.send('PUT', `/api/meetings/${id.m1}/attendance`, 'fyodor', { memberIds: [fyodor, galina, anna] }),
  )
  const minutes = `Comrades weighed ${SECRET_TITLE.toUpperCase()} at length, then the canteen hours.`
  await t.ok(t.send('PUT', `/api/meetings/${id.m1}/minutes`, 'fyodor', { minutes }))
  // The first task is now overdue: the overdue list must show it, redacted.
  await t.tick('1923-12-15T09:00:00Z')
}

/** The ids and query values every sweep fills in. */
export function sweepInput() {
  const { root, regionA, districtA, unitA } = t.tree
  const ids = {
    bodies: [root.id, regionA.id, districtA.id, unitA.id],
    questions: [id.q0, id.q1, id.q2, id.q3],
    comments,
    decisions: [id.d1, id.d2],
    tasks: [id.t1, id.t2],
    meetings: [id.m1],
    members: Object.values(t.members),
  } as Record<string, number[]>
  const fallback = [...new Set(Object.values(ids).flat())].sort((a, b) => a - b)
  const eventTypes = deliberationEvents.map((event) => event.shape.type.value).join(',')
  const queryValues = {
    q: [MARK.title, MARK.text.toLowerCase(), MARK.proposal, MARK.urgentTitle, MARK.openTitle, 'crossing'],
    type: [eventTypes],
    from: ['1900-01-01'],
    to: ['2100-12-31'],
  }
  return { ids, fallback, queryValues }
}
