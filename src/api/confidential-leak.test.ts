import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AUDIENCE,
  buildScenario,
  id,
  MARK,
  MARKERS,
  OUTSIDERS,
  SECRET_TITLE,
  sweepInput,
} from './confidential-scenario.ts'
import {
  type DeliberationApiTest,
  leaksIn,
  markersIn,
  openDeliberationApiTest,
  type SweptResponse,
  sweepGets,
  type Who,
} from './deliberation-test-fixture.ts'

/**
 * Proof that a confidential question leaks through no API path: every GET of the OpenAPI document,
 * with every relevant id and query, asked by each kind of outsider, must hold none of the scenario's
 * secret words; the same sweep by the audience finds every one of them (so it reaches the data).
 */
let t: DeliberationApiTest

const swept = new Map<Who, SweptResponse[]>()

beforeAll(async () => {
  t = await openDeliberationApiTest()
  await buildScenario(t)
  for (const who of [...OUTSIDERS, ...AUDIENCE]) swept.set(who, await sweepGets(t, who, sweepInput()))
}, 600_000)
afterAll(async () => t?.database.drop())

describe('a confidential question through every GET of the API', () => {
  it('the sweep reaches the data: its audience finds every marker', () => {
    expect(
      markersIn(
        AUDIENCE.flatMap((who) => swept.get(who) ?? []),
        MARKERS,
      ),
    ).toEqual(MARKERS)
  })

  it.each(OUTSIDERS)('%s, outside the audience, finds no marker in any answer', (who) => {
    const answers = swept.get(who) ?? []
    // The outsider reads plenty (the ordinary question among it): the sweep is not all refusals.
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(50)
    expect(answers.some((a) => a.status === 200 && a.text.includes('Canteen hours'))).toBe(true)
    expect(leaksIn(answers, MARKERS)).toEqual([])
  })

  it.each(OUTSIDERS)('%s reads the audit’s every route, and its findings hold no marker', (who) => {
    const audit = (swept.get(who) ?? []).filter((answer) =>
      /^GET \/api\/bodies\/\d+\/audit/.test(answer.request),
    )
    for (const route of ['audit', 'audit/findings', 'audit/findings.csv', 'audit/trend', 'audit/report']) {
      const path = new RegExp(`^GET /api/bodies/\\d+/${route.replace('.', '\\.')}(\\?|$)`)
      expect(
        audit.some((answer) => answer.status === 200 && path.test(answer.request)),
        route,
      ).toBe(true)
    }
    expect(leaksIn(audit, MARKERS)).toEqual([])
  })

  it.each(OUTSIDERS)('%s learns no confidential question’s phase from the audit', (who) => {
    const audit = (swept.get(who) ?? []).filter(
      (answer) => answer.status === 200 && /^GET \/api\/bodies\/\d+\/audit/.test(answer.request),
    )
    expect(audit.length).toBeGreaterThan(0)
    expect(auditPhaseLeaks(audit)).toEqual([])
    // The sweep's test has teeth: a finding about a confidential task, listed or exported, is caught.
    const task = `task.overdue:task:${id.t1}`
    const message = `Task #${id.t1} set to carry out a decided question is overdue.`
    const planted: SweptResponse[] = [
      {
        request: `GET /api/bodies/${t.tree.unitA.id}/audit/findings`,
        status: 200,
        text: JSON.stringify({ items: [{ id: task, kind: 'task.overdue', message }] }),
      },
      {
        request: `GET /api/bodies/${t.tree.unitA.id}/audit/report`,
        status: 200,
        text: `<tr><td>${message}</td></tr>`,
      },
    ]
    expect(auditPhaseLeaks(planted)).toHaveLength(3)
  })

  it.each(OUTSIDERS)('%s learns no confidential question’s phase from its own paths', (who) => {
    const paths = new RegExp(`^GET /api/questions/(${id.q1}|${id.q2}|${id.q3})(/|$)`)
    const phase = /"state"|\b(collecting|discussion|discussed|voting|decided|withdrawn)\b/
    const answers = (swept.get(who) ?? []).filter((answer) => paths.test(answer.request))
    expect(answers.length).toBeGreaterThanOrEqual(9)
    expect(answers.filter((answer) => phase.test(answer.text)).map((answer) => answer.request)).toEqual([])
    // The vote's path answers alike whether a vote is open (Q3) or not (Q1, Q2 decided): the
    // status would tell the phase as well as the body.
    const votes = answers.filter((answer) => /\/vote$/.test(answer.request))
    expect(votes.map((answer) => [answer.request, answer.status, JSON.parse(answer.text).code])).toEqual(
      [id.q1, id.q2, id.q3].map((q) => [`GET /api/questions/${q}/vote`, 403, 'CONFIDENTIAL']),
    )
  })
})

/**
 * What audit answers tell of a confidential question's phase. A finding's id is `<kind>:<subject
 * kind>:<subject id>`: about a confidential question, its decisions or its tasks, only
 * `confidential.undeclassified` may be found (it says only that the question is confidential and
 * past its date); any other kind would tell its phase. Then the phase regex of the question
 * paths' sweep, applied to every finding an audit answer lists (a JSON item, a CSV row, a row of
 * the printable report) that refers to one of them, by its subject or by its number in the message
 * ("question #12", "task #3"). Not to a whole answer: the audit's own vocabulary (the kind
 * decision.without-discussion, the ratio "after discussion") names the phases of no question in
 * particular. The ratios keep the count of confidential decisions (discussedDecisions.confidential):
 * a confidential decision's date is already in the redacted decision every reader of the body sees.
 */
function auditPhaseLeaks(answers: readonly SweptResponse[]): string[] {
  const subjects = new Set([
    ...[id.q1, id.q2, id.q3].map((q) => `question:${q}`),
    ...[id.d1, id.d2].map((d) => `decision:${d}`),
    ...[id.t1, id.t2].map((task) => `task:${task}`),
  ])
  const kinds = answers.flatMap((answer) =>
    [...answer.text.matchAll(/([a-z]+\.[a-z-]+):(question|decision|task):(\d+)/g)]
      .filter(
        (match) => subjects.has(`${match[2]}:${match[3]}`) && match[1] !== 'confidential.undeclassified',
      )
      .map((match) => `${match[0]} in ${answer.request}`),
  )
  const phase = /"state"|\b(collecting|discussion|discussed|voting|decided|withdrawn)\b/
  const mentions = new RegExp(
    `(question #(${id.q1}|${id.q2}|${id.q3})|decision #(${id.d1}|${id.d2})|task #(${id.t1}|${id.t2}))\\b` +
      `|:(question:(${id.q1}|${id.q2}|${id.q3})|decision:(${id.d1}|${id.d2})|task:(${id.t1}|${id.t2}))\\b`,
    'i',
  )
  const findings = answers.flatMap((answer) => {
    const path = answer.request.split('?')[0] ?? ''
    const pieces = path.endsWith('/audit/findings')
      ? (JSON.parse(answer.text) as { items: unknown[] }).items.map((item) => JSON.stringify(item))
      : path.endsWith('/audit/findings.csv')
        ? answer.text.split('\n')
        : path.endsWith('/audit/report')
          ? answer.text.split('<tr')
          : []
    return pieces.map((piece) => ({ request: answer.request, piece }))
  })
  const phases = findings
    .filter(({ piece }) => mentions.test(piece) && phase.test(piece))
    .map(({ request, piece }) => `phase in ${request}: ${piece}`)
  return [...kinds, ...phases]
}

describe('a confidential question’s decision through its paths', () => {
  it.each(OUTSIDERS)('%s learns nothing of what was decided, or how, from the decision paths', (who) => {
    // Every decision in the scenario is a confidential question's: these answers hold only redacted ones.
    const paths = new RegExp(`^GET /api/(decisions/(${id.d1}|${id.d2})|bodies/\\d+/decisions)(\\?|$)`)
    const how = /adopted|rejected|urgent|ratif|"kind"|"outcome"|"exception"|"quorum"|"meetingId"|"bodyName"/
    const answers = (swept.get(who) ?? []).filter(
      (answer) => answer.status === 200 && paths.test(answer.request),
    )
    expect(answers.length).toBeGreaterThanOrEqual(4)
    expect(answers.filter((answer) => how.test(answer.text)).map((answer) => answer.request)).toEqual([])
  })
})

interface Page<T = Record<string, unknown>> {
  items: T[]
  counts?: Record<string, number>
}
type Item = Record<string, unknown> & { id: number; question?: unknown }

/** All that an outsider may learn of a confidential question: it exists, where, since when. */
const redacted = (questionId: number, bodyId = t.tree.unitA.id) => ({
  id: questionId,
  bodyId,
  raisedOn: '1923-12-02',
  confidential: true,
  redacted: true,
})
const byId = <T extends { id: number }>(items: T[]) => [...items].sort((a, b) => a.id - b.id)

describe('lists, counts, exports and the event log', () => {
  it.each(OUTSIDERS)('show %s a confidential question only as its id, body and date', async (who) => {
    const { unitA, districtA } = t.tree
    const list = (path: string) => t.ok<Page<Item>>(t.get(path, who))
    expect(await t.ok(t.get(`/api/questions/${id.q1}`, who))).toEqual({
      ...redacted(id.q1),
      permissions: expect.objectContaining({ canComment: false, canManage: false, canModerate: false }),
    })
    const questions = await list(`/api/bodies/${unitA.id}/questions`)
    expect(byId(questions.items.filter((item) => item.redacted))).toEqual([redacted(id.q1), redacted(id.q3)])
    // Counts per state cover only what the caller reads; the confidential ones are one number.
    const { confidential, ...perState } = questions.counts ?? {}
    expect(confidential).toBe(2)
    expect(Object.values(perState).reduce((a, b) => a + b, 0)).toBe(1)
    const district = await list(`/api/bodies/${districtA.id}/questions`)
    expect(district.items).toEqual([redacted(id.q2, districtA.id)])

    const decisions = [
      ...(await list(`/api/bodies/${unitA.id}/decisions`)).items,
      ...(await list(`/api/bodies/${districtA.id}/decisions?unratified=true`)).items,
    ]
    // A decision shows only that it was taken, by which body and when; the unratified urgent one
    // is listed among those awaiting ratification, in the same shape.
    const redactedDecision = (decisionId: number, question: ReturnType<typeof redacted>) => ({
      id: decisionId,
      bodyId: question.bodyId,
      decidedOn: '1923-12-10',
      confidential: true,
      redacted: true,
      question,
    })
    expect(decisions).toEqual([
      redactedDecision(id.d1, redacted(id.q1)),
      redactedDecision(id.d2, redacted(id.q2, districtA.id)),
    ])
    expect(await t.ok(t.get(`/api/decisions/${id.d2}`, who))).toEqual(
      redactedDecision(id.d2, redacted(id.q2, districtA.id)),
    )

    // The meeting's own words are withheld whole: its agenda holds questions the caller may not read.
    const withheld = {
      title: null,
      place: null,
      withheld: true,
      withheldReason: 'the agenda has a confidential item',
    }
    type Meeting = { title: string | null; agenda: { question: { id: number } }[] }
    const meetings = (await list(`/api/bodies/${unitA.id}/meetings`)).items as unknown as Meeting[]
    expect(meetings).toEqual([
      expect.objectContaining({ id: id.m1, ...withheld, state: 'held', hasMinutes: true }),
    ])
    const agenda = meetings.flatMap((m) => m.agenda.map((entry) => entry.question))
    expect(agenda).toEqual([
      redacted(id.q1),
      expect.objectContaining({ title: 'Canteen hours' }),
      redacted(id.q3),
    ])
    const held = await t.ok(t.get(`/api/meetings/${id.m1}`, who))
    expect(held).toMatchObject({ ...withheld, minutes: null, quorum: { present: 3 }, attendanceCount: 3 })
    const ics = await (await t.get(`/api/meetings/${id.m1}/calendar.ics`, who)).text()
    expect(ics).toContain(`SUMMARY:Meeting of ${unitA.name}`)
    expect(ics).not.toContain('LOCATION')
    expect(ics).not.toMatch(/Comrades|Mill canteen|Unit meeting/)

    const tasks = await list(`/api/bodies/${unitA.id}/tasks`)
    expect(byId(tasks.items).map((task) => [task.id, task.question])).toEqual([
      [id.t1, redacted(id.q1)],
      [id.t2, redacted(id.q2, districtA.id)],
    ])
    for (const task of tasks.items) expect(task).toMatchObject({ redacted: true, title: null })
    expect(tasks.items.map((task) => (task.latestReport as { text: unknown }).text)).toEqual([null, null])
    const overdue = await list(`/api/bodies/${unitA.id}/tasks?overdue=true`)
    expect(overdue.items.map((task) => [task.id, task.title, task.question])).toEqual([
      [id.t1, null, redacted(id.q1)],
    ])
  })

  it.each(['secretary', 'admin'] as Who[])(
    'export to %s a confidential question as a row of id, date and body',
    async (who) => {
      const csv = await (
        await t.get(`/api/bodies/${t.tree.districtA.id}/questions.csv?includeSubtree=true`, who)
      ).text()
      for (const [questionId, body] of [
        [id.q1, t.tree.unitA],
        [id.q2, t.tree.districtA],
        [id.q3, t.tree.unitA],
      ] as const) {
        expect(csv).toContain(`\n${questionId},1923-12-02,${body.id},${body.name},confidential,`)
      }
      expect(csv).toContain('Canteen hours')
    },
  )

  it('log a confidential question’s raising without its topic, and no event names the topic', async () => {
    for (const who of ['secretary', 'admin', 'auditor'] as Who[]) {
      const scope = who === 'secretary' ? t.tree.regionA : t.tree.root
      const path = `/api/bodies/${scope.id}/events?type=question.raised&limit=200`
      const page = await t.ok<Page<{ subject: { id: number }; payload: { topic: string | null } }>>(
        t.get(path, who),
      )
      const topics = Object.fromEntries(page.items.map((event) => [event.subject.id, event.payload.topic]))
      expect(topics).toEqual({ [id.q0]: 'canteen', [id.q1]: null, [id.q2]: null, [id.q3]: null })
    }
    for (const who of [...OUTSIDERS, ...AUDIENCE]) {
      const log = (swept.get(who) ?? []).filter((answer) =>
        /^GET \/api\/bodies\/\d+\/events/.test(answer.request),
      )
      expect(log.length).toBeGreaterThan(0)
      expect(leaksIn(log, ['military'])).toEqual([])
    }
  })
})

const MEMBER: Who[] = ['anna']
const OFFICERS: Who[] = ['secretary', 'admin']

/**
 * Acts outsiders try on the confidential questions, each well formed, with those outsiders whom
 * only confidentiality stops (403 CONFIDENTIAL): Anna takes part in Mill A's discussions, and the
 * secretary and admin manage its business. The rest are stopped by their role (403 FORBIDDEN, or
 * NOT_IN_SCOPE for accounts without a member); a vote's deciding members are the audience, so an
 * outsider's vote is NOT_IN_ELECTORATE in every phase (a decided question's too: not 409, which
 * would name the phase).
 */
function outsiderWrites(): [method: string, path: string, body: object, confidentialFor: Who[]][] {
  const justification = 'The front moves tomorrow, there is no time.'
  const task = { title: 'Dig in', ownerBodyId: t.tree.unitA.id, dueOn: '1924-01-01' }
  const report = { text: 'Nothing yet.', progress: 0 }
  // biome-ignore format: one act a line
  return [
    ['POST', `/api/questions/${id.q1}/comments`, { body: 'I object.' }, MEMBER],
    ['POST', `/api/questions/${id.q1}/comments`, { body: 'I object.', parentId: id.counter }, MEMBER],
    ['PUT', `/api/questions/${id.q1}/support`, {}, MEMBER],
    ['DELETE', `/api/questions/${id.q1}/support`, {}, MEMBER],
    ['PUT', `/api/comments/${id.counter}/support`, {}, MEMBER],
    ['DELETE', `/api/comments/${id.counter}/support`, {}, MEMBER],
    ['POST', `/api/questions/${id.q3}/signatures`, {}, MEMBER],
    ['POST', `/api/questions/${id.q3}/votes`, { ranking: [0, 1] }, []],
    ['POST', `/api/questions/${id.q1}/votes`, { choice: 'yes' }, []],
    ['POST', `/api/questions/${id.q3}/vote/close`, {}, OFFICERS],
    ['POST', `/api/questions/${id.q3}/urgent-decision`, { justification }, OFFICERS],
    ['POST', `/api/questions/${id.q3}/discussion/close`, {}, OFFICERS],
    ['POST', `/api/questions/${id.q3}/withdraw`, {}, OFFICERS],
    ['POST', `/api/questions/${id.q1}/vote`, { method: 'yes-no' }, OFFICERS],
    ['POST', `/api/comments/${id.counter}/hide`, { reason: 'spam' }, OFFICERS],
    ['POST', `/api/decisions/${id.d2}/ratification`, { outcome: 'ratified' }, OFFICERS],
    ['POST', `/api/decisions/${id.d1}/tasks`, task, OFFICERS],
    ['POST', `/api/tasks/${id.t1}/reports`, report, OFFICERS],
    ['POST', `/api/tasks/${id.t1}/close`, { report: 'Done.' }, OFFICERS],
    ['POST', `/api/tasks/${id.t2}/reports`, report, OFFICERS],
  ]
}

describe('write paths', () => {
  it('refuse every outsider with a 403 that names nothing of the question, and change nothing', async () => {
    const before = await t.snapshot()
    for (const who of OUTSIDERS) {
      for (const [method, path, body, confidentialFor] of outsiderWrites()) {
        const refusal = await t.refused(t.send(method, path, who, body), 403)
        const request = `${who} ${method} ${path}`
        expect(leaksIn([{ request, status: 403, text: JSON.stringify(refusal) }], MARKERS)).toEqual([])
        if (confidentialFor.includes(who)) expect(refusal.code, request).toBe('CONFIDENTIAL')
      }
    }
    expect(await t.snapshot()).toEqual(before)
  })
})

describe('declassification', () => {
  it('opens Q1 and Q2 to the members in scope from their date; Q3, due later, stays confidential', async () => {
    await t.tick('1924-06-01T00:00:00Z')
    expect(await t.ok(t.get(`/api/questions/${id.q1}`, 'anna'))).toMatchObject({
      redacted: false,
      title: SECRET_TITLE,
      audience: null,
    })
    const found = await t.ok<Page<Item>>(
      t.get(`/api/bodies/${t.tree.unitA.id}/questions?q=zebrafort`, 'anna'),
    )
    expect(found.items.map((item) => item.id)).toEqual([id.q1])
    expect(await t.ok(t.get(`/api/questions/${id.q3}`, 'anna'))).toMatchObject(redacted(id.q3))
    const log = `/api/bodies/${t.tree.root.id}/events?type=question.declassified`
    const declassified = await t.ok<Page<{ payload: { questionId: number } }>>(t.get(log, 'admin'))
    expect(byId(declassified.items.map((event) => ({ id: event.payload.questionId })))).toEqual([
      { id: id.q1 },
      { id: id.q2 },
    ])
    // The same sweep now finds their words, except the hidden comment (hidden from all but its
    // author and auditors, whatever the date) and Q3's.
    const stillHidden = [MARK.hidden, MARK.hideNote, MARK.openTitle, MARK.openCounter]
    expect(markersIn(await sweepGets(t, 'anna', sweepInput()), MARKERS)).toEqual(
      MARKERS.filter((marker) => !stillHidden.includes(marker)),
    )
  })
})
