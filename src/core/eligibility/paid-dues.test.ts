import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { recordDuesPayments } from '../members/record-dues-payments.ts'
import { registerMember } from '../members/register-member.ts'
import type { MemberStatus } from '../members/schemas.ts'
import { configureOrganisation } from '../orgs/configure-organisation.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { checkEligibility } from './check-eligibility.ts'
import { listEligibleMembers } from './list-eligible-members.ts'
import { UNION_CHARTER, UNION_RULES } from './test-charters.ts'

/** The months from `first` ('YYYY-MM'), `count` of them. */
function monthsFrom(first: string, count: number): string[] {
  const [year, month] = first.split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 + i, 1))
    return d.toISOString().slice(0, 7)
  })
}

describe('dues payments and a standing counted in months of paid dues', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  let ctx: UseCaseContext
  const clock = new ManualClock('2023-03-15T09:00:00Z')

  const member = (name: string, status: MemberStatus = 'full') =>
    registerMember(ctx, {
      unitId: tree.unitA1.id,
      fullName: name,
      joinedOn: '2021-12-01',
      category: 'worker',
      status,
    })
  const steward = (memberId: number, date: string) =>
    checkEligibility(database.db, { memberId, post: 'shop-steward', bodyId: tree.unitA1.id, date })

  beforeAll(async () => {
    database = await createTestDatabase()
    ctx = { db: database.db, clock, actor: { kind: 'cli' } }
    await configureOrganisation(ctx, { name: 'The Union', levels: ['central', 'region', 'district', 'unit'] })
    tree = await createTestTree(database.db)
    await adoptCharter(ctx, {
      source: UNION_CHARTER,
      decision: {
        kind: 'conference',
        title: 'Founding conference',
        decidedOn: '2021-11-01',
        bodyId: tree.central.id,
      },
      effectiveFrom: '2022-01-01',
    })
  })
  afterAll(async () => database.drop())

  it('records months as rows and one member.dues_paid event', async () => {
    const payer = await member('Payer')
    const record = await recordDuesPayments(ctx, {
      memberId: payer.id,
      months: ['2022-02', '2022-01'],
      paidOn: '2022-02-10',
    })
    expect(record.months).toEqual(['2022-01-01', '2022-02-01'])
    const rows = await database.db
      .selectFrom('dues_payments')
      .select(['month', 'paid_on', 'event_id', 'region_id'])
      .where('member_id', '=', payer.id)
      .orderBy('month')
      .execute()
    expect(rows).toEqual([
      { month: '2022-01-01', paid_on: '2022-02-10', event_id: record.eventId, region_id: tree.regionA.id },
      { month: '2022-02-01', paid_on: '2022-02-10', event_id: record.eventId, region_id: tree.regionA.id },
    ])
    const events = await database.db
      .selectFrom('events')
      .select(['type', 'payload', 'subject_id', 'body_id'])
      .where('type', '=', 'member.dues_paid')
      .execute()
    expect(events).toEqual([
      {
        type: 'member.dues_paid',
        payload: { months: ['2022-01', '2022-02'], paidOn: '2022-02-10' },
        subject_id: payer.id,
        body_id: tree.unitA1.id,
      },
    ])
  })

  it('refuses a month already paid, a month listed twice, a bad month and a future date, writing nothing', async () => {
    const payer = await member('Careful payer')
    await recordDuesPayments(ctx, { memberId: payer.id, months: ['2022-05'], paidOn: '2022-05-03' })
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('dues_payments')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('member_id', '=', payer.id)
            .executeTakeFirstOrThrow()
        ).n,
      )
    const attempt = (months: string[], paidOn = '2022-06-01') =>
      recordDuesPayments(ctx, { memberId: payer.id, months, paidOn })
    await expect(attempt(['2022-04', '2022-05'])).rejects.toMatchObject({
      code: 'DUPLICATE',
      details: { months: ['2022-05'] },
    })
    await expect(attempt(['2022-06', '2022-06'])).rejects.toMatchObject({ code: 'DUPLICATE' })
    await expect(attempt(['2022-13'])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(attempt([])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(attempt(['2022-06'], '2023-04-01')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(
      recordDuesPayments(ctx, { memberId: 999_999, months: ['2022-06'], paidOn: '2022-06-01' }),
    ).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' })
    expect(await count()).toBe(1)
  })

  it('counts months of paid dues: 11 is short, the 12th makes a steward, on the day it is paid', async () => {
    const worker = await member('Worker')
    await recordDuesPayments(ctx, {
      memberId: worker.id,
      months: monthsFrom('2022-01', 11),
      paidOn: '2022-12-01',
    })
    const short = await steward(worker.id, '2023-01-15')
    expect(short.eligible).toBe(false)
    expect(short.reasons.filter((r) => !r.satisfied).map((r) => r.ruleId)).toEqual([UNION_RULES.steward])
    expect(short.reasons.at(-1)?.detail).toBe('11 months of dues paid by 2023-01-15; 12 months needed')

    await recordDuesPayments(ctx, { memberId: worker.id, months: ['2022-12'], paidOn: '2023-01-20' })
    // The arrears were paid on Jan 20: on Jan 19 the member still had 11 months.
    expect((await steward(worker.id, '2023-01-19')).eligible).toBe(false)
    const enough = await steward(worker.id, '2023-01-20')
    expect(enough.eligible).toBe(true)
    expect(enough.reasons.map((r) => r.ruleId)).toEqual([
      UNION_RULES.stewardPost,
      UNION_RULES.votingRights,
      UNION_RULES.steward,
    ])
  })

  it('does not count months paid in advance before they begin; candidates may stand in this union', async () => {
    const candidate = await member('Candidate', 'candidate')
    await recordDuesPayments(ctx, {
      memberId: candidate.id,
      months: monthsFrom('2022-03', 12),
      paidOn: '2023-01-05',
    })
    const january = await steward(candidate.id, '2023-01-31')
    expect(january.reasons.at(-1)?.detail).toBe('11 months of dues paid by 2023-01-31; 12 months needed')
    expect(january.eligible).toBe(false)
    expect((await steward(candidate.id, '2023-02-01')).eligible).toBe(true)
  })

  it('lists exactly the members whose paid dues suffice', async () => {
    const page = await listEligibleMembers(database.db, {
      post: 'shop-steward',
      bodyId: tree.unitA1.id,
      date: '2023-03-15',
      limit: 50,
    })
    const members = await database.db
      .selectFrom('members')
      .select('id')
      .orderBy('joined_on')
      .orderBy('id')
      .execute()
    const expected: number[] = []
    for (const { id } of members) if ((await steward(id, '2023-03-15')).eligible) expected.push(id)
    expect(page.items.map((item) => item.memberId)).toEqual(expected)
    expect(expected).toHaveLength(2)
    expect(page.rules.at(-1)).toEqual({
      ruleId: UNION_RULES.steward,
      text: 'A shop steward needs twelve months of paid dues.',
    })
  })
})
