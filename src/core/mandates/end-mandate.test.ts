import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endMandate } from './end-mandate.ts'
import { listMemberMandates } from './list-mandates.ts'
import { recordElectedMandate } from './record-elected-mandate.ts'
import { openMandatesTest, TODAY } from './test-fixtures.ts'

let t: Awaited<ReturnType<typeof openMandatesTest>>

beforeAll(async () => {
  t = await openMandatesTest()
})
afterAll(async () => {
  await t.database.drop()
})

async function elected(memberId: number, post: string, startsOn = TODAY) {
  const { mandate } = await t.run((ctx) =>
    recordElectedMandate(ctx, { memberId, bodyId: t.tree.unitA1.id, post, startsOn, electionId: null }),
  )
  return mandate
}

describe('endMandate', () => {
  it('records a resignation: the mandate ends on the date, with its event', async () => {
    const mandate = await elected(t.veteran.id, 'unit-secretary')
    const ended = await t.run((ctx) =>
      endMandate(ctx, { mandateId: mandate.id, reason: 'resigned', onDate: '1924-01-15' }),
    )
    expect(ended).toMatchObject({ ended_on: '1924-01-15', end_reason: 'resigned', ends_on: '1924-12-02' })
    const events = await t.eventsOfMandate(mandate.id)
    expect(events.map((e) => e.type)).toEqual(['mandate.elected', 'mandate.ended'])
    expect(events[1]).toMatchObject({
      body_id: t.tree.unitA1.id,
      region_id: t.tree.regionA.id,
      payload: { reason: 'resigned', onDate: '1924-01-15', replacedByMandateId: null },
    })
    // The seat is free again from that day.
    const successor = await elected(t.second.id, 'unit-secretary', '1924-01-15')
    expect(successor.first_mandate).toBe(true)
  })

  it('records a recall, and refuses to end a mandate twice', async () => {
    const mandate = await elected(t.veteran.id, 'unit-bureau-member')
    await t.run((ctx) => endMandate(ctx, { mandateId: mandate.id, reason: 'recalled', onDate: '1924-02-01' }))
    const again = await t.refusal((ctx) =>
      endMandate(ctx, { mandateId: mandate.id, reason: 'resigned', onDate: '1924-02-02' }),
    )
    expect(again.code).toBe('MANDATE_ENDED')
    expect(again.details).toMatchObject({ mandateId: mandate.id, endedOn: '1924-02-01', reason: 'recalled' })
    expect((await t.eventsOfMandate(mandate.id)).map((e) => e.type)).toEqual([
      'mandate.elected',
      'mandate.ended',
    ])
  })

  it('refuses an end before the start, and a mandate that does not exist', async () => {
    const mandate = await elected(t.second.id, 'unit-bureau-member')
    const early = await t.refusal((ctx) =>
      endMandate(ctx, { mandateId: mandate.id, reason: 'term-ended', onDate: '1923-12-01' }),
    )
    expect(early.code).toBe('VALIDATION_FAILED')
    const missing = await t.refusal((ctx) =>
      endMandate(ctx, { mandateId: 999_999, reason: 'term-ended', onDate: TODAY }),
    )
    expect(missing.code).toBe('MANDATE_NOT_FOUND')
  })

  it('lists a member’s mandates, ended ones included, newest first', async () => {
    const items = await listMemberMandates(t.db, { memberId: t.veteran.id, asOf: '1924-03-01' })
    expect(items.map((m) => [m.post, m.how, m.state, m.endReason])).toEqual([
      ['unit-bureau-member', 'elected', 'ended', 'recalled'],
      ['unit-secretary', 'elected', 'ended', 'resigned'],
    ])
    expect(items[1]).toMatchObject({ bodyName: 'Unit A1', memberName: 'Vera Veteran', firstMandate: true })
  })
})
