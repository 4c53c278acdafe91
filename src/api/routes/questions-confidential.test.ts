import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOTHING, openQuestionsApiTest, type QuestionsApiTest } from './questions-fixture.ts'

const SECRET = {
  title: 'Zephyr crossing at the river',
  text: 'The regiment moves at dawn.',
  proposal: 'Requisition the ferry quietly.',
  topic: 'military',
}
/** Every word of the secret question, each of which must stay out of what outsiders get. */
const secretWords = ['Zephyr', 'regiment', 'ferry', 'Requisition']

let t: QuestionsApiTest
const ids: Record<string, number> = {}
beforeAll(async () => {
  t = await openQuestionsApiTest()
  ids.raised = (await t.ok(await t.raise('secretary'), 201)).id
})
afterAll(async () => t.database.drop())

describe('a confidential question', () => {
  const leaks = (text: string) => secretWords.filter((word) => text.includes(word))

  it('is raised with a named audience; even the officer who raised it sees the redacted shape', async () => {
    const res = await t.raise('secretary', {
      ...SECRET,
      confidential: { audienceMemberIds: [t.fyodorId], declassifyOn: '1924-06-01' },
    })
    const raised = await t.ok(res, 201)
    ids.secret = raised.id
    expect(raised).toEqual({
      id: raised.id,
      bodyId: t.tree.unitA.id,
      raisedOn: '1923-12-02',
      confidential: true,
      redacted: true,
      permissions: NOTHING,
    })
  })

  it('shows outsiders in scope only its existence: get, list, search, state filter, counts, CSV, event log', async () => {
    for (const who of ['anna', 'secretary', 'admin']) {
      const res = await t.get(`/api/questions/${ids.secret}`, who)
      const text = await res.text()
      expect(res.status).toBe(200)
      expect(leaks(text)).toEqual([])
      expect(JSON.parse(text)).toMatchObject({ redacted: true, permissions: NOTHING })
      const page = await t.list(who)
      expect(page.items[0]).toEqual({
        id: ids.secret,
        bodyId: t.tree.unitA.id,
        raisedOn: '1923-12-02',
        confidential: true,
        redacted: true,
      })
      expect(page.counts.confidential).toBe(1)
      expect(leaks(JSON.stringify(page))).toEqual([])
      for (const q of ['Zephyr', 'ferry', 'dawn']) expect((await t.list(who, `?q=${q}`)).items).toEqual([])
      expect((await t.list(who, '?state=discussion')).items.map((i) => i.id)).not.toContain(ids.secret)
    }
    const csv = await (await t.get(`/api/bodies/${t.tree.unitA.id}/questions.csv`, 'secretary')).text()
    expect(leaks(csv)).toEqual([])
    expect(csv).toContain(`${ids.secret},1923-12-02,${t.tree.unitA.id},Mill A,confidential,,`)
    const log = await t.get(`/api/bodies/${t.tree.unitA.id}/events?limit=200`, 'admin')
    expect(log.status).toBe(200)
    expect(leaks(await log.text())).toEqual([])
  })

  it('refuses officers outside the audience any act on it (CONFIDENTIAL), changing nothing', async () => {
    const before = await t.tally()
    for (const path of ['discussion/close', 'withdraw']) {
      expect(
        (await t.refusal(await t.post(`/api/questions/${ids.secret}/${path}`, 'secretary'), 403)).code,
      ).toBe('CONFIDENTIAL')
    }
    expect(await t.tally()).toEqual(before)
  })

  it('shows its audience everything, the audience list included', async () => {
    expect(await t.question(ids.secret as number, 'fyodor')).toMatchObject({
      redacted: false,
      title: SECRET.title,
      audience: [{ memberId: t.fyodorId, fullName: 'Fyodor F' }],
      permissions: { canComment: true },
    })
    expect((await t.list('fyodor', '?q=zephyr')).items.map((i) => i.id)).toEqual([ids.secret])
  })

  it('is visible in scope from its declassification date, logged as question.declassified', async () => {
    await t.tick('1924-06-01T00:00:00Z')
    expect(await t.question(ids.secret as number, 'anna')).toMatchObject({
      redacted: false,
      title: SECRET.title,
      audience: null,
    })
    expect((await t.list('anna', '?q=Zephyr')).items.map((i) => i.id)).toEqual([ids.secret])
    const events = await t.database.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('subject_kind', '=', 'question')
      .where('subject_id', '=', ids.secret as number)
      .where('type', '=', 'question.declassified')
      .execute()
    expect(events.map((e) => e.payload)).toEqual([{ questionId: ids.secret }])
    // The other discussions ran past their maximum meanwhile and were closed by the scheduler.
    expect(await t.question(ids.raised as number, 'anna')).toMatchObject({
      state: 'discussed',
      discussion: { open: false, closeReason: 'maximum' },
    })
  })
})
