import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { exportQuestions } from './export-questions.ts'
import { getQuestion } from './get-question.ts'
import { listQuestions } from './list-questions.ts'
import { raiseQuestion } from './raise-question.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
let secret: QuestionRow
let open: QuestionRow

const SECRET = {
  title: 'Zephyr crossing at the river',
  text: 'The regiment moves at dawn.',
  proposal: 'Requisition the ferry quietly.',
  topic: 'military',
}

beforeAll(async () => {
  t = await openDeliberationTest()
  open = await t.run((ctx) =>
    raiseQuestion(ctx, {
      bodyId: t.tree.unitA1.id,
      title: 'Canteen hours',
      text: 'When should it open?',
      proposal: 'At seven.',
      topic: 'canteen',
      origin: 'body',
    }),
  )
  t.clock.advanceDays(1)
  secret = await t.run((ctx) =>
    raiseQuestion(ctx, {
      ...SECRET,
      bodyId: t.tree.unitA1.id,
      origin: 'body',
      confidential: { audienceMemberIds: [t.nina.id], declassifyOn: '1924-06-01' },
    }),
  )
})
afterAll(async () => {
  await t.database.drop()
})

const redacted = () => ({
  id: secret.id,
  bodyId: t.tree.unitA1.id,
  raisedOn: '1923-12-03',
  confidential: true,
  redacted: true,
})

const list = (viewerMemberId: number | null, extra: { q?: string; state?: 'discussion' } = {}) =>
  listQuestions(t.db, { bodyId: t.tree.unitA1.id, viewerMemberId, today: t.today(), ...extra })

async function csv(viewerMemberId: number | null): Promise<string> {
  let text = ''
  for await (const chunk of exportQuestions(t.db, {
    bodyId: t.tree.unitA1.id,
    viewerMemberId,
    today: t.today(),
  }))
    text += chunk
  return text
}

/** Every word of the secret question, each of which must stay out of what outsiders get. */
const secretWords = ['Zephyr', 'regiment', 'ferry', 'military']

function leaks(output: unknown): string[] {
  const text = typeof output === 'string' ? output : JSON.stringify(output)
  return secretWords.filter((word) => text.includes(word))
}

describe('a confidential question', () => {
  it('shows a member in scope outside the audience only that it exists, its date and body', async () => {
    for (const viewer of [t.vera.id, null]) {
      const view = await getQuestion(t.db, {
        questionId: secret.id,
        viewerMemberId: viewer,
        now: t.clock.now(),
      })
      expect(view).toEqual(redacted())
      const page = await list(viewer)
      expect(page.items.map((i) => i.id)).toEqual([secret.id, open.id])
      expect(page.items[0]).toEqual(redacted())
      expect(page.counts).toMatchObject({ discussion: 1, confidential: 1 })
      expect(leaks(page)).toEqual([])
    }
  })

  it('cannot be found by its words, nor picked out by its state, by an outsider', async () => {
    for (const q of ['Zephyr', 'ferry', 'dawn', 'river']) {
      expect((await list(t.vera.id, { q })).items).toEqual([])
    }
    expect((await list(t.vera.id, { state: 'discussion' })).items.map((i) => i.id)).toEqual([open.id])
  })

  it('exports as a row of id, date, body and "confidential" for an outsider', async () => {
    const text = await csv(t.vera.id)
    expect(leaks(text)).toEqual([])
    const lines = text.trim().split('\n')
    expect(lines[0]).toMatch(/^id,raised_on,body_id,body_name,visibility,state,title,/)
    const row = lines.find((line) => line.startsWith(`${secret.id},`))
    expect(row).toBe(`${secret.id},1923-12-03,${t.tree.unitA1.id},Unit A1,confidential${','.repeat(18)}`)
    expect(lines.find((line) => line.startsWith(`${open.id},`))).toContain('Canteen hours')
  })

  it('writes none of its words to the event log', async () => {
    const events = await t.db.selectFrom('events').select(['type', 'payload']).execute()
    expect(leaks(events)).toEqual([])
    const raised = (await t.eventsOf('question', secret.id))[0]
    expect(raised?.payload).toMatchObject({ confidential: true, topic: null })
  })

  it('shows its audience everything, the audience list included', async () => {
    const view = await getQuestion(t.db, {
      questionId: secret.id,
      viewerMemberId: t.nina.id,
      now: t.clock.now(),
    })
    expect(view).toMatchObject({
      redacted: false,
      title: SECRET.title,
      proposal: SECRET.proposal,
      confidential: true,
      declassifyOn: '1924-06-01',
      viewerInAudience: true,
      audience: [{ memberId: t.nina.id, fullName: 'Nina Third' }],
    })
    expect((await list(t.nina.id, { q: 'zephyr' })).items.map((i) => i.id)).toEqual([secret.id])
    expect((await list(t.nina.id)).counts).toMatchObject({ discussion: 2, confidential: 0 })
    expect(await csv(t.nina.id)).toContain(SECRET.title)
  })

  it('becomes visible in scope on its declassification date, logged once; the audience list stays with the audience', async () => {
    const ran = await t.tick('1924-05-31T23:59:59Z')
    expect((await t.eventsOf('question', secret.id)).map((e) => e.type)).not.toContain(
      'question.declassified',
    )
    expect(ran.errors).toEqual([])
    await t.tick('1924-06-01T00:00:00Z')
    await t.tick('1924-06-02T00:00:00Z')
    const declassified = (await t.eventsOf('question', secret.id)).filter(
      (e) => e.type === 'question.declassified',
    )
    expect(declassified.map((e) => e.payload)).toEqual([{ questionId: secret.id }])
    const view = await getQuestion(t.db, {
      questionId: secret.id,
      viewerMemberId: t.vera.id,
      now: t.clock.now(),
    })
    expect(view).toMatchObject({
      redacted: false,
      title: SECRET.title,
      audience: null,
      viewerInAudience: false,
    })
    expect((await list(t.vera.id, { q: 'Zephyr' })).items.map((i) => i.id)).toEqual([secret.id])
    expect(await csv(t.vera.id)).toContain(SECRET.title)
  })

  it('may be kept only on the charter’s topics, and never by initiative', async () => {
    const before = await t.db.selectFrom('questions').select('id').execute()
    const topic = await t.refusal((ctx) =>
      raiseQuestion(ctx, {
        ...SECRET,
        topic: 'canteen',
        bodyId: t.tree.unitA1.id,
        origin: 'body',
        confidential: { audienceMemberIds: [t.nina.id] },
      }),
    )
    expect(topic.code).toBe('CONFIDENTIAL_NOT_ALLOWED')
    expect(topic.details).toMatchObject({ ruleId: 'deliberation.confidential' })
    const initiative = await t.refusal((ctx) =>
      raiseQuestion(ctx, {
        ...SECRET,
        bodyId: t.tree.unitA1.id,
        origin: 'initiative',
        raisedByMemberId: t.vera.id,
        confidential: { audienceMemberIds: [t.nina.id] },
      }),
    )
    expect(initiative.code).toBe('VALIDATION_FAILED')
    expect(await t.db.selectFrom('questions').select('id').execute()).toHaveLength(before.length)
  })
})
