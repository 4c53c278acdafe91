import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { adoptCharter } from '../../core/charter/adopt-charter.ts'
import { closeDiscussion } from '../../core/deliberation/close-discussion.ts'
import { deliberationJobHandlers } from '../../core/deliberation/deliberation-jobs.ts'
import { raiseQuestion } from '../../core/deliberation/raise-question.ts'
import { DELIBERATION_RULES_YAML } from '../../core/deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../../core/mandates/test-charter.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { runDueJobs } from '../../core/scheduler/run-due-jobs.ts'
import { systemActor } from '../../core/shared/actor.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import { JSON_LIMIT } from '../app.ts'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

interface ErrorBody {
  code: string
  message: string
  details: Record<string, unknown>
}
interface VoteBody {
  method: string | null
  options: { index: number; commentId: number | null; text: string | null }[] | null
  votesCast: number | null
  me: { hasVoted: boolean; mayVote: boolean }
  redacted: boolean
  permissions: { canVote: boolean; canClose: boolean }
}
interface DecisionBody {
  id: number
  question: { id: number; title?: string; raisedOn: string; redacted: boolean }
  kind: string
  outcome: string
  exception: string | null
  discussionCompleted: boolean
  discussionRuleId: string | null
  counts: { yes: number; no: number; abstain: number } | null
  quorum: { decidingMembers: number; required: number; present: number; ruleId: string | null } | null
  ratification: { state: string; ratifyBy: string; late: boolean } | null
  justification: string | null
  recordedSource: string | null
  redacted: boolean
  permissions: { canRatify: boolean }
}

const SECRET = 'Guarding the northern depot'
const JUSTIFICATION = 'The trust stops the mill on Friday unless the unit answers at once.'

describe('decisions API', () => {
  let t: Awaited<ReturnType<typeof openApiTest>>
  const cookies: Record<string, string> = {}
  const ids = { fyodor: 0, galina: 0, major: 0, minor: 0, secret: 0 }

  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))

  const raise = (topic: string, extra: object = {}) =>
    run((ctx) =>
      raiseQuestion(ctx, {
        bodyId: t.tree.unitA.id,
        title: `On ${topic}`,
        text: 'The unit is asked.',
        proposal: 'Do it.',
        topic,
        origin: 'body',
        ...extra,
      }),
    )

  beforeAll(async () => {
    t = await openApiTest()
    await run(async (ctx) => {
      // Military questions are major here too, so the confidential exception has something to except.
      const rules = DELIBERATION_RULES_YAML.replace(
        'topics: [party-policy, economic-policy]',
        'topics: [party-policy, economic-policy, military]',
      )
      await adoptCharter(ctx, {
        source: TEST_CHARTER_YAML + rules,
        fileName: 'charter.yaml',
        decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
        effectiveFrom: '1920-01-01',
      })
      const unitA = t.tree.unitA.id
      const member = (fullName: string, status: 'full' | 'applicant') =>
        registerMember(ctx, { unitId: unitA, fullName, joinedOn: '1918-01-01', category: 'worker', status })
      ids.fyodor = (await member('Fyodor F', 'full')).id
      ids.galina = (await member('Galina G', 'full')).id
      const olga = (await member('Olga Applicant', 'applicant')).id
      for (const [email, memberId, unitId] of [
        ['fyodor@example.org', ids.fyodor, unitA],
        ['galina@example.org', ids.galina, unitA],
        ['olga@example.org', olga, unitA],
        ['boris@example.org', t.tree.memberB.id, t.tree.unitB.id],
      ] as const) {
        const account = await createAccount(ctx, { email, displayName: email, password: PASSWORD, memberId })
        await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: unitId })
        // Fyodor is also the unit's secretary: an officer in the confidential question's audience.
        if (memberId === ids.fyodor)
          await grantRole(ctx, { accountId: account.id, role: 'secretary', bodyId: unitA })
      }
    })
    ids.major = (await raise('economic-policy')).id
    ids.minor = (await raise('canteen')).id
    ids.secret = (
      await raise('military', {
        title: SECRET,
        confidential: { audienceMemberIds: [ids.fyodor, ids.galina] },
      })
    ).id
    await signIn()
  })
  afterAll(async () => t.database.drop())

  async function signIn() {
    for (const name of ['admin', 'anna', 'fyodor', 'galina', 'olga', 'boris']) {
      cookies[name] = await t.signInAs(`${name}@example.org`)
    }
    cookies.secretary = await t.signInAs('sec.a@example.org')
  }

  /** Moves the organisation's clock; sessions expire with it, so everyone signs in again. */
  async function moveClock(to: string) {
    t.clock.set(to)
    await signIn()
  }

  const get = (path: string, who: string) => t.app.request(path, { headers: { cookie: cookies[who] ?? '' } })
  const send = (path: string, who: string, body: unknown = {}) =>
    t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies[who] ?? '' },
      body: JSON.stringify(body),
    })
  async function refused(res: Response, status: number, code: string): Promise<ErrorBody> {
    const body = (await res.json()) as ErrorBody
    expect({ status: res.status, code: body.code }).toEqual({ status, code })
    return body
  }
  async function ok<T>(res: Response, status: number): Promise<T> {
    const body = await res.json()
    expect({ status: res.status, body }).toMatchObject({ status })
    return body as T
  }

  it('lets the audience decide a confidential major question without discussion, redacted for everyone else', async () => {
    const path = `/api/questions/${ids.secret}`
    await refused(await send(`${path}/vote`, 'secretary', { method: 'yes-no' }), 403, 'CONFIDENTIAL')
    await ok(await send(`${path}/vote`, 'fyodor', { method: 'yes-no' }), 201)
    // Outside the audience the vote is refused as in any other phase: neither body nor status tells.
    await refused(await get(`${path}/vote`, 'anna'), 403, 'CONFIDENTIAL')
    await refused(await send(`${path}/votes`, 'anna', { choice: 'yes' }), 403, 'NOT_IN_ELECTORATE')
    await ok(await send(`${path}/votes`, 'fyodor', { choice: 'yes' }), 201)
    // The body decides: one vote is short of a quorum of the mill's three, though the audience is two.
    const short = await refused(await send(`${path}/vote/close`, 'fyodor'), 422, 'QUORUM_NOT_MET')
    expect(short.details).toMatchObject({
      ruleId: 'deliberation.quorum',
      decidingMembers: 3,
      required: 2,
      present: 1,
    })
    await ok(await send(`${path}/votes`, 'galina', { choice: 'yes' }), 201)
    const decision = await ok<DecisionBody>(await send(`${path}/vote/close`, 'fyodor'), 200)
    expect(decision).toMatchObject({
      exception: 'confidential',
      discussionCompleted: false,
      outcome: 'adopted',
    })

    const res = await get(`/api/decisions/${decision.id}`, 'anna')
    const text = await res.text()
    expect(res.status).toBe(200)
    expect(text).not.toContain(SECRET)
    // Only that a decision on a confidential question was taken, where and when: not how, nor what.
    const redacted = {
      id: decision.id,
      bodyId: t.tree.unitA.id,
      decidedOn: t.clock.now().toISOString().slice(0, 10),
      confidential: true,
      redacted: true,
      question: {
        id: ids.secret,
        bodyId: t.tree.unitA.id,
        raisedOn: decision.question.raisedOn,
        confidential: true,
        redacted: true,
      },
    }
    expect(JSON.parse(text)).toEqual(redacted)
    const listed = await get(`/api/bodies/${t.tree.unitA.id}/decisions`, 'anna')
    const listText = await listed.text()
    expect(listText).not.toContain(SECRET)
    const page = JSON.parse(listText) as { items: { id: number }[] }
    expect(page.items.find((item) => item.id === decision.id)).toEqual(redacted)
    const insider = await ok<DecisionBody>(await get(`/api/decisions/${decision.id}`, 'galina'), 200)
    expect(insider.question.title).toBe(SECRET)
  })

  it('refuses the vote on a major question before its discussion is completed, then decides it with quorum', async () => {
    const before = await t.eventCount()
    const early = await refused(
      await send(`/api/questions/${ids.major}/vote`, 'secretary', { method: 'yes-no' }),
      422,
      'DISCUSSION_REQUIRED',
    )
    expect(early.details.ruleId).toBe('deliberation.major')
    await refused(
      await send(`/api/questions/${ids.major}/vote`, 'anna', { method: 'yes-no' }),
      403,
      'FORBIDDEN',
    )
    expect(await t.eventCount()).toBe(before)

    await moveClock('1923-12-09T10:00:00Z')
    await run((ctx) => closeDiscussion(ctx, { questionId: ids.major }))
    const opened = await ok<VoteBody>(
      await send(`/api/questions/${ids.major}/vote`, 'secretary', { method: 'yes-no' }),
      201,
    )
    expect(opened).toMatchObject({
      method: 'yes-no',
      votesCast: 0,
      permissions: { canClose: true, canVote: false },
    })
    const mine = await ok<VoteBody>(await get(`/api/questions/${ids.major}/vote`, 'anna'), 200)
    expect(mine).toMatchObject({
      me: { hasVoted: false, mayVote: true },
      permissions: { canVote: true, canClose: false },
    })

    const voted = await ok<VoteBody>(
      await send(`/api/questions/${ids.major}/votes`, 'anna', { choice: 'yes' }),
      201,
    )
    expect(voted).toMatchObject({ votesCast: 1, me: { hasVoted: true, mayVote: false } })
    await refused(
      await send(`/api/questions/${ids.major}/votes`, 'anna', { choice: 'no' }),
      409,
      'ALREADY_VOTED',
    )
    await refused(
      await send(`/api/questions/${ids.major}/votes`, 'olga', { choice: 'no' }),
      403,
      'NOT_IN_ELECTORATE',
    )
    await refused(
      await send(`/api/questions/${ids.major}/votes`, 'admin', { choice: 'no' }),
      403,
      'NOT_IN_ELECTORATE',
    )
    await refused(
      await send(`/api/questions/${ids.major}/votes`, 'boris', { choice: 'no' }),
      403,
      'FORBIDDEN',
    )
    await refused(
      await send(`/api/questions/${ids.major}/votes`, 'galina', { ranking: [0] }),
      422,
      'INVALID_BALLOT',
    )

    // Anna, Fyodor and Galina decide for the mill: two make the quorum.
    const short = await refused(
      await send(`/api/questions/${ids.major}/vote/close`, 'secretary'),
      422,
      'QUORUM_NOT_MET',
    )
    expect(short.details).toMatchObject({
      ruleId: 'deliberation.quorum',
      required: 2,
      present: 1,
      decidingMembers: 3,
    })
    await ok(await send(`/api/questions/${ids.major}/votes`, 'galina', { choice: 'no' }), 201)
    await ok(await send(`/api/questions/${ids.major}/votes`, 'fyodor', { choice: 'yes' }), 201)
    const decision = await ok<DecisionBody>(
      await send(`/api/questions/${ids.major}/vote/close`, 'secretary'),
      200,
    )
    expect(decision).toMatchObject({
      kind: 'vote',
      outcome: 'adopted',
      discussionCompleted: true,
      discussionRuleId: 'deliberation.major',
      counts: { yes: 2, no: 1, abstain: 0 },
      quorum: { required: 2, present: 3, ruleId: 'deliberation.quorum' },
      ratification: null,
    })
    const seen = await ok<DecisionBody>(await get(`/api/decisions/${decision.id}`, 'anna'), 200)
    expect(seen).toMatchObject({
      question: { title: 'On economic-policy' },
      permissions: { canRatify: false },
    })
    await refused(await get(`/api/decisions/${decision.id}`, 'boris'), 403, 'FORBIDDEN')
    await refused(await get('/api/decisions/999999', 'anna'), 404, 'DECISION_NOT_FOUND')
    await refused(await get(`/api/questions/${ids.major}/vote`, 'anna'), 409, 'QUESTION_WRONG_PHASE')
  })

  it('takes an urgent decision, lists it unratified, overdue after the deadline, and ratifies it late', async () => {
    const path = `/api/questions/${ids.minor}/urgent-decision`
    const before = await t.eventCount()
    for (const justification of ['', 'Too short.', 'x'.repeat(5_001)]) {
      const error = await refused(await send(path, 'secretary', { justification }), 400, 'VALIDATION_FAILED')
      expect(error.details.issues).toEqual([expect.objectContaining({ path: 'justification' })])
    }
    await refused(
      await send(path, 'secretary', { justification: 'x'.repeat(JSON_LIMIT) }),
      413,
      'PAYLOAD_TOO_LARGE',
    )
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"justification":"caf'),
      0xc3,
      0x28,
      ...new TextEncoder().encode(' and more words to make it long"}'),
    ])
    const invalid = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.secretary ?? '' },
      body: bytes,
    })
    expect((await refused(invalid, 400, 'VALIDATION_FAILED')).details).toMatchObject({
      reason: 'invalid-utf8',
    })
    await refused(
      await send('/api/questions/999999/urgent-decision', 'secretary', { justification: JUSTIFICATION }),
      404,
      'QUESTION_NOT_FOUND',
    )
    await refused(await send(path, 'anna', { justification: JUSTIFICATION }), 403, 'FORBIDDEN')
    expect(await t.eventCount()).toBe(before)

    const decision = await ok<DecisionBody>(
      await send(path, 'secretary', { justification: JUSTIFICATION }),
      201,
    )
    expect(decision).toMatchObject({
      kind: 'urgent',
      exception: 'urgent',
      justification: JUSTIFICATION,
      ratification: { state: 'pending', ratifyBy: '1923-12-23', late: false },
      permissions: { canRatify: true },
    })
    const list = async () =>
      (
        await ok<{ items: DecisionBody[] }>(
          await get(`/api/bodies/${t.tree.unitA.id}/decisions?unratified=true`, 'anna'),
          200,
        )
      ).items
    expect((await list()).map((d) => [d.id, d.ratification?.state])).toEqual([[decision.id, 'pending']])

    await moveClock('1923-12-24T09:00:00Z')
    await runDueJobs({ db: t.database.db, clock: t.clock }, deliberationJobHandlers)
    const overdue = await t.database.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'decision.ratification_overdue')
      .execute()
    expect(overdue.map((e) => e.payload)).toEqual([{ decisionId: decision.id, ratifyBy: '1923-12-23' }])
    expect((await list()).map((d) => [d.id, d.ratification?.state])).toEqual([[decision.id, 'overdue']])

    // The body ratifies, at a meeting that sits with its quorum: not the secretary alone.
    const ratification = `/api/decisions/${decision.id}/ratification`
    const alone = await refused(
      await send(ratification, 'secretary', { outcome: 'ratified' }),
      422,
      'MEETING_REQUIRED',
    )
    expect(alone.details).toMatchObject({ ruleId: 'deliberation.urgent', decisionId: decision.id })
    const meeting = await ok<{ id: number }>(
      await send(`/api/bodies/${t.tree.unitA.id}/meetings`, 'secretary', {
        title: 'General meeting',
        startsAt: '1923-12-24T17:00:00Z',
        endsAt: '1923-12-24T19:00:00Z',
        agendaQuestionIds: [],
      }),
      201,
    )
    const atMeeting = { outcome: 'ratified', meetingId: meeting.id }
    const early = await refused(await send(ratification, 'secretary', atMeeting), 409, 'MEETING_WRONG_STATE')
    expect(early.details).toMatchObject({ meetingId: meeting.id, startsAt: '1923-12-24T17:00:00.000Z' })
    await moveClock('1923-12-24T17:30:00Z')
    const attendance = (memberIds: number[]) =>
      t.app.request(`/api/meetings/${meeting.id}/attendance`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: cookies.secretary ?? '' },
        body: JSON.stringify({ memberIds }),
      })
    await ok(await attendance([ids.fyodor]), 200)
    const thin = await refused(await send(ratification, 'secretary', atMeeting), 422, 'QUORUM_NOT_MET')
    expect(thin.details).toMatchObject({ ruleId: 'deliberation.quorum', required: 2, present: 1 })
    await ok(await attendance([ids.fyodor, t.tree.memberA.id]), 200)
    const ratified = await ok<DecisionBody>(await send(ratification, 'secretary', atMeeting), 200)
    expect(ratified.ratification).toMatchObject({ state: 'ratified', late: true, meetingId: meeting.id })
    expect(await list()).toEqual([])
    await refused(
      await send(`/api/decisions/${decision.id}/ratification`, 'secretary', { outcome: 'rejected' }),
      409,
      'NOT_AWAITING_RATIFICATION',
    )
    await refused(
      await send('/api/decisions/999999/ratification', 'secretary', { outcome: 'ratified' }),
      404,
      'DECISION_NOT_FOUND',
    )
  })

  it('records past practice as it happened, and refuses bad dates naming each field', async () => {
    const path = `/api/bodies/${t.tree.unitA.id}/past-deliberations`
    const entry = {
      title: 'Grain quotas',
      text: 'The district asked for its quota.',
      proposal: 'Deliver in two parts.',
      topic: 'economic-policy',
      source: 'Minutes, book 3, p. 41',
      raisedOn: '1921-03-01',
      decision: { decidedOn: '1921-03-05', outcome: 'adopted' },
    }
    const before = await t.eventCount()
    const bad = await refused(
      await send(path, 'secretary', {
        ...entry,
        discussion: { openedOn: '1921-03-04', closedOn: '1921-03-02' },
        decision: { decidedOn: '1921-03-01', outcome: 'adopted' },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect((bad.details.issues as { path: string }[]).map((i) => i.path)).toEqual([
      'discussion.closedOn',
      'decision.decidedOn',
    ])
    await refused(
      await send(path, 'secretary', { ...entry, raisedOn: '1999-01-01' }),
      400,
      'VALIDATION_FAILED',
    )
    await refused(await send(path, 'anna', entry), 403, 'FORBIDDEN')
    await refused(
      await send('/api/bodies/999999/past-deliberations', 'secretary', entry),
      404,
      'BODY_NOT_FOUND',
    )
    expect(await t.eventCount()).toBe(before)

    const recorded = await ok<{ questionId: number; decision: DecisionBody }>(
      await send(path, 'secretary', entry),
      201,
    )
    expect(recorded.decision).toMatchObject({
      kind: 'recorded',
      outcome: 'adopted',
      exception: null,
      discussionCompleted: false,
      discussionRuleId: 'deliberation.major',
      recordedSource: 'Minutes, book 3, p. 41',
    })
  })
})
