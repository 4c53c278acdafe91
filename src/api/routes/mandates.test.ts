import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptTestCharter } from '../../core/mandates/test-charter.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { systemActor } from '../../core/shared/actor.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import { openApiTest } from '../test-fixture.ts'

interface ErrorBody {
  code: string
  message: string
  details: Record<string, unknown>
}

describe('mandates API', () => {
  let t: Awaited<ReturnType<typeof openApiTest>>
  let admin = ''
  let secretary = ''
  let anna = ''
  let newcomerId = 0
  let pavelId = 0
  let appointedId = 0
  let electedId = 0

  beforeAll(async () => {
    t = await openApiTest()
    const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
      t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))
    await run(async (ctx) => {
      await adoptTestCharter(ctx)
      const member = { unitId: t.tree.unitA.id, category: 'worker', status: 'full' } as const
      newcomerId = (await registerMember(ctx, { ...member, fullName: 'Nina New', joinedOn: '1923-06-02' })).id
      pavelId = (await registerMember(ctx, { ...member, fullName: 'Pavel P', joinedOn: '1918-01-01' })).id
    })
    admin = await t.signInAs('admin@example.org')
    secretary = await t.signInAs('sec.a@example.org')
    anna = await t.signInAs('anna@example.org')
  })
  afterAll(async () => t.database.drop())

  const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })
  const appoint = (cookie: string, body: Record<string, unknown>, bodyId = t.tree.unitA.id) =>
    t.app.request(
      `/api/bodies/${bodyId}/appointments`,
      t.json('POST', cookie, {
        memberId: t.tree.memberA.id,
        post: 'unit-secretary',
        appointedByBodyId: t.tree.districtA.id,
        ...body,
      }),
    )
  const refusal = async (res: Response, status: number): Promise<ErrorBody> => {
    expect(res.status).toBe(status)
    return (await res.json()) as ErrorBody
  }

  it('refuses an appointment without an allowed justification, citing the rule', async () => {
    const missing = await refusal(await appoint(secretary, {}), 422)
    expect(missing.code).toBe('APPOINTMENT_NOT_ALLOWED')
    expect(missing.details.ruleId).toBe('elections.unit-secretary')
    expect(missing.details.allowedJustifications).toHaveLength(2)
    const unlisted = await refusal(await appoint(secretary, { justification: 'too-busy' }), 422)
    expect(unlisted).toMatchObject({
      code: 'APPOINTMENT_NOT_ALLOWED',
      details: { ruleId: 'elections.unit-secretary' },
    })
  })

  it('refuses an appointing body that is not the parent, and an ineligible member', async () => {
    const byRegion = await refusal(
      await appoint(secretary, { appointedByBodyId: t.tree.regionA.id, justification: 'new-unit' }),
      422,
    )
    expect(byRegion).toMatchObject({
      code: 'APPOINTMENT_NOT_ALLOWED',
      details: { ruleId: 'elections.unit-secretary' },
    })
    const newcomer = await refusal(
      await appoint(secretary, { memberId: newcomerId, justification: 'no-literate-candidate' }),
      422,
    )
    expect(newcomer).toMatchObject({
      code: 'NOT_ELIGIBLE',
      details: { ruleIds: ['standing.unit-secretary'] },
    })
  })

  it('forbids a secretary of an unrelated body, and rejects malformed input', async () => {
    const elsewhere = await refusal(
      await appoint(
        secretary,
        { memberId: t.tree.memberB.id, appointedByBodyId: t.tree.districtB.id, justification: 'new-unit' },
        t.tree.unitB.id,
      ),
      403,
    )
    expect(elsewhere.code).toBe('FORBIDDEN')
    expect((await get(`/api/bodies/${t.tree.unitB.id}/posts`, secretary)).status).toBe(403)
    const badDate = await refusal(await appoint(secretary, { startsOn: '1923-02-30' }), 400)
    expect(badDate.code).toBe('VALIDATION_FAILED')
    expect((await appoint('', { justification: 'new-unit' })).status).toBe(401)
  })

  it('records an allowed appointment starting today, with its expiry and event', async () => {
    const res = await appoint(secretary, { justification: 'no-literate-candidate' })
    expect(res.status).toBe(201)
    const mandate = (await res.json()) as Record<string, unknown>
    expect(mandate).toMatchObject({
      memberId: t.tree.memberA.id,
      how: 'appointed',
      startsOn: '1923-12-02',
      endsOn: '1924-06-02',
      appointedByBodyId: t.tree.districtA.id,
      justification: 'no-literate-candidate',
      ruleId: 'elections.unit-secretary',
      firstMandate: true,
    })
    appointedId = mandate.id as number
    const event = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', mandate.eventId as number)
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({
      type: 'mandate.appointed',
      subject_kind: 'mandate',
      subject_id: appointedId,
    })
  })

  it('shows the holders to whoever may read the body, with what the caller may do', async () => {
    const asMember = await get(`/api/bodies/${t.tree.unitA.id}/posts`, anna)
    expect(asMember.status).toBe(200)
    const listing = (await asMember.json()) as {
      date: string
      posts: { post: string; vacant: number; canAppoint: boolean; holders: Record<string, unknown>[] }[]
      permissions: { canRead: boolean; canManageMandates: boolean }
    }
    expect(listing.date).toBe('1923-12-02')
    expect(listing.permissions).toEqual({ canRead: true, canManageMandates: false })
    const post = listing.posts.find((p) => p.post === 'unit-secretary')
    expect(post).toMatchObject({ vacant: 0, canAppoint: false })
    expect(post?.holders).toMatchObject([
      {
        memberName: 'Anna A',
        how: 'appointed',
        appointedBy: { id: t.tree.districtA.id, name: 'District A1' },
        justification: { id: 'no-literate-candidate', text: 'No literate candidate in the unit' },
        expired: false,
        firstMandate: true,
      },
    ])
    const asSecretary = (await (
      await get(`/api/bodies/${t.tree.unitA.id}/posts`, secretary)
    ).json()) as typeof listing
    expect(asSecretary.permissions.canManageMandates).toBe(true)
    expect(asSecretary.posts.every((p) => p.canAppoint)).toBe(true)
    const later = (await (
      await get(`/api/bodies/${t.tree.unitA.id}/posts?date=1924-07-01`, anna)
    ).json()) as typeof listing
    expect(later.posts.find((p) => p.post === 'unit-secretary')?.holders).toMatchObject([{ expired: true }])
  })

  it('records an elected mandate that replaces the appointment', async () => {
    const forbidden = await t.app.request(
      `/api/bodies/${t.tree.unitA.id}/elected-mandates`,
      t.json('POST', anna, { memberId: pavelId, post: 'unit-secretary' }),
    )
    expect(forbidden.status).toBe(403)
    const res = await t.app.request(
      `/api/bodies/${t.tree.unitA.id}/elected-mandates`,
      t.json('POST', secretary, { memberId: pavelId, post: 'unit-secretary' }),
    )
    expect(res.status).toBe(201)
    const result = (await res.json()) as { mandate: Record<string, unknown>; replacedMandateIds: number[] }
    expect(result.replacedMandateIds).toEqual([appointedId])
    expect(result.mandate).toMatchObject({
      how: 'elected',
      startsOn: '1923-12-02',
      endsOn: '1924-12-02',
      electionId: null,
      firstMandate: true,
    })
    electedId = result.mandate.id as number
  })

  it('lists a body’s mandates with paging, ended ones on request, and a member’s own', async () => {
    const current = (await (await get(`/api/bodies/${t.tree.unitA.id}/mandates`, anna)).json()) as {
      items: { id: number }[]
    }
    expect(current.items.map((m) => m.id)).toEqual([electedId])
    const first = (await (
      await get(`/api/bodies/${t.tree.unitA.id}/mandates?includeEnded=true&limit=1`, secretary)
    ).json()) as { items: { id: number; canEnd: boolean }[]; nextCursor: string }
    expect(first.items).toMatchObject([{ id: electedId, canEnd: true }])
    const second = (await (
      await get(
        `/api/bodies/${t.tree.unitA.id}/mandates?includeEnded=true&limit=1&after=${first.nextCursor}`,
        secretary,
      )
    ).json()) as { items: { id: number; endReason: string }[]; nextCursor: string | null }
    expect(second).toMatchObject({ items: [{ id: appointedId, endReason: 'replaced' }], nextCursor: null })
    const own = (await (await get(`/api/members/${t.tree.memberA.id}/mandates`, anna)).json()) as {
      items: { id: number; state: string; canEnd: boolean }[]
    }
    expect(own.items).toEqual([expect.objectContaining({ id: appointedId, state: 'ended', canEnd: false })])
    expect((await get(`/api/members/${t.tree.memberB.id}/mandates`, anna)).status).toBe(403)
  })

  it('ends mandates: 404 for a missing one, 403 out of scope, 409 when already ended', async () => {
    const end = (id: number, cookie: string, body: Record<string, unknown> = { reason: 'resigned' }) =>
      t.app.request(`/api/mandates/${id}/end`, t.json('POST', cookie, body))
    const missing = await refusal(await end(999_999, admin), 404)
    expect(missing.code).toBe('MANDATE_NOT_FOUND')

    const boris = await t.app.request(
      `/api/bodies/${t.tree.unitB.id}/elected-mandates`,
      t.json('POST', admin, { memberId: t.tree.memberB.id, post: 'unit-secretary' }),
    )
    expect(boris.status).toBe(201)
    const borisId = ((await boris.json()) as { mandate: { id: number } }).mandate.id
    expect((await refusal(await end(borisId, secretary), 403)).code).toBe('FORBIDDEN')

    const ended = await end(electedId, secretary, { reason: 'recalled', onDate: '1924-05-01' })
    expect(ended.status).toBe(200)
    expect(await ended.json()).toMatchObject({ endedOn: '1924-05-01', endReason: 'recalled' })
    const twice = await refusal(await end(electedId, secretary), 409)
    expect(twice).toMatchObject({ code: 'MANDATE_ENDED', details: { mandateId: electedId } })
    const badReason = await refusal(await end(borisId, admin, { reason: 'replaced' }), 400)
    expect(badReason.code).toBe('VALIDATION_FAILED')
  })
})
