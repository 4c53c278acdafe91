import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerMember } from '../members/register-member.ts'
import { getQuestion } from './get-question.ts'
import { listQuestions } from './list-questions.ts'
import { raiseQuestion } from './raise-question.ts'
import { signQuestion } from './sign-question.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'
import { withdrawQuestion } from './withdraw-question.ts'
import { writeDecision } from './write-decision.ts'

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

/** An initiative in unit A1 started by `memberId` (five members take part there: two signatures needed). */
const initiative = (memberId: number, bodyId = t.tree.unitA1.id) =>
  t.run((ctx) => raiseQuestion(ctx, { ...words, bodyId, origin: 'initiative', raisedByMemberId: memberId }))

const sign = (questionId: number, memberId: number | null) =>
  t.run((ctx) => signQuestion(ctx, { questionId, memberId }))

async function snapshot(questionId: number) {
  const signatures = await t.db
    .selectFrom('question_signatures')
    .select('member_id')
    .where('question_id', '=', questionId)
    .orderBy('member_id')
    .execute()
  const events = await t.eventsOf('question', questionId)
  const question = await t.db
    .selectFrom('questions')
    .selectAll()
    .where('id', '=', questionId)
    .executeTakeFirst()
  return { signatures: signatures.map((s) => s.member_id), events: events.length, question }
}

describe('signing an initiative', () => {
  it('starts with the initiator’s signature and needs a quarter of the members in scope', async () => {
    const q = await initiative(t.vera.id)
    expect(q).toMatchObject({ state: 'collecting', signatures_required: 2, signatures_count: 1 })
    expect((await snapshot(q.id)).signatures).toEqual([t.vera.id])
  })

  it('refuses a second signature by the same member with ALREADY_SIGNED, counting nothing', async () => {
    const q = await initiative(t.vera.id)
    const before = await snapshot(q.id)
    const error = await t.refusal((ctx) => signQuestion(ctx, { questionId: q.id, memberId: t.vera.id }))
    expect(error.code).toBe('ALREADY_SIGNED')
    expect(error.details).toMatchObject({ ruleId: 'deliberation.initiative' })
    expect(await snapshot(q.id)).toEqual(before)
  })

  it('refuses an applicant, a member of another unit, an outsider and an account without a member (NOT_IN_SCOPE)', async () => {
    const q = await initiative(t.vera.id)
    const before = await snapshot(q.id)
    for (const memberId of [t.olga.id, t.anton.id, t.boris.id, null]) {
      const error = await t.refusal((ctx) => signQuestion(ctx, { questionId: q.id, memberId }))
      expect(error.code).toBe('NOT_IN_SCOPE')
      expect(error.details).toMatchObject({ ruleId: 'deliberation.initiative' })
    }
    expect(await snapshot(q.id)).toEqual(before)
  })

  it('opens the discussion with the signature that reaches the threshold, and takes no more', async () => {
    const q = await initiative(t.vera.id)
    const result = await sign(q.id, t.kolya.id)
    expect(result.openedDiscussion).toBe(true)
    expect(result.question).toMatchObject({
      state: 'discussion',
      signatures_count: 2,
      limits_rule_id: 'deliberation.limits',
      minimum_days: 7,
      maximum_days: 30,
    })
    expect(new Date(result.question.discussion_latest_close_at ?? 0).toISOString()).toBe(
      '1924-01-01T09:00:00.000Z',
    )
    const events = await t.eventsOf('question', q.id)
    expect(events.map((e) => e.type)).toEqual(['question.raised', 'question.signed', 'discussion.opened'])
    expect(events[1]?.payload).toEqual({ questionId: q.id, memberId: t.kolya.id, signatures: 2 })
    const jobs = await t.db
      .selectFrom('scheduled_jobs')
      .select(['kind', 'state'])
      .where('subject_id', '=', q.id)
      .where('kind', '=', 'deliberation.close-discussion')
      .execute()
    expect(jobs).toEqual([{ kind: 'deliberation.close-discussion', state: 'pending' }])

    const late = await t.refusal((ctx) => signQuestion(ctx, { questionId: q.id, memberId: t.nina.id }))
    expect(late.code).toBe('QUESTION_WRONG_PHASE')
    expect((await snapshot(q.id)).signatures).toEqual([t.vera.id, t.kolya.id])
  })

  it('refuses an unknown question with QUESTION_NOT_FOUND', async () => {
    expect(
      (await t.refusal((ctx) => signQuestion(ctx, { questionId: 987_654, memberId: t.vera.id }))).code,
    ).toBe('QUESTION_NOT_FOUND')
  })

  it('counts each signature once when signers race, and opens the discussion once', async () => {
    // Seven more members in unit A2 make thirteen in district A: four signatures needed.
    const extra = await t.run(async (ctx) => {
      const ids: number[] = []
      for (let i = 0; i < 7; i++) {
        const m = await registerMember(ctx, {
          unitId: t.tree.unitA2.id,
          fullName: `Extra ${i}`,
          joinedOn: '1918-01-01',
          category: 'worker',
          status: 'full',
        })
        ids.push(m.id)
      }
      return ids
    })
    const q = await initiative(t.vera.id, t.tree.districtA.id)
    expect(q.signatures_required).toBe(4)
    // The same member twice at once: one signature, one ALREADY_SIGNED.
    const twice = await Promise.allSettled([sign(q.id, t.semyon.id), sign(q.id, t.semyon.id)])
    expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const rejected = twice.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toMatchObject({ code: 'ALREADY_SIGNED' })
    expect((await snapshot(q.id)).question?.signatures_count).toBe(2)
    // Four members at once for the two signatures still needed: two count, the rest find it open.
    const race = await Promise.allSettled(
      [t.nina.id, t.lidia.id, t.anton.id, extra[0] as number].map((m) => sign(q.id, m)),
    )
    const fulfilled = race.filter((r) => r.status === 'fulfilled')
    expect(fulfilled).toHaveLength(2)
    for (const r of race)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'QUESTION_WRONG_PHASE' })
    const after = await snapshot(q.id)
    expect(after.question).toMatchObject({ state: 'discussion', signatures_count: 4 })
    expect(after.signatures).toHaveLength(4)
    const opened = (await t.eventsOf('question', q.id)).filter((e) => e.type === 'discussion.opened')
    expect(opened).toHaveLength(1)
  })
})

describe('withdrawing a question', () => {
  it('lets the initiator withdraw their initiative while it collects, and nobody else but officers', async () => {
    const q = await initiative(t.vera.id)
    const stranger = await t.refusal((ctx) =>
      withdrawQuestion(ctx, { questionId: q.id, initiatorMemberId: t.semyon.id }),
    )
    expect(stranger.code).toBe('FORBIDDEN')
    const withdrawn = await t.run((ctx) =>
      withdrawQuestion(ctx, { questionId: q.id, initiatorMemberId: t.vera.id }),
    )
    expect(withdrawn.state).toBe('withdrawn')
    const events = await t.eventsOf('question', q.id)
    expect(events.at(-1)).toMatchObject({
      type: 'question.withdrawn',
      payload: { questionId: q.id, fromState: 'collecting' },
    })
    const again = await t.refusal((ctx) =>
      withdrawQuestion(ctx, { questionId: q.id, initiatorMemberId: t.vera.id }),
    )
    expect(again.code).toBe('QUESTION_WRONG_PHASE')
  })

  it('lets neither the initiator once the discussion opened, nor the body ever, withdraw an initiative', async () => {
    const q = await initiative(t.vera.id)
    const byBody = await t.refusal((ctx) => withdrawQuestion(ctx, { questionId: q.id }))
    expect(byBody.code).toBe('FORBIDDEN')
    await sign(q.id, t.semyon.id)
    const late = await t.refusal((ctx) =>
      withdrawQuestion(ctx, { questionId: q.id, initiatorMemberId: t.vera.id }),
    )
    expect(late.code).toBe('QUESTION_WRONG_PHASE')
    const stillByBody = await t.refusal((ctx) => withdrawQuestion(ctx, { questionId: q.id }))
    expect(stillByBody.code).toBe('FORBIDDEN')
  })

  it('lets the body withdraw a question it put, cancelling the scheduled close', async () => {
    const q = await t.run((ctx) => raiseQuestion(ctx, { ...words, bodyId: t.tree.unitA1.id, origin: 'body' }))
    const withdrawn = await t.run((ctx) => withdrawQuestion(ctx, { questionId: q.id }))
    expect(withdrawn.state).toBe('withdrawn')
    const jobs = await t.db
      .selectFrom('scheduled_jobs')
      .select('state')
      .where('subject_id', '=', q.id)
      .where('kind', '=', 'deliberation.close-discussion')
      .execute()
    expect(jobs).toEqual([{ state: 'cancelled' }])
  })

  it('refuses to withdraw a decided question (QUESTION_WRONG_PHASE), changing nothing', async () => {
    const q = await t.run((ctx) => raiseQuestion(ctx, { ...words, bodyId: t.tree.unitA1.id, origin: 'body' }))
    await t.run((ctx) =>
      writeDecision(ctx, {
        question: q,
        kind: 'recorded',
        outcome: 'adopted',
        exception: null,
        discussionCompleted: false,
        charterVersionId: q.charter_version_id,
        decidedAt: ctx.clock.now(),
        recordedSource: 'Minutes of the unit meeting',
      }),
    )
    const before = await snapshot(q.id)
    const error = await t.refusal((ctx) => withdrawQuestion(ctx, { questionId: q.id }))
    expect(error.code).toBe('QUESTION_WRONG_PHASE')
    expect(error.details).toMatchObject({ state: 'decided' })
    expect(await snapshot(q.id)).toEqual(before)
  })
})

describe('reading questions', () => {
  it('shows the full view with signatures, discussion and counts, and the viewer’s own standing', async () => {
    const q = await initiative(t.vera.id)
    const view = await getQuestion(t.db, { questionId: q.id, viewerMemberId: t.vera.id, now: t.clock.now() })
    expect(view).toMatchObject({
      redacted: false,
      title: 'Canteen hours',
      state: 'collecting',
      signatures: { required: 2, count: 1, signedByViewer: true },
      discussion: { open: false, openedAt: null },
      support: { count: 0, supportedByViewer: false },
      comments: { visible: 0, hidden: 0 },
      decisionId: null,
      audience: null,
    })
    const other = await getQuestion(t.db, { questionId: q.id, viewerMemberId: t.nina.id, now: t.clock.now() })
    expect(other).toMatchObject({ signatures: { signedByViewer: false } })
    await expect(
      getQuestion(t.db, { questionId: 987_654, viewerMemberId: null, now: t.clock.now() }),
    ).rejects.toMatchObject({ code: 'QUESTION_NOT_FOUND' })
  })

  it('pages a body’s questions latest first with an opaque cursor, filters by state, and counts per state', async () => {
    const body = t.tree.unitB1
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      t.clock.advanceDays(0.01)
      const q = await t.run((ctx) =>
        raiseQuestion(ctx, { ...words, title: `Question ${i}`, bodyId: body.id, origin: 'body' }),
      )
      ids.push(q.id)
    }
    await t.run((ctx) => withdrawQuestion(ctx, { questionId: ids[0] as number }))
    const read = (after?: string, state?: 'withdrawn') =>
      listQuestions(t.db, {
        bodyId: body.id,
        viewerMemberId: t.boris.id,
        today: t.today(),
        limit: 2,
        ...(after ? { after } : {}),
        ...(state ? { state } : {}),
      })
    const first = await read()
    expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]])
    expect(first.counts).toMatchObject({ discussion: 4, withdrawn: 1, confidential: 0 })
    const second = await read(first.nextCursor ?? undefined)
    expect(second.items.map((i) => i.id)).toEqual([ids[2], ids[1]])
    const third = await read(second.nextCursor ?? undefined)
    expect(third.items.map((i) => i.id)).toEqual([ids[0]])
    expect(third.nextCursor).toBeNull()
    expect((await read(undefined, 'withdrawn')).items.map((i) => i.id)).toEqual([ids[0]])
    await expect(read('not-a-cursor')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(
      listQuestions(t.db, { bodyId: 987_654, viewerMemberId: null, today: t.today() }),
    ).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' })
  })

  it('searches the words literally: LIKE wildcards match only themselves', async () => {
    const bodyId = t.tree.regionB.id
    const plain = await t.run((ctx) =>
      raiseQuestion(ctx, {
        ...words,
        title: 'Tractor repairs',
        proposal: 'Repair 100% of them',
        bodyId,
        origin: 'body',
      }),
    )
    await t.run((ctx) => raiseQuestion(ctx, { ...words, title: 'Seed grain', bodyId, origin: 'body' }))
    const search = async (q: string) =>
      (await listQuestions(t.db, { bodyId, viewerMemberId: null, today: t.today(), q })).items.map(
        (i) => i.id,
      )
    expect(await search('tractor')).toEqual([plain.id])
    expect(await search('100%')).toEqual([plain.id])
    expect(await search('%')).toEqual([plain.id])
    expect(await search('_')).toEqual([])
  })
})
