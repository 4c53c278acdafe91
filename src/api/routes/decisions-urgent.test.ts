import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliberationJobHandlers } from '../../core/deliberation/deliberation-jobs.ts'
import { runDueJobs } from '../../core/scheduler/run-due-jobs.ts'
import { JSON_LIMIT } from '../app.ts'
import {
  cookies,
  type DecisionBody,
  get,
  ids,
  JUSTIFICATION,
  moveClock,
  ok,
  openDecisionsApiTest,
  refused,
  send,
  t,
} from './decisions-test-fixture.ts'

describe('decisions API: urgent decisions and records of past practice', () => {
  beforeAll(openDecisionsApiTest)
  afterAll(async () => t.database.drop())

  it('takes an urgent decision, lists it unratified, overdue after the deadline, and ratifies it late', async () => {
    // A week into the questions' discussions, as the vote tests leave the clock.
    await moveClock('1923-12-09T10:00:00Z')
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
