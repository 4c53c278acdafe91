import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { adoptCharter } from '../../core/charter/adopt-charter.ts'
import { raiseQuestion } from '../../core/deliberation/raise-question.ts'
import { DELIBERATION_RULES_YAML } from '../../core/deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../../core/mandates/test-charter.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { systemActor } from '../../core/shared/actor.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import { JSON_LIMIT } from '../app.ts'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

interface ErrorBody {
  code: string
  message: string
  details: Record<string, unknown>
}
interface CommentBody {
  id: number
  parentId: number | null
  depth: number
  author: { memberId: number; name: string }
  kind: string
  body: string | null
  diff: { kind: string; text: string }[] | null
  support: { count: number; supportedByMe: boolean }
  hidden: {
    reason: string
    hiddenAt: string
    note?: string | null
    hiddenBy?: { name: string } | null
  } | null
  permissions: { canHide: boolean; canSupport: boolean }
}
interface PageBody {
  items: CommentBody[]
  proposalSupport: { count: number; supportedByMe: boolean }
  nextCursor: string | null
  permissions: { canComment: boolean; canSupport: boolean; canModerate: boolean; canAudit: boolean }
}

const PROPOSAL = 'Close the mill canteen on Sundays and give the savings to the school.'

describe('free criticism API', () => {
  let t: Awaited<ReturnType<typeof openApiTest>>
  const cookies: Record<string, string> = {}
  let questionId = 0
  let secretId = 0
  let fyodorId = 0

  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))

  beforeAll(async () => {
    t = await openApiTest()
    await run(async (ctx) => {
      await adoptCharter(ctx, {
        source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML,
        fileName: 'charter.yaml',
        decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
        effectiveFrom: '1920-01-01',
      })
      const unitA = t.tree.unitA.id
      const member = (fullName: string, status: 'full' | 'applicant') =>
        registerMember(ctx, { unitId: unitA, fullName, joinedOn: '1918-01-01', category: 'worker', status })
      fyodorId = (await member('Fyodor F', 'full')).id
      const olgaId = (await member('Olga Applicant', 'applicant')).id
      for (const [email, memberId, unitId] of [
        ['fyodor@example.org', fyodorId, unitA],
        ['olga@example.org', olgaId, unitA],
        ['boris@example.org', t.tree.memberB.id, t.tree.unitB.id],
      ] as const) {
        const account = await createAccount(ctx, { email, displayName: email, password: PASSWORD, memberId })
        await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: unitId })
      }
      const auditor = await createAccount(ctx, {
        email: 'auditor@example.org',
        displayName: 'Auditor A',
        password: PASSWORD,
      })
      await grantRole(ctx, { accountId: auditor.id, role: 'auditor', bodyId: t.tree.regionA.id })
      const raise = {
        bodyId: t.tree.districtA.id,
        text: 'The canteen runs at a loss.',
        origin: 'body',
      } as const
      questionId = (
        await raiseQuestion(ctx, {
          ...raise,
          title: 'The canteen',
          proposal: PROPOSAL,
          topic: 'economic-policy',
        })
      ).id
      secretId = (
        await raiseQuestion(ctx, {
          ...raise,
          title: 'Guarding the depot',
          proposal: 'Double the night guard at the depot.',
          topic: 'military',
          confidential: { audienceMemberIds: [fyodorId] },
        })
      ).id
    })
    await signIn()
  })
  afterAll(async () => t.database.drop())

  async function signIn() {
    for (const name of ['admin', 'anna', 'fyodor', 'olga', 'boris', 'auditor']) {
      cookies[name] = await t.signInAs(`${name}@example.org`)
    }
    cookies.secretary = await t.signInAs('sec.a@example.org')
  }

  const get = (path: string, who: string) => t.app.request(path, { headers: { cookie: cookies[who] ?? '' } })
  const send = (method: string, path: string, who: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', cookie: cookies[who] ?? '' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const comment = (who: string, body: Record<string, unknown>, id = questionId) =>
    send('POST', `/api/questions/${id}/comments`, who, { kind: 'comment', ...body })
  const page = async (who: string, id = questionId) => {
    const res = await get(`/api/questions/${id}/comments`, who)
    expect(res.status).toBe(200)
    return (await res.json()) as PageBody
  }
  async function refused(res: Response, status: number, code: string): Promise<ErrorBody> {
    const body = (await res.json()) as ErrorBody
    expect({ status: res.status, code: body.code }).toEqual({ status, code })
    return body
  }
  async function commentCount(): Promise<number> {
    const rows = await t.database.db.selectFrom('question_comments').select('id').execute()
    return rows.length
  }

  describe('posting', () => {
    it('threads replies, counter-proposals and amendments, each signed, with a diff for the amendment', async () => {
      const rootRes = await comment('anna', { body: 'The night shift eats there on Sundays.' })
      expect(rootRes.status).toBe(201)
      const root = (await rootRes.json()) as CommentBody
      expect(root).toMatchObject({
        author: { name: 'Anna A' },
        depth: 0,
        parentId: null,
        body: expect.any(String),
      })
      expect(root.permissions).toEqual({ canHide: false, canSupport: true })

      const reply = (await (
        await comment('fyodor', { body: 'Then open it for the night shift only.', parentId: root.id })
      ).json()) as CommentBody
      expect(reply).toMatchObject({ parentId: root.id, depth: 1, author: { memberId: fyodorId } })

      const counter = await comment('fyodor', {
        kind: 'counter-proposal',
        body: 'Keep it open; raise prices.',
      })
      expect(counter.status).toBe(201)
      const amendment = (await (
        await comment('anna', {
          kind: 'amendment',
          body: 'Saturdays hurt nobody.',
          amendedProposal: 'Close the mill canteen on Saturdays and give the savings to the school.',
        })
      ).json()) as CommentBody
      expect(amendment.diff?.filter((p) => p.kind !== 'same')).toEqual([
        { kind: 'removed', text: 'Sundays' },
        { kind: 'added', text: 'Saturdays' },
      ])

      const thread = await page('anna')
      expect(thread.items.map((c) => [c.kind, c.parentId, c.depth])).toEqual([
        ['comment', null, 0],
        ['comment', root.id, 1],
        ['counter-proposal', null, 0],
        ['amendment', null, 0],
      ])
      expect(thread.permissions).toEqual({
        canComment: true,
        canSupport: true,
        canModerate: false,
        canAudit: false,
      })
      const officer = await page('secretary')
      expect(officer.permissions).toMatchObject({ canComment: false, canModerate: true })
      expect(officer.items.every((c) => c.permissions.canHide)).toBe(true)
    })

    it('refuses members of another region, applicants and officers without a member, citing the rule', async () => {
      const before = { comments: await commentCount(), events: await t.eventCount() }
      for (const who of ['boris', 'olga', 'secretary']) {
        const body = await refused(await comment(who, { body: 'May I?' }), 403, 'NOT_IN_SCOPE')
        expect(body.details.ruleId).toBe('deliberation.criticism')
        const support = await refused(
          await send('PUT', `/api/questions/${questionId}/support`, who),
          403,
          'NOT_IN_SCOPE',
        )
        expect(support.details.ruleId).toBe('deliberation.criticism')
      }
      // Outside the body's reach the thread is not readable either.
      await refused(await get(`/api/questions/${questionId}/comments`, 'boris'), 403, 'FORBIDDEN')
      expect({ comments: await commentCount(), events: await t.eventCount() }).toEqual(before)
    })
  })

  describe('protection of criticism', () => {
    it('refuses deletion to the body’s secretary and the admin alike, and keeps the comment', async () => {
      const target = (await page('anna')).items[0]
      const before = { comments: await commentCount(), events: await t.eventCount() }
      for (const who of ['secretary', 'admin', 'anna']) {
        const body = await refused(
          await send('DELETE', `/api/comments/${target?.id}`, who),
          409,
          'CRITICISM_PROTECTED',
        )
        expect(body.details.ruleId).toBe('deliberation.criticism')
        expect(body.message).toMatch(/hide it for conduct/)
      }
      await refused(await send('DELETE', '/api/comments/999999', 'secretary'), 404, 'COMMENT_NOT_FOUND')
      expect({ comments: await commentCount(), events: await t.eventCount() }).toEqual(before)
      expect((await page('anna')).items[0]).toEqual(target)
    })

    it('hides for conduct only: members see that and why, the author and auditors read the text', async () => {
      const rude = (await (
        await comment('anna', { body: 'Fyodor is a glutton and a [insult].' })
      ).json()) as CommentBody
      const path = `/api/comments/${rude.id}/hide`
      const before = { events: await t.eventCount() }
      await refused(await send('POST', path, 'fyodor', { reason: 'abuse' }), 403, 'FORBIDDEN')
      const wrong = await refused(
        await send('POST', path, 'secretary', { reason: 'disagreement' }),
        400,
        'VALIDATION_FAILED',
      )
      expect(wrong.details).toMatchObject({
        ruleId: 'deliberation.criticism',
        allowed: ['abuse', 'threat', 'personal-data', 'spam'],
      })
      expect(await t.eventCount()).toBe(before.events)

      const hid = await send('POST', path, 'secretary', { reason: 'abuse', note: 'Name-calling' })
      expect(hid.status).toBe(200)
      expect(((await hid.json()) as CommentBody).permissions.canHide).toBe(false)
      await refused(await send('POST', path, 'secretary', { reason: 'spam' }), 409, 'CONFLICT')

      const seenBy = async (who: string) => (await page(who)).items.find((c) => c.id === rude.id)
      expect(await seenBy('fyodor')).toMatchObject({ body: null, hidden: { reason: 'abuse' } })
      expect((await seenBy('fyodor'))?.hidden).not.toHaveProperty('note')
      expect(await seenBy('anna')).toMatchObject({
        body: 'Fyodor is a glutton and a [insult].',
        hidden: { reason: 'abuse', note: 'Name-calling', hiddenBy: { name: 'Secretary A' } },
      })
      expect(await seenBy('auditor')).toMatchObject({
        body: 'Fyodor is a glutton and a [insult].',
        hidden: { hiddenBy: { name: 'Secretary A' } },
      })
      expect((await page('auditor')).permissions.canAudit).toBe(true)

      const events = await t.database.db
        .selectFrom('events')
        .select(['type', 'payload'])
        .where('type', '=', 'comment.hidden')
        .execute()
      expect(events.map((e) => e.payload)).toEqual([{ questionId, commentId: rude.id, reason: 'abuse' }])
    })
  })

  describe('supports', () => {
    it('counts each member once, for the proposal and for a counter-proposal', async () => {
      const proposal = `/api/questions/${questionId}/support`
      for (const who of ['anna', 'anna', 'fyodor'])
        expect((await send('PUT', proposal, who)).status).toBe(200)
      const withdrawn = await send('DELETE', proposal, 'anna')
      expect(await withdrawn.json()).toEqual({ questionId, commentId: null, supported: false, count: 1 })
      const counter = (await page('anna')).items.find((c) => c.kind === 'counter-proposal')
      const path = `/api/comments/${counter?.id}/support`
      for (const who of ['anna', 'fyodor', 'fyodor']) expect((await send('PUT', path, who)).status).toBe(200)
      const seen = await page('fyodor')
      expect(seen.proposalSupport).toEqual({ count: 1, supportedByMe: true })
      expect(seen.items.find((c) => c.id === counter?.id)?.support).toEqual({ count: 2, supportedByMe: true })
      const changes = await t.database.db
        .selectFrom('events')
        .select('id')
        .where('type', '=', 'support.changed')
        .execute()
      expect(changes).toHaveLength(5)
      await refused(await send('PUT', '/api/comments/999999/support', 'anna'), 404, 'COMMENT_NOT_FOUND')
      await refused(await send('PUT', '/api/questions/999999/support', 'anna'), 404, 'QUESTION_NOT_FOUND')
    })
  })

  describe('a confidential question', () => {
    it('gives members outside its audience CONFIDENTIAL, with none of its words, and takes its audience’s criticism', async () => {
      expect((await comment('fyodor', { body: 'Three guards, not two.' }, secretId)).status).toBe(201)
      const before = { comments: await commentCount(), events: await t.eventCount() }
      for (const who of ['anna', 'secretary', 'auditor']) {
        const listed = await refused(
          await get(`/api/questions/${secretId}/comments`, who),
          403,
          'CONFIDENTIAL',
        )
        expect(JSON.stringify(listed)).not.toMatch(/guard/i)
      }
      await refused(await comment('anna', { body: 'What depot?' }, secretId), 403, 'CONFIDENTIAL')
      await refused(await send('PUT', `/api/questions/${secretId}/support`, 'anna'), 403, 'CONFIDENTIAL')
      expect({ comments: await commentCount(), events: await t.eventCount() }).toEqual(before)
      expect((await page('fyodor', secretId)).items.map((c) => c.body)).toEqual(['Three guards, not two.'])
    })
  })

  describe('bad input', () => {
    it('refuses bad text and unknown ids with 4xx, changing nothing', async () => {
      const before = { comments: await commentCount(), events: await t.eventCount() }
      const path = `/api/questions/${questionId}/comments`
      for (const body of ['', '   ', 'x'.repeat(10_001), 'ring\u0007ring', 'nul\u0000']) {
        const error = await refused(await comment('anna', { body }), 400, 'VALIDATION_FAILED')
        expect(error.details.issues).toEqual([expect.objectContaining({ path: 'body' })])
      }
      await refused(await comment('anna', { kind: 'essay', body: 'Hello.' }), 400, 'VALIDATION_FAILED')
      await refused(await comment('anna', { body: 'x'.repeat(JSON_LIMIT) }), 413, 'PAYLOAD_TOO_LARGE')
      const bytes = new Uint8Array([
        ...new TextEncoder().encode('{"body":"caf'),
        0xc3,
        0x28,
        ...new TextEncoder().encode('"}'),
      ])
      const invalid = await t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies.anna ?? '' },
        body: bytes,
      })
      expect((await refused(invalid, 400, 'VALIDATION_FAILED')).details).toMatchObject({
        reason: 'invalid-utf8',
      })
      await refused(await comment('anna', { body: 'Hello?' }, 999_999), 404, 'QUESTION_NOT_FOUND')
      await refused(await comment('anna', { body: 'Reply.', parentId: 999_999 }), 404, 'COMMENT_NOT_FOUND')
      await refused(
        await send('POST', '/api/comments/999999/hide', 'secretary', { reason: 'spam' }),
        404,
        'COMMENT_NOT_FOUND',
      )
      await refused(await get('/api/questions/abc/comments', 'anna'), 400, 'VALIDATION_FAILED')
      expect({ comments: await commentCount(), events: await t.eventCount() }).toEqual(before)
      const ok = await comment('anna', { body: 'y'.repeat(10_000) })
      expect(ok.status).toBe(201)
    })
  })

  // Last: it moves the clock past the discussion's maximum.
  describe('the limits of the discussion', () => {
    it('refuses criticism after the maximum even before the scheduler has closed the discussion', async () => {
      t.clock.set('1924-01-01T09:01:00Z')
      await signIn()
      const before = { comments: await commentCount(), events: await t.eventCount() }
      const error = await refused(await comment('anna', { body: 'Still open?' }), 409, 'QUESTION_WRONG_PHASE')
      expect(error.details).toMatchObject({ state: 'discussion' })
      await refused(
        await send('PUT', `/api/questions/${questionId}/support`, 'fyodor'),
        409,
        'QUESTION_WRONG_PHASE',
      )
      expect((await page('anna')).permissions.canComment).toBe(false)
      expect({ comments: await commentCount(), events: await t.eventCount() }).toEqual(before)
    })
  })
})
