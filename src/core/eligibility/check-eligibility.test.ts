import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { findCharterInForce } from '../charter/charter-in-force.ts'
import { changeMemberStatus } from '../members/change-member-status.ts'
import { type RegisterMemberInput, registerMember } from '../members/register-member.ts'
import { configureOrganisation } from '../orgs/configure-organisation.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { checkEligibility, type EligibilityAnswer } from './check-eligibility.ts'
import { PARTY_RULES, partyCharter } from './test-charters.ts'

/** The ids of the rules that failed: what an answer says decided it. */
const failedRules = (answer: EligibilityAnswer) =>
  answer.reasons.filter((reason) => !reason.satisfied).map((reason) => reason.ruleId)

describe('checkEligibility', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  let ctx: UseCaseContext
  let firstVersion: number
  let secondVersion: number
  const clock = new ManualClock('1923-12-02T09:00:00Z')

  const member = (unitId: number, joinedOn: string, extra: Partial<RegisterMemberInput> = {}) =>
    registerMember(ctx, {
      unitId,
      fullName: `Member ${joinedOn}`,
      joinedOn,
      category: 'worker',
      status: 'full',
      ...extra,
    })

  beforeAll(async () => {
    database = await createTestDatabase()
    ctx = { db: database.db, clock, actor: { kind: 'cli' } }
    await configureOrganisation(ctx, { name: 'The Party', levels: ['central', 'region', 'district', 'unit'] })
    tree = await createTestTree(database.db)
    // Version 1 (unit secretary: 1 year) from 1920; version 2 (3 years) from 1 April 1923.
    await adoptCharter(ctx, {
      source: partyCharter({ name: 'Rules of the Tenth Congress', unitSecretaryYears: 1 }),
      decision: {
        kind: 'congress',
        title: 'Tenth Congress',
        decidedOn: '1919-12-20',
        bodyId: tree.central.id,
      },
      effectiveFrom: '1920-01-01',
    })
    await adoptCharter(ctx, {
      source: partyCharter({ name: 'Rules of the Twelfth Congress', unitSecretaryYears: 3 }),
      decision: {
        kind: 'congress',
        title: 'Twelfth Congress',
        decidedOn: '1923-03-20',
        bodyId: tree.central.id,
      },
      effectiveFrom: '1923-04-01',
    })
    firstVersion = (await findCharterInForce(database.db, '1920-01-01'))?.versionId ?? 0
    secondVersion = (await findCharterInForce(database.db, '1923-04-01'))?.versionId ?? 0
  })
  afterAll(async () => database.drop())

  const check = (memberId: number, post: string, bodyId: number, date: string) =>
    checkEligibility(database.db, { memberId, post, bodyId, date })

  it('joined exactly on the "joined before" cutoff: not eligible; the day before: eligible', async () => {
    const onCutoff = await member(tree.unitA1.id, '1917-11-07')
    const dayBefore = await member(tree.unitA1.id, '1917-11-06')

    const no = await check(onCutoff.id, 'region-secretary', tree.regionA.id, '1923-12-02')
    expect(no.eligible).toBe(false)
    expect(failedRules(no)).toEqual([PARTY_RULES.regionSecretary])
    expect(no.decidingRuleIds).toEqual([PARTY_RULES.regionSecretary])
    expect(no.reasons.find((r) => r.ruleId === PARTY_RULES.regionSecretary)?.detail).toBe(
      'Joined on 1917-11-07, not before 1917-11-07',
    )

    const yes = await check(dayBefore.id, 'region-secretary', tree.regionA.id, '1923-12-02')
    expect(yes.eligible).toBe(true)
    expect(yes.reasons.map((r) => [r.ruleId, r.satisfied])).toEqual([
      [PARTY_RULES.regionSecretaryPost, true],
      [PARTY_RULES.votingRights, true],
      [PARTY_RULES.regionSecretary, true],
    ])
    expect(yes.charterVersionId).toBe(secondVersion)
  })

  it('three years of standing exactly: eligible; three years minus one day: not', async () => {
    const exactly = await member(tree.unitA1.id, '1920-12-02')
    const dayShort = await member(tree.unitA1.id, '1920-12-03')
    const yes = await check(exactly.id, 'district-secretary', tree.districtA.id, '1923-12-02')
    expect(yes.eligible).toBe(true)
    expect(yes.decidingRuleIds).toContain(PARTY_RULES.districtSecretary)
    const no = await check(dayShort.id, 'district-secretary', tree.districtA.id, '1923-12-02')
    expect(no.eligible).toBe(false)
    expect(failedRules(no)).toEqual([PARTY_RULES.districtSecretary])
    expect(no.reasons.at(-1)?.detail).toBe(
      'Joined on 1920-12-03; 3 years of membership on 1923-12-02 needs 1920-12-02 or earlier',
    )
  })

  it('counts a Feb 29 join: three years reached on Mar 1 of a common year, not on Feb 28', async () => {
    const leapJoiner = await member(tree.unitA2.id, '1920-02-29')
    const feb28Joiner = await member(tree.unitA2.id, '1920-02-28')
    const onFeb28 = await check(leapJoiner.id, 'district-secretary', tree.districtA.id, '1923-02-28')
    expect(onFeb28.eligible).toBe(false)
    expect(failedRules(onFeb28)).toEqual([PARTY_RULES.districtSecretary])
    expect((await check(leapJoiner.id, 'district-secretary', tree.districtA.id, '1923-03-01')).eligible).toBe(
      true,
    )
    // Joined Feb 28: exactly three years on Feb 28.
    expect(
      (await check(feb28Joiner.id, 'district-secretary', tree.districtA.id, '1923-02-28')).eligible,
    ).toBe(true)
    // Asked on a leap day: three years before 1924-02-29 is 1921-02-28.
    const lateFeb = await member(tree.unitA2.id, '1921-02-28')
    const march = await member(tree.unitA2.id, '1921-03-01')
    expect((await check(lateFeb.id, 'district-secretary', tree.districtA.id, '1924-02-29')).eligible).toBe(
      true,
    )
    const no = await check(march.id, 'district-secretary', tree.districtA.id, '1924-02-29')
    expect(failedRules(no)).toEqual([PARTY_RULES.districtSecretary])
  })

  it('a candidate cannot stand; once promoted they can, and full membership counts from the promotion', async () => {
    const candidate = await member(tree.unitA1.id, '1921-05-01', { status: 'candidate' })
    await changeMemberStatus(ctx, { memberId: candidate.id, to: 'full', onDate: '1922-06-01' })

    // While a candidate: a year of membership, but no right to stand.
    const before = await check(candidate.id, 'unit-secretary', tree.unitA1.id, '1922-05-31')
    expect(before.eligible).toBe(false)
    expect(failedRules(before)).toEqual([PARTY_RULES.votingRights])
    expect(before.reasons.find((r) => r.ruleId === PARTY_RULES.votingRights)?.detail).toContain(
      'Is a candidate on probation on 1922-05-31',
    )
    expect(before.charterVersionId).toBe(firstVersion)

    const after = await check(candidate.id, 'unit-secretary', tree.unitA1.id, '1922-06-01')
    expect(after.eligible).toBe(true)

    // A year of full membership is counted from the promotion, not from joining.
    const bureauEarly = await check(candidate.id, 'district-bureau-member', tree.districtA.id, '1923-05-31')
    expect(bureauEarly.eligible).toBe(false)
    expect(failedRules(bureauEarly)).toEqual([PARTY_RULES.bureauMember])
    expect(bureauEarly.reasons.at(-1)?.detail).toContain('Full member since 1922-06-01')
    const bureauOnTime = await check(candidate.id, 'district-bureau-member', tree.districtA.id, '1923-06-01')
    expect(bureauOnTime.eligible).toBe(true)
  })

  it('applies the version in force on the date: a new version mid-term changes the answer', async () => {
    const joined = await member(tree.unitA2.id, '1921-01-10')
    const underFirst = await check(joined.id, 'unit-secretary', tree.unitA2.id, '1923-03-31')
    expect(underFirst).toMatchObject({ eligible: true, charterVersionId: firstVersion })
    expect(underFirst.reasons.at(-1)).toMatchObject({
      ruleId: PARTY_RULES.unitSecretary,
      text: 'A unit secretary needs 1 year of membership.',
      satisfied: true,
    })

    const underSecond = await check(joined.id, 'unit-secretary', tree.unitA2.id, '1923-04-01')
    expect(underSecond).toMatchObject({ eligible: false, charterVersionId: secondVersion })
    expect(failedRules(underSecond)).toEqual([PARTY_RULES.unitSecretary])
    expect(underSecond.reasons.at(-1)?.text).toBe('A unit secretary needs 3 years of membership.')
  })

  it('refuses a member outside the body’s scope with the post rule’s id', async () => {
    const elsewhere = await member(tree.unitB1.id, '1910-01-01')
    const answer = await check(elsewhere.id, 'region-secretary', tree.regionA.id, '1923-12-02')
    expect(answer.eligible).toBe(false)
    expect(failedRules(answer)).toEqual([PARTY_RULES.regionSecretaryPost])
    expect(answer.reasons[0]?.detail).toBe('Belongs to an organisation outside Region A')
    expect((await check(elsewhere.id, 'region-secretary', tree.regionB.id, '1923-12-02')).eligible).toBe(true)
  })

  it('is not eligible before joining, whatever the standing rules say', async () => {
    const late = await member(tree.unitA1.id, '1923-06-01')
    const answer = await check(late.id, 'region-secretary', tree.regionA.id, '1923-05-01')
    expect(answer.eligible).toBe(false)
    expect(failedRules(answer)).toEqual([
      PARTY_RULES.regionSecretaryPost,
      PARTY_RULES.votingRights,
      PARTY_RULES.regionSecretary,
    ])
  })

  it('refuses a post at the wrong level, an unknown post, no charter yet, and a bad date', async () => {
    const someone = await member(tree.unitA1.id, '1915-01-01')
    await expect(check(someone.id, 'unit-secretary', tree.regionA.id, '1923-12-02')).rejects.toMatchObject({
      code: 'UNKNOWN_POST',
      details: { post: 'unit-secretary', ruleId: PARTY_RULES.unitSecretaryPost, bodyLevel: 'region' },
    })
    await expect(check(someone.id, 'chairman', tree.regionA.id, '1923-12-02')).rejects.toMatchObject({
      code: 'UNKNOWN_POST',
    })
    await expect(check(someone.id, 'region-secretary', tree.regionA.id, '1919-12-31')).rejects.toMatchObject({
      code: 'CHARTER_NOT_ADOPTED',
      details: { date: '1919-12-31' },
    })
    await expect(check(someone.id, 'region-secretary', tree.regionA.id, '1923-02-30')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(check(someone.id, 'region-secretary', tree.regionA.id, 'today')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(check(999_999, 'region-secretary', tree.regionA.id, '1923-12-02')).rejects.toMatchObject({
      code: 'MEMBER_NOT_FOUND',
    })
    await expect(
      check(someone.id, 'unit-secretary', tree.dissolvedUnit.id, '1923-12-02'),
    ).rejects.toMatchObject({ code: 'BODY_DISSOLVED' })
  })
})

describe('checkEligibility without any charter', () => {
  it('answers CHARTER_NOT_ADOPTED', async () => {
    const database = await createTestDatabase()
    try {
      const tree = await createTestTree(database.db)
      const ctx = {
        db: database.db,
        clock: new ManualClock('1923-12-02T09:00:00Z'),
        actor: { kind: 'cli' } as const,
      }
      const someone = await registerMember(ctx, {
        unitId: tree.unitA1.id,
        fullName: 'Early member',
        joinedOn: '1915-01-01',
        category: 'worker',
        status: 'full',
      })
      await expect(
        checkEligibility(database.db, {
          memberId: someone.id,
          post: 'unit-secretary',
          bodyId: tree.unitA1.id,
          date: '1923-12-02',
        }),
      ).rejects.toMatchObject({ code: 'CHARTER_NOT_ADOPTED' })
    } finally {
      await database.drop()
    }
  })
})
