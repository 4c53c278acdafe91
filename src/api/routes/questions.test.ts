import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  NOTHING,
  openQuestionsApiTest,
  type PageBody,
  type QuestionsApiTest,
  WORDS,
} from './questions-fixture.ts'

const SECRET = { title: 'Zephyr crossing', text: 'At dawn.', proposal: 'Take the ferry.', topic: 'military' }

let t: QuestionsApiTest
const ids: Record<string, number> = {}
beforeAll(async () => {
  t = await openQuestionsApiTest()
})
afterAll(async () => t.database.drop())

describe('questions API', () => {
  it('lets the body’s officers raise a question, opening its discussion; members read it with their permissions', async () => {
    expect((await t.refusal(await t.raise('anna'), 403)).code).toBe('FORBIDDEN')
    const raised = await t.ok(await t.raise('secretary'), 201)
    ids.raised = raised.id
    expect(raised).toMatchObject({
      state: 'discussion',
      discussion: { open: true },
      permissions: { ...NOTHING, canManage: true, canModerate: true, canWithdraw: true },
    })
    expect(await t.question(raised.id, 'anna')).toMatchObject({
      title: 'Canteen hours',
      permissions: { ...NOTHING, canComment: true },
    })
    expect((await t.refusal(await t.get(`/api/questions/${raised.id}`, 'boris'), 403)).code).toBe('FORBIDDEN')
    expect((await t.get(`/api/questions/${raised.id}`, '')).status).toBe(401)
  })

  it('refuses an early close with DISCUSSION_TOO_EARLY and the limits rule id, changing nothing', async () => {
    const before = await t.tally()
    const early = await t.refusal(
      await t.post(`/api/questions/${ids.raised}/discussion/close`, 'secretary'),
      409,
    )
    expect(early.code).toBe('DISCUSSION_TOO_EARLY')
    expect(early.details).toMatchObject({ ruleId: 'deliberation.limits', minimumDays: 7 })
    expect(
      (await t.refusal(await t.post(`/api/questions/${ids.raised}/discussion/close`, 'anna'), 403)).code,
    ).toBe('FORBIDDEN')
    expect(await t.tally()).toEqual(before)
  })

  it('runs an initiative: one signature each, members in scope only, the threshold opens the discussion', async () => {
    const started = await t.ok(await t.initiative('anna'), 201)
    ids.initiative = started.id
    expect(started).toMatchObject({
      state: 'collecting',
      signatures: { required: 2, count: 1, signedByViewer: true },
      permissions: { canSign: false, canWithdraw: true, canComment: false },
    })
    expect((await t.question(started.id, 'fyodor')).permissions.canSign).toBe(true)
    const before = await t.tally()
    const twice = await t.refusal(await t.post(`/api/questions/${started.id}/signatures`, 'anna'), 409)
    expect(twice).toMatchObject({ code: 'ALREADY_SIGNED', details: { ruleId: 'deliberation.initiative' } })
    for (const who of ['olga', 'vasily', 'secretary']) {
      const error = await t.refusal(await t.post(`/api/questions/${started.id}/signatures`, who), 403)
      expect(error).toMatchObject({ code: 'NOT_IN_SCOPE', details: { ruleId: 'deliberation.initiative' } })
    }
    expect(
      (await t.refusal(await t.post(`/api/questions/${started.id}/signatures`, 'boris'), 403)).code,
    ).toBe('FORBIDDEN')
    expect(await t.tally()).toEqual(before)

    const signed = await t.ok(await t.post(`/api/questions/${started.id}/signatures`, 'fyodor'), 201)
    expect(signed).toMatchObject({
      state: 'discussion',
      signatures: { required: 2, count: 2, signedByViewer: true },
      discussion: { open: true },
      permissions: { canSign: false, canComment: true },
    })
    // Collected: no more signatures are taken.
    const late = await t.refusal(await t.post(`/api/questions/${started.id}/signatures`, 'fyodor'), 409)
    expect(late.code).toBe('QUESTION_WRONG_PHASE')
  })

  it('refuses initiatives from those outside the body’s members', async () => {
    const before = await t.tally()
    for (const who of ['olga', 'vasily', 'secretary']) {
      const error = await t.refusal(await t.initiative(who), 403)
      expect(error).toMatchObject({ code: 'NOT_IN_SCOPE', details: { ruleId: 'deliberation.initiative' } })
    }
    expect(await t.tally()).toEqual(before)
  })

  it('lets the initiator withdraw while collecting, officers before the vote, and nobody else', async () => {
    const mine = await t.ok(await t.initiative('anna', { title: 'Reading room' }), 201)
    expect((await t.refusal(await t.post(`/api/questions/${mine.id}/withdraw`, 'fyodor'), 403)).code).toBe(
      'FORBIDDEN',
    )
    const withdrawn = await t.ok(await t.post(`/api/questions/${mine.id}/withdraw`, 'anna'))
    expect(withdrawn).toMatchObject({ state: 'withdrawn', permissions: { canWithdraw: false } })
    const again = await t.refusal(await t.post(`/api/questions/${mine.id}/withdraw`, 'anna'), 409)
    expect(again.code).toBe('QUESTION_WRONG_PHASE')
    // Anna's earlier initiative is in discussion now: no longer hers to withdraw, and never the body's.
    const hers = await t.refusal(await t.post(`/api/questions/${ids.initiative}/withdraw`, 'anna'), 409)
    expect(hers.code).toBe('QUESTION_WRONG_PHASE')
    const officers = await t.refusal(
      await t.post(`/api/questions/${ids.initiative}/withdraw`, 'secretary'),
      403,
    )
    expect(officers.code).toBe('FORBIDDEN')
  })

  it('lists a body’s questions with counts, filters, search, keyset pages and permissions', async () => {
    const page = await t.ok<PageBody>(await t.get(`/api/bodies/${t.tree.unitA.id}/questions?limit=2`, 'anna'))
    expect(page.items).toHaveLength(2)
    expect(page.counts).toMatchObject({ discussion: 2, withdrawn: 1, collecting: 0, confidential: 0 })
    expect(page.permissions).toEqual({ canRaise: false, canStartInitiative: true, canExport: false })
    const next = await t.ok<PageBody>(
      await t.get(`/api/bodies/${t.tree.unitA.id}/questions?limit=2&after=${page.nextCursor}`, 'anna'),
    )
    expect(next.items).toHaveLength(1)
    expect(next.nextCursor).toBeNull()
    const withdrawn = await t.ok<PageBody>(
      await t.get(`/api/bodies/${t.tree.unitA.id}/questions?state=withdrawn`, 'anna'),
    )
    expect(withdrawn.items.map((i) => i.title)).toEqual(['Reading room'])
    const found = await t.ok<PageBody>(
      await t.get(`/api/bodies/${t.tree.unitA.id}/questions?q=READING`, 'anna'),
    )
    expect(found.items.map((i) => i.title)).toEqual(['Reading room'])
    const officer = await t.ok<PageBody>(await t.get(`/api/bodies/${t.tree.unitA.id}/questions`, 'secretary'))
    expect(officer.permissions).toEqual({ canRaise: true, canStartInitiative: false, canExport: true })
    expect(
      (await t.refusal(await t.get(`/api/bodies/${t.tree.unitA.id}/questions?after=x`, 'anna'), 400)).code,
    ).toBe('VALIDATION_FAILED')
    expect(
      (await t.refusal(await t.get(`/api/bodies/${t.tree.unitA.id}/questions`, 'boris'), 403)).code,
    ).toBe('FORBIDDEN')
  })

  it('exports the questions as CSV to officers only', async () => {
    const res = await t.get(`/api/bodies/${t.tree.unitA.id}/questions.csv`, 'secretary')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = (await res.text()).trim().split('\n')
    expect(lines[0]).toMatch(/^id,raised_on,body_id,body_name,visibility,state,title/)
    expect(lines).toHaveLength(4)
    expect(
      (await t.refusal(await t.get(`/api/bodies/${t.tree.unitA.id}/questions.csv`, 'anna'), 403)).code,
    ).toBe('FORBIDDEN')
  })

  describe('bad input', () => {
    const raw = (path: string, body: BodyInit) =>
      t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: t.as('secretary') },
        body,
      })

    it('refuses each bad request with a 4xx naming the problem, and changes nothing', async () => {
      const path = `/api/bodies/${t.tree.unitA.id}/questions`
      const before = await t.tally()
      const empty = await t.refusal(await t.raise('secretary', { title: '   ' }), 400)
      expect(empty).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'title' }] } })
      const huge = await t.refusal(await t.raise('secretary', { text: 'x'.repeat(1024 * 1024) }), 413)
      expect(huge.code).toBe('PAYLOAD_TOO_LARGE')
      const long = await t.refusal(await t.raise('secretary', { proposal: 'y'.repeat(25_000) }), 400)
      expect(long.details.issues).toMatchObject([{ path: 'proposal' }])
      const control = await t.refusal(await t.raise('secretary', { proposal: 'At seven.\u0007' }), 400)
      expect(control.details.issues).toMatchObject([{ path: 'proposal' }])
      const initiativeControl = await t.refusal(await t.initiative('anna', { title: 'Bell\u0000' }), 400)
      expect(initiativeControl.details.issues).toMatchObject([{ path: 'title' }])
      const bytes = Buffer.concat([
        Buffer.from(JSON.stringify({ ...WORDS, proposal: 'X' }).replace('"X"', '"')),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}'),
      ])
      const utf8 = await t.refusal(await raw(path, bytes), 400)
      expect(utf8).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'invalid-utf8' } })
      const badTopic = await t.refusal(await t.raise('secretary', { topic: 'Canteen Hours!' }), 400)
      expect(badTopic.details.issues).toMatchObject([{ path: 'topic' }])
      const past = await t.refusal(
        await t.raise('secretary', {
          ...SECRET,
          confidential: { audienceMemberIds: [t.fyodorId], declassifyOn: '1923-01-01' },
        }),
        400,
      )
      expect(past.details).toMatchObject({
        ruleId: 'deliberation.confidential',
        issues: [{ path: 'confidential.declassifyOn' }],
      })
      const notAllowed = await t.refusal(
        await t.raise('secretary', { confidential: { audienceMemberIds: [t.fyodorId] } }),
        422,
      )
      expect(notAllowed).toMatchObject({
        code: 'CONFIDENTIAL_NOT_ALLOWED',
        details: { ruleId: 'deliberation.confidential' },
      })
      const unknownMember = await t.refusal(
        await t.raise('secretary', { ...SECRET, confidential: { audienceMemberIds: [987_654] } }),
        404,
      )
      expect(unknownMember.code).toBe('MEMBER_NOT_FOUND')
      expect((await t.refusal(await t.raise('admin', {}, 987_654), 404)).code).toBe('BODY_NOT_FOUND')
      expect((await t.refusal(await t.initiative('anna', {}, 987_654), 404)).code).toBe('BODY_NOT_FOUND')
      for (const path of ['signatures', 'discussion/close', 'withdraw']) {
        expect((await t.refusal(await t.post(`/api/questions/987654/${path}`, 'admin'), 404)).code).toBe(
          'QUESTION_NOT_FOUND',
        )
      }
      expect((await t.refusal(await t.get('/api/questions/987654', 'anna'), 404)).code).toBe(
        'QUESTION_NOT_FOUND',
      )
      expect((await t.refusal(await t.get('/api/questions/abc', 'anna'), 400)).code).toBe('VALIDATION_FAILED')
      expect((await t.refusal(await t.get(`/api/bodies/987654/questions`, 'admin'), 404)).code).toBe(
        'BODY_NOT_FOUND',
      )
      expect(await t.tally()).toEqual(before)
    })
  })

  it('lists a major question with the rule that made it major, so a list can cite it', async () => {
    const major = await t.ok(await t.raise('admin', { topic: 'economic-policy' }, t.tree.unitB.id), 201)
    const page = await t.ok<PageBody>(await t.get(`/api/bodies/${t.tree.unitB.id}/questions`, 'admin'))
    expect(page.items.find((item) => item.id === major.id)).toMatchObject({
      major: true,
      majorRuleId: 'deliberation.major',
    })
  })
})
