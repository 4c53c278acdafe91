import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDiscussion } from '../../core/deliberation/close-discussion.ts'
import {
  type DecisionBody,
  get,
  ids,
  moveClock,
  ok,
  openDecisionsApiTest,
  refused,
  run,
  SECRET,
  send,
  t,
  type VoteBody,
} from './decisions-test-fixture.ts'

describe('decisions API', () => {
  beforeAll(openDecisionsApiTest)
  afterAll(async () => t.database.drop())

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
})
