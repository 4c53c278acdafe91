import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptCharter } from '../../core/charter/adopt-charter.ts'
import { PARTY_RULES, partyCharter } from '../../core/eligibility/test-charters.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { systemActor } from '../../core/shared/actor.ts'
import { openApiTest } from '../test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let admin: string
let secretary: string
let anna: string
let lateJoinerId: number

beforeAll(async () => {
  t = await openApiTest()
  const ctx = { db: t.database.db, clock: t.clock, actor: systemActor }
  await adoptCharter(ctx, {
    source: partyCharter({ name: 'Rules', unitSecretaryYears: 1 }),
    decision: { kind: 'congress', title: 'Tenth Congress', decidedOn: '1919-12-20' },
    effectiveFrom: '1920-01-01',
  })
  const late = await registerMember(ctx, {
    unitId: t.tree.unitA.id,
    fullName: 'Late Joiner',
    joinedOn: '1921-04-01',
    category: 'worker',
    status: 'full',
  })
  lateJoinerId = late.id
  admin = await t.signInAs('admin@example.org')
  secretary = await t.signInAs('sec.a@example.org')
  anna = await t.signInAs('anna@example.org')
})
afterAll(async () => t.database.drop())

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })

interface Answer {
  eligible: boolean
  date: string
  reasons: { ruleId: string; satisfied: boolean; detail: string }[]
  decidingRuleIds: string[]
}

describe('GET /api/eligibility', () => {
  it('answers with every rule and its id, on the organisation’s today by default', async () => {
    const { memberA } = t.tree
    const res = await get(
      `/api/eligibility?memberId=${memberA.id}&post=region-secretary&bodyId=${t.tree.regionA.id}`,
      secretary,
    )
    expect(res.status).toBe(200)
    const answer = (await res.json()) as Answer
    expect(answer).toMatchObject({ eligible: true, date: '1923-12-02' })
    expect(answer.reasons.map((r) => r.ruleId)).toEqual([
      PARTY_RULES.regionSecretaryPost,
      PARTY_RULES.votingRights,
      PARTY_RULES.regionSecretary,
    ])

    const late = await get(
      `/api/eligibility?memberId=${lateJoinerId}&post=district-secretary&bodyId=${t.tree.districtA.id}&date=1923-12-02`,
      admin,
    )
    expect((await late.json()) as Answer).toMatchObject({
      eligible: false,
      decidingRuleIds: [PARTY_RULES.districtSecretary],
    })
  })

  it('lets a member check themself for a post on their own path, and logs the read', async () => {
    const before = await t.eventCount()
    const res = await get(
      `/api/eligibility?memberId=${t.tree.memberA.id}&post=unit-secretary&bodyId=${t.tree.unitA.id}`,
      anna,
    )
    expect(res.status).toBe(200)
    expect(await t.eventCount()).toBe(before + 1)
  })

  it('refuses out of scope (403), without a session (401), bad input (400) and an unknown post (422)', async () => {
    const { memberA, memberB, regionA, regionB } = t.tree
    const q = (memberId: number, bodyId: number, extra = '') =>
      `/api/eligibility?memberId=${memberId}&post=region-secretary&bodyId=${bodyId}${extra}`
    expect((await get(q(memberB.id, regionB.id), secretary)).status).toBe(403)
    expect((await get(q(memberA.id, regionB.id), secretary)).status).toBe(403)
    expect((await get(q(memberB.id, regionB.id), anna)).status).toBe(403)
    expect((await t.app.request(q(memberA.id, regionA.id))).status).toBe(401)
    const badDate = await get(q(memberA.id, regionA.id, '&date=1923-02-30'), admin)
    expect(badDate.status).toBe(400)
    expect(await badDate.json()).toMatchObject({ code: 'VALIDATION_FAILED' })
    const wrongLevel = await get(
      `/api/eligibility?memberId=${memberA.id}&post=unit-secretary&bodyId=${regionA.id}`,
      admin,
    )
    expect(wrongLevel.status).toBe(422)
    expect(await wrongLevel.json()).toMatchObject({ code: 'UNKNOWN_POST' })
    const noCharter = await get(q(memberA.id, regionA.id, '&date=1919-01-01'), admin)
    expect(noCharter.status).toBe(409)
    expect(await noCharter.json()).toMatchObject({ code: 'CHARTER_NOT_ADOPTED' })
  })
})

describe('GET /api/bodies/{id}/eligible', () => {
  it('pages the eligible members by standing and logs the page as a read', async () => {
    const before = await t.eventCount()
    const res = await get(
      `/api/bodies/${t.tree.districtA.id}/eligible?post=district-secretary&limit=1`,
      secretary,
    )
    expect(res.status).toBe(200)
    const page = (await res.json()) as {
      items: { memberId: number; fullName: string; unitName: string }[]
      nextCursor: string | null
      rules: { ruleId: string }[]
      date: string
    }
    expect(page.items).toEqual([expect.objectContaining({ memberId: t.tree.memberA.id, unitName: 'Mill A' })])
    expect(page.date).toBe('1923-12-02')
    expect(page.rules.map((r) => r.ruleId)).toContain(PARTY_RULES.districtSecretary)
    expect(page.nextCursor).toBeNull()
    expect(await t.eventCount()).toBe(before + 1)
    const read = await t.database.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'member_records.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(read.payload).toMatchObject({ view: 'list', memberIds: [t.tree.memberA.id] })
  })

  it('refuses a body outside the caller’s scope and a plain member', async () => {
    const path = `/api/bodies/${t.tree.regionB.id}/eligible?post=region-secretary`
    expect((await get(path, secretary)).status).toBe(403)
    expect((await get(`/api/bodies/${t.tree.unitA.id}/eligible?post=unit-secretary`, anna)).status).toBe(403)
    expect(
      (await get(`/api/bodies/${t.tree.regionA.id}/eligible?post=region-secretary&limit=0`, admin)).status,
    ).toBe(400)
  })
})

describe('POST /api/members/{id}/dues', () => {
  it('records months once and refuses a month already paid', async () => {
    const path = `/api/members/${t.tree.memberA.id}/dues`
    const res = await t.app.request(
      path,
      t.json('POST', secretary, { months: ['1923-01', '1923-02'], paidOn: '1923-02-05' }),
    )
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ months: ['1923-01-01', '1923-02-01'], paidOn: '1923-02-05' })
    const again = await t.app.request(
      path,
      t.json('POST', secretary, { months: ['1923-02'], paidOn: '1923-03-01' }),
    )
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'DUPLICATE', details: { months: ['1923-02'] } })
    const bad = await t.app.request(
      path,
      t.json('POST', secretary, { months: ['1923-1'], paidOn: '1923-03-01' }),
    )
    expect(bad.status).toBe(400)
    expect(
      (await t.app.request(path, t.json('POST', anna, { months: ['1923-03'], paidOn: '1923-03-01' }))).status,
    ).toBe(403)
    const other = `/api/members/${t.tree.memberB.id}/dues`
    expect(
      (await t.app.request(other, t.json('POST', secretary, { months: ['1923-03'], paidOn: '1923-03-01' })))
        .status,
    ).toBe(403)
  })
})
