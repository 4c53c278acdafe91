import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { declassifyQuestion } from './declassify-question.ts'
import { deliberationJobHandlers } from './deliberation-jobs.ts'
import { getQuestion } from './get-question.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'
import { raiseQuestion } from './raise-question.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
beforeEach(async () => {
  t = await openDeliberationTest()
})
afterEach(async () => {
  await t.database.drop()
})

const raise = (confidential: boolean) =>
  t.run((ctx) =>
    raiseQuestion(ctx, {
      bodyId: t.tree.unitA1.id,
      title: 'Zephyr crossing at the river',
      text: 'The regiment moves at dawn.',
      proposal: 'Requisition the ferry quietly.',
      topic: 'military',
      origin: 'body',
      confidential: confidential ? { audienceMemberIds: [t.nina.id], declassifyOn: '1924-06-01' } : null,
    }),
  )

const declassify = (questionId: number) => t.run((ctx) => declassifyQuestion(ctx, { questionId }))

describe('declassifying a question early', () => {
  it('makes it readable in scope from today, logs it once and cancels the scheduled declassification', async () => {
    const question = await raise(true)
    t.clock.advanceDays(3)
    expect(
      await getQuestion(t.db, { questionId: question.id, viewerMemberId: t.lidia.id, now: t.clock.now() }),
    ).toMatchObject({ redacted: true })

    const declassified = await declassify(question.id)
    expect(declassified).toMatchObject({ confidential: true, declassify_on: '1923-12-05' })
    const read = await getQuestion(t.db, {
      questionId: question.id,
      viewerMemberId: t.lidia.id,
      now: t.clock.now(),
    })
    expect(read).toMatchObject({ redacted: false, title: 'Zephyr crossing at the river' })
    const events = (await t.eventsOf('question', question.id)).filter(
      (e) => e.type === 'question.declassified',
    )
    expect(events.map((e) => [e.payload, e.body_id])).toEqual([
      [{ questionId: question.id }, t.tree.unitA1.id],
    ])
    const jobs = await t.db
      .selectFrom('scheduled_jobs')
      .select('state')
      .where('kind', '=', DELIBERATION_JOB_KINDS.declassify)
      .where('subject_id', '=', question.id)
      .execute()
    expect(jobs.map((job) => job.state)).toEqual(['cancelled'])

    // The old date's job, had it run anyway, would find the moment already logged.
    await deliberationJobHandlers[DELIBERATION_JOB_KINDS.declassify]?.(
      { db: t.db, clock: t.clock, actor: { kind: 'system' } },
      question.id,
    )
    expect(
      (await t.eventsOf('question', question.id)).filter((e) => e.type === 'question.declassified'),
    ).toHaveLength(1)
  })

  it('refuses a question that is not confidential, or one already declassified', async () => {
    const open = await raise(false)
    expect(await t.refusal((ctx) => declassifyQuestion(ctx, { questionId: open.id }))).toMatchObject({
      code: 'CONFLICT',
      details: { questionId: open.id, confidential: false },
    })
    const secret = await raise(true)
    await declassify(secret.id)
    expect((await t.refusal((ctx) => declassifyQuestion(ctx, { questionId: secret.id }))).code).toBe(
      'CONFLICT',
    )
    expect((await t.refusal((ctx) => declassifyQuestion(ctx, { questionId: 987_654 }))).code).toBe(
      'QUESTION_NOT_FOUND',
    )
  })
})
