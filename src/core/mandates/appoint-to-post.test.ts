import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerMember } from '../members/register-member.ts'
import { appointToPost } from './appoint-to-post.ts'
import { openMandatesTest, TODAY } from './test-fixtures.ts'

let t: Awaited<ReturnType<typeof openMandatesTest>>

beforeAll(async () => {
  t = await openMandatesTest()
})
afterAll(async () => {
  await t.database.drop()
})

/** An appointment of a unit A1 secretary by district A, with whatever the test changes. */
function secretary(overrides: Partial<Parameters<typeof appointToPost>[1]> = {}) {
  return {
    memberId: t.veteran.id,
    bodyId: t.tree.unitA1.id,
    post: 'unit-secretary',
    appointedByBodyId: t.tree.districtA.id,
    justification: 'no-literate-candidate',
    startsOn: TODAY,
    ...overrides,
  }
}

describe('appointToPost refusals', () => {
  it('refuses an elective post without a justification, naming the rule and what it allows', async () => {
    const before = await t.eventCount()
    const error = await t.refusal((ctx) => appointToPost(ctx, secretary({ justification: null })))
    expect(error.code).toBe('APPOINTMENT_NOT_ALLOWED')
    expect(error.details).toMatchObject({
      ruleId: 'elections.unit-secretary',
      allowedJustifications: [
        { id: 'no-literate-candidate', text: 'No literate candidate in the unit', maxMonths: 6 },
        { id: 'new-unit', text: 'The unit is newly founded', maxMonths: 18 },
      ],
    })
    expect(await t.eventCount()).toBe(before)
  })

  it('refuses a justification the charter does not list', async () => {
    const error = await t.refusal((ctx) => appointToPost(ctx, secretary({ justification: 'too-busy' })))
    expect(error.code).toBe('APPOINTMENT_NOT_ALLOWED')
    expect(error.details).toMatchObject({ ruleId: 'elections.unit-secretary', justification: 'too-busy' })
  })

  it('refuses a post the charter allows no appointment to at all', async () => {
    const error = await t.refusal((ctx) =>
      appointToPost(ctx, {
        ...secretary(),
        bodyId: t.tree.districtA.id,
        post: 'district-secretary',
        appointedByBodyId: t.tree.regionA.id,
      }),
    )
    expect(error.code).toBe('APPOINTMENT_NOT_ALLOWED')
    expect(error.details).toMatchObject({ ruleId: 'elections.committees', allowedJustifications: [] })
  })

  it('refuses an appointing body that is not the parent the rule names', async () => {
    for (const by of [t.tree.regionA.id, t.tree.central.id, t.tree.districtB.id]) {
      const error = await t.refusal((ctx) => appointToPost(ctx, secretary({ appointedByBodyId: by })))
      expect(error.code).toBe('APPOINTMENT_NOT_ALLOWED')
      expect(error.details).toMatchObject({
        ruleId: 'elections.unit-secretary',
        appointedByBodyId: by,
        allowedBy: 'parent',
      })
    }
  })

  it('refuses an appointing body outside the listed levels, or not above the body', async () => {
    const bureau = { post: 'unit-bureau-member', justification: 'new-unit' }
    for (const by of [t.tree.districtA.id, t.tree.regionB.id]) {
      const error = await t.refusal((ctx) =>
        appointToPost(ctx, secretary({ ...bureau, appointedByBodyId: by })),
      )
      expect(error.code).toBe('APPOINTMENT_NOT_ALLOWED')
      expect(error.details).toMatchObject({ ruleId: 'elections.unit-bureau', allowedBy: ['region'] })
    }
  })

  it('refuses an ineligible member with NOT_ELIGIBLE and the standing rule id', async () => {
    const error = await t.refusal((ctx) => appointToPost(ctx, secretary({ memberId: t.newcomer.id })))
    expect(error.code).toBe('NOT_ELIGIBLE')
    expect(error.details).toMatchObject({ memberId: t.newcomer.id, ruleIds: ['standing.unit-secretary'] })
    expect(error.message).toContain('standing.unit-secretary')
  })

  it('refuses a candidate member (voting rights) and a member of another unit (scope)', async () => {
    const candidate = await t.refusal((ctx) => appointToPost(ctx, secretary({ memberId: t.candidate.id })))
    expect(candidate.details).toMatchObject({ ruleIds: ['voting-rights'] })
    const outsider = await t.refusal((ctx) => appointToPost(ctx, secretary({ memberId: t.outsider.id })))
    expect(outsider.details).toMatchObject({ ruleIds: ['posts.unit-secretary'] })
  })

  it('refuses unknown posts, posts of another level, and dissolved bodies', async () => {
    expect((await t.refusal((ctx) => appointToPost(ctx, secretary({ post: 'treasurer' })))).code).toBe(
      'UNKNOWN_POST',
    )
    const wrongLevel = await t.refusal((ctx) => appointToPost(ctx, secretary({ post: 'district-secretary' })))
    expect(wrongLevel.code).toBe('UNKNOWN_POST')
    expect(wrongLevel.details).toMatchObject({ ruleId: 'posts.district-secretary', bodyLevel: 'unit' })
    const dissolved = await t.refusal((ctx) =>
      appointToPost(ctx, secretary({ bodyId: t.tree.dissolvedUnit.id })),
    )
    expect(dissolved.code).toBe('BODY_DISSOLVED')
  })

  it('refuses a date before any charter was in force', async () => {
    const error = await t.refusal((ctx) => appointToPost(ctx, secretary({ startsOn: '1919-06-01' })))
    expect(error.code).toBe('CHARTER_NOT_ADOPTED')
  })
})

describe('appointToPost', () => {
  it('records an allowed appointment with its expiry and its event, in one transaction', async () => {
    const mandate = await t.run((ctx) => appointToPost(ctx, secretary()))
    expect(mandate).toMatchObject({
      member_id: t.veteran.id,
      body_id: t.tree.unitA1.id,
      post: 'unit-secretary',
      how: 'appointed',
      starts_on: TODAY,
      // No literate candidate: six months, shorter than the one-year term.
      ends_on: '1924-06-02',
      ended_on: null,
      appointed_by_body_id: t.tree.districtA.id,
      justification: 'no-literate-candidate',
      rule_id: 'elections.unit-secretary',
      charter_version_id: t.charter.versionId,
      first_mandate: true,
      region_id: t.tree.regionA.id,
    })
    const [event] = await t.eventsOfMandate(mandate.id)
    expect(event).toMatchObject({
      id: mandate.event_id,
      type: 'mandate.appointed',
      body_id: t.tree.unitA1.id,
      region_id: t.tree.regionA.id,
      payload: {
        memberId: t.veteran.id,
        endsOn: '1924-06-02',
        appointedByBodyId: t.tree.districtA.id,
        justification: 'no-literate-candidate',
        ruleId: 'elections.unit-secretary',
        firstMandate: true,
      },
    })
  })

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const before = await t.eventCount()
    await expect(
      t.run(async (ctx) => {
        await appointToPost(ctx, {
          ...secretary(),
          bodyId: t.tree.unitA1.id,
          post: 'unit-bureau-member',
          appointedByBodyId: t.tree.regionA.id,
          justification: 'new-unit',
        })
        throw new Error('caller fails after the appointment')
      }),
    ).rejects.toThrow('caller fails')
    expect(await t.eventCount()).toBe(before)
    const bureau = await t.db
      .selectFrom('mandates')
      .select('id')
      .where('post', '=', 'unit-bureau-member')
      .execute()
    expect(bureau).toEqual([])
  })

  it('refuses when every seat is held, naming the holders', async () => {
    const error = await t.refusal((ctx) => appointToPost(ctx, secretary({ memberId: t.second.id })))
    expect(error.code).toBe('SEATS_FILLED')
    expect(error.details).toMatchObject({
      ruleId: 'posts.unit-secretary',
      seats: 1,
      holders: [{ memberId: t.veteran.id, how: 'appointed' }],
    })
  })

  it('refuses to seat a member twice in the same post', async () => {
    const error = await t.refusal((ctx) => appointToPost(ctx, secretary()))
    expect(error.code).toBe('DUPLICATE')
  })

  it('ends at the term when the justification would last longer', async () => {
    const alla = await t.run((ctx) =>
      registerMember(ctx, {
        unitId: t.tree.unitA2.id,
        fullName: 'Alla of A2',
        joinedOn: '1917-01-01',
        category: 'worker',
        status: 'full',
      }),
    )
    const mandate = await t.run((ctx) =>
      appointToPost(ctx, {
        ...secretary(),
        bodyId: t.tree.unitA2.id,
        memberId: alla.id,
        justification: 'new-unit',
      }),
    )
    // new-unit allows 18 months for a secretary, longer than the 12-month term.
    expect(mandate).toMatchObject({ ends_on: '1924-12-02', justification: 'new-unit', first_mandate: true })
  })

  it('marks the first mandate as promoted from the ranks, and the second not', async () => {
    const first = await t.run((ctx) =>
      appointToPost(ctx, {
        ...secretary(),
        memberId: t.second.id,
        post: 'unit-bureau-member',
        appointedByBodyId: t.tree.regionA.id,
        justification: 'new-unit',
      }),
    )
    // new-unit allows 3 months for the bureau.
    expect(first).toMatchObject({ ends_on: '1924-03-02', first_mandate: true })
    const second = await t.run((ctx) =>
      appointToPost(ctx, {
        ...secretary(),
        memberId: t.second.id,
        post: 'unit-organiser',
        appointedByBodyId: t.tree.unitA1.id,
        justification: null,
      }),
    )
    // Not elective: the unit names its organiser itself, for the term, with no justification.
    expect(second).toMatchObject({
      first_mandate: false,
      ends_on: '1924-06-02',
      justification: null,
      rule_id: 'posts.unit-organiser',
    })
    const [event] = await t.eventsOfMandate(second.id)
    expect(event?.payload).toMatchObject({ firstMandate: false, justification: null })
  })

  it('refuses a justification for a post that is not elective, and an appointer below the body', async () => {
    const organiser = { post: 'unit-organiser', memberId: t.veteran.id, startsOn: '1924-07-01' }
    const justified = await t.refusal((ctx) =>
      appointToPost(
        ctx,
        secretary({ ...organiser, appointedByBodyId: t.tree.unitA1.id, justification: 'new-unit' }),
      ),
    )
    expect(justified.code).toBe('VALIDATION_FAILED')
    const sideways = await t.refusal((ctx) =>
      appointToPost(
        ctx,
        secretary({ ...organiser, appointedByBodyId: t.tree.unitA2.id, justification: null }),
      ),
    )
    expect(sideways.code).toBe('APPOINTMENT_NOT_ALLOWED')
    expect(sideways.details).toMatchObject({ ruleId: 'posts.unit-organiser' })
  })
})
