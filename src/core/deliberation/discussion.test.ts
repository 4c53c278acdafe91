import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { TEST_CHARTER_YAML } from '../mandates/test-charter.ts'
import { closeDiscussion } from './close-discussion.ts'
import { getQuestion } from './get-question.ts'
import { raiseQuestion } from './raise-question.ts'
import { signQuestion } from './sign-question.ts'
import { DELIBERATION_RULES_YAML, type DeliberationTest, NOW, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
beforeAll(async () => {
  t = await openDeliberationTest()
})
afterAll(async () => {
  await t.database.drop()
})

const words = {
  title: 'Canteen hours',
  text: 'When should it open?',
  proposal: 'At seven.',
  topic: 'canteen',
}

/** A question the unit puts to itself at `at`: its discussion runs 7 to 30 days from then. */
async function raisedAt(at: string) {
  t.clock.set(at)
  return t.run((ctx) => raiseQuestion(ctx, { ...words, bodyId: t.tree.unitA1.id, origin: 'body' }))
}

async function state(questionId: number) {
  const row = await t.db
    .selectFrom('questions')
    .selectAll()
    .where('id', '=', questionId)
    .executeTakeFirstOrThrow()
  const events = await t.eventsOf('question', questionId)
  const jobs = await t.db
    .selectFrom('scheduled_jobs')
    .select(['kind', 'state', 'due_at'])
    .where('subject_id', '=', questionId)
    .where('kind', 'like', 'deliberation.%')
    .orderBy('id')
    .execute()
  return {
    state: row.state,
    reason: row.discussion_close_reason,
    closedAt: row.discussion_closed_at === null ? null : new Date(row.discussion_closed_at).toISOString(),
    events: events.map((e) => e.type),
    jobs: jobs.map((j) => `${j.kind}:${j.state}`),
  }
}

describe('the discussion phase', () => {
  it('opens at once when the body raises a question, with the charter’s limits copied onto it', async () => {
    const q = await raisedAt(NOW)
    expect(q).toMatchObject({
      state: 'discussion',
      limits_rule_id: 'deliberation.limits',
      minimum_days: 7,
      maximum_days: 30,
    })
    const view = await getQuestion(t.db, { questionId: q.id, viewerMemberId: t.vera.id, now: t.clock.now() })
    expect(view).toMatchObject({
      discussion: {
        open: true,
        openedAt: '1923-12-02T09:00:00.000Z',
        earliestCloseAt: '1923-12-09T09:00:00.000Z',
        latestCloseAt: '1924-01-01T09:00:00.000Z',
        closedAt: null,
      },
    })
  })

  it('refuses an early close before the minimum (DISCUSSION_TOO_EARLY, deliberation.limits), changing nothing', async () => {
    const q = await raisedAt(NOW)
    const before = await state(q.id)
    t.clock.set('1923-12-09T08:59:59Z')
    const error = await t.refusal((ctx) => closeDiscussion(ctx, { questionId: q.id }))
    expect(error.code).toBe('DISCUSSION_TOO_EARLY')
    expect(error.details).toMatchObject({
      ruleId: 'deliberation.limits',
      earliestCloseAt: '1923-12-09T09:00:00.000Z',
      minimumDays: 7,
    })
    expect(await state(q.id)).toEqual(before)
  })

  it('lets the body close it once the minimum has passed, cancelling the scheduled close', async () => {
    const q = await raisedAt(NOW)
    t.clock.set('1923-12-09T09:00:00Z')
    await t.run((ctx) => closeDiscussion(ctx, { questionId: q.id }))
    expect(await state(q.id)).toEqual({
      state: 'discussed',
      reason: 'early',
      closedAt: '1923-12-09T09:00:00.000Z',
      events: ['question.raised', 'discussion.opened', 'discussion.closed'],
      jobs: ['deliberation.close-discussion:cancelled'],
    })
    const again = await t.refusal((ctx) => closeDiscussion(ctx, { questionId: q.id }))
    expect(again.code).toBe('QUESTION_WRONG_PHASE')
  })

  it('is closed by the scheduler at its maximum, once, with the maximum as its time', async () => {
    const q = await raisedAt(NOW)
    expect((await t.tick('1923-12-31T09:00:00Z')).done).toBe(0)
    expect((await state(q.id)).state).toBe('discussion')
    // The server was down at the maximum; it runs a day late and records the maximum.
    const ran = await t.tick('1924-01-02T12:00:00Z')
    expect(ran.errors).toEqual([])
    expect(await state(q.id)).toEqual({
      state: 'discussed',
      reason: 'maximum',
      closedAt: '1924-01-01T09:00:00.000Z',
      events: ['question.raised', 'discussion.opened', 'discussion.closed'],
      jobs: ['deliberation.close-discussion:done'],
    })
    const closed = (await t.eventsOf('question', q.id)).at(-1)
    expect(closed?.payload).toEqual({ questionId: q.id, reason: 'maximum' })
    await t.tick('1924-01-03T00:00:00Z')
    expect((await state(q.id)).events).toHaveLength(3)
  })

  it('takes no contribution after the maximum even before the scheduler runs, and a late close records the maximum', async () => {
    const q = await raisedAt(NOW)
    t.clock.set('1924-01-01T09:00:01Z')
    const view = await getQuestion(t.db, { questionId: q.id, viewerMemberId: t.vera.id, now: t.clock.now() })
    expect(view).toMatchObject({ state: 'discussion', discussion: { open: false } })
    await t.run((ctx) => closeDiscussion(ctx, { questionId: q.id }))
    expect(await state(q.id)).toMatchObject({
      state: 'discussed',
      reason: 'maximum',
      closedAt: '1924-01-01T09:00:00.000Z',
      jobs: ['deliberation.close-discussion:cancelled'],
    })
  })

  it('opens an initiative’s discussion at the threshold, timed from that signature', async () => {
    t.clock.set(NOW)
    const q = await t.run((ctx) =>
      raiseQuestion(ctx, {
        ...words,
        bodyId: t.tree.unitA1.id,
        origin: 'initiative',
        raisedByMemberId: t.nina.id,
      }),
    )
    expect(q.discussion_opened_at).toBeNull()
    t.clock.set('1923-12-05T10:00:00Z')
    const { question } = await t.run((ctx) => signQuestion(ctx, { questionId: q.id, memberId: t.lidia.id }))
    expect(new Date(question.discussion_latest_close_at ?? 0).toISOString()).toBe('1924-01-04T10:00:00.000Z')
    await t.tick('1924-01-04T10:00:00Z')
    expect(await state(q.id)).toMatchObject({
      state: 'discussed',
      reason: 'maximum',
      closedAt: '1924-01-04T10:00:00.000Z',
    })
  })

  it('keeps the limits it opened under when a new charter version with other limits is adopted', async () => {
    const q = await raisedAt('1924-02-01T09:00:00Z')
    t.clock.set('1924-02-02T09:00:00Z')
    await t.run((ctx) =>
      adoptCharter(ctx, {
        source:
          TEST_CHARTER_YAML +
          DELIBERATION_RULES_YAML.replace(
            '{ id: deliberation.limits, text: Discussions last 7 to 30 days., kind: limits, minimumDays: 7, maximumDays: 30 }',
            '{ id: deliberation.limits-short, text: Discussions last 2 to 10 days., kind: limits, minimumDays: 2, maximumDays: 10 }',
          ),
        fileName: 'second.yaml',
        decision: { kind: 'congress', title: 'Second congress', decidedOn: '1924-02-02' },
        effectiveFrom: '1924-02-02',
      }),
    )
    // Under the new version a new question gets the new limits...
    const fresh = await t.run((ctx) =>
      raiseQuestion(ctx, { ...words, bodyId: t.tree.unitA1.id, origin: 'body' }),
    )
    expect(fresh).toMatchObject({
      limits_rule_id: 'deliberation.limits-short',
      minimum_days: 2,
      maximum_days: 10,
    })
    // ...but the running one keeps its own: closing on day 5 is still too early under its 7 days.
    t.clock.set('1924-02-06T09:00:00Z')
    const early = await t.refusal((ctx) => closeDiscussion(ctx, { questionId: q.id }))
    expect(early.code).toBe('DISCUSSION_TOO_EARLY')
    expect(early.details).toMatchObject({ ruleId: 'deliberation.limits', minimumDays: 7 })
    // Day 12: the new version's maximum has passed for the fresh question, not for the old one.
    await t.tick('1924-02-13T09:00:00Z')
    expect((await state(q.id)).state).toBe('discussion')
    expect(await state(fresh.id)).toMatchObject({
      state: 'discussed',
      reason: 'maximum',
      closedAt: '1924-02-12T09:00:00.000Z',
    })
    await t.tick('1924-03-02T09:00:00Z')
    expect(await state(q.id)).toMatchObject({
      state: 'discussed',
      reason: 'maximum',
      closedAt: '1924-03-02T09:00:00.000Z',
    })
    const row = await t.db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', q.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ limits_rule_id: 'deliberation.limits', minimum_days: 7, maximum_days: 30 })
  })

  it('refuses to close an unknown question with QUESTION_NOT_FOUND', async () => {
    expect((await t.refusal((ctx) => closeDiscussion(ctx, { questionId: 987_654 }))).code).toBe(
      'QUESTION_NOT_FOUND',
    )
  })
})
