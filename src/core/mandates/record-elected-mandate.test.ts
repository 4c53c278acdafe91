import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointToPost } from './appoint-to-post.ts'
import { recordElectedMandate } from './record-elected-mandate.ts'
import { openMandatesTest, TODAY } from './test-fixtures.ts'

let t: Awaited<ReturnType<typeof openMandatesTest>>

beforeAll(async () => {
  t = await openMandatesTest()
})
afterAll(async () => {
  await t.database.drop()
})

function elect(memberId: number, startsOn: string, post = 'unit-secretary') {
  return t.run((ctx) =>
    recordElectedMandate(ctx, { memberId, bodyId: t.tree.unitA1.id, post, startsOn, electionId: null }),
  )
}

describe('recordElectedMandate', () => {
  it('refuses an ineligible member with the standing rule id', async () => {
    const error = await t.refusal((ctx) =>
      recordElectedMandate(ctx, {
        memberId: t.newcomer.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-secretary',
        startsOn: TODAY,
        electionId: null,
      }),
    )
    expect(error.code).toBe('NOT_ELIGIBLE')
    expect(error.details).toMatchObject({ ruleIds: ['standing.unit-secretary'] })
  })

  it('replaces the appointed holder: the appointment ends as replaced, with its event', async () => {
    const appointed = await t.run((ctx) =>
      appointToPost(ctx, {
        memberId: t.veteran.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-secretary',
        appointedByBodyId: t.tree.districtA.id,
        justification: 'no-literate-candidate',
        startsOn: TODAY,
      }),
    )
    const { mandate, replacedMandateIds } = await elect(t.second.id, '1924-03-01')
    expect(replacedMandateIds).toEqual([appointed.id])
    expect(mandate).toMatchObject({
      member_id: t.second.id,
      how: 'elected',
      starts_on: '1924-03-01',
      ends_on: '1925-03-01',
      election_id: null,
      appointed_by_body_id: null,
      justification: null,
      rule_id: 'elections.unit-secretary',
      first_mandate: true,
    })
    const ended = await t.db
      .selectFrom('mandates')
      .selectAll()
      .where('id', '=', appointed.id)
      .executeTakeFirstOrThrow()
    expect(ended).toMatchObject({ ended_on: '1924-03-01', end_reason: 'replaced' })
    const events = await t.eventsOfMandate(appointed.id)
    expect(events.map((e) => e.type)).toEqual(['mandate.appointed', 'mandate.ended'])
    expect(events[1]?.payload).toEqual({
      reason: 'replaced',
      onDate: '1924-03-01',
      replacedByMandateId: mandate.id,
    })
    const [elected] = await t.eventsOfMandate(mandate.id)
    expect(elected).toMatchObject({ id: mandate.event_id, type: 'mandate.elected' })
    expect(elected?.payload).toMatchObject({ electionId: null, endsOn: '1925-03-01', firstMandate: true })
  })

  it('does not mark a mandate first when the member held one before', async () => {
    // Vera was appointed secretary in 1923; her election to the bureau is not her first mandate.
    const { mandate } = await elect(t.veteran.id, '1924-03-05', 'unit-bureau-member')
    expect(mandate.first_mandate).toBe(false)
  })

  it('refuses when every seat is held by an elected member', async () => {
    const error = await t.refusal((ctx) =>
      recordElectedMandate(ctx, {
        memberId: t.veteran.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-secretary',
        startsOn: '1924-04-01',
        electionId: null,
      }),
    )
    expect(error.code).toBe('SEATS_FILLED')
    expect(error.details).toMatchObject({ holders: [{ memberId: t.second.id, how: 'elected' }] })
  })

  it('replaces an appointment even when it is past its expiry', async () => {
    const outsiderUnit = t.tree.unitB1
    const bureau = await t.run((ctx) =>
      appointToPost(ctx, {
        memberId: t.outsider.id,
        bodyId: outsiderUnit.id,
        post: 'unit-bureau-member',
        appointedByBodyId: t.tree.regionB.id,
        justification: 'new-unit',
        startsOn: TODAY,
      }),
    )
    expect(bureau.ends_on).toBe('1924-03-02')
    const { replacedMandateIds } = await t.run((ctx) =>
      recordElectedMandate(ctx, {
        memberId: t.outsider.id,
        bodyId: outsiderUnit.id,
        post: 'unit-bureau-member',
        startsOn: '1924-09-01',
        electionId: 77,
      }),
    )
    expect(replacedMandateIds).toEqual([bureau.id])
  })
})
