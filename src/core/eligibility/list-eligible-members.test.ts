import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import type { BodyRow } from '../../db/schema.ts'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { changeMemberStatus } from '../members/change-member-status.ts'
import { registerMember } from '../members/register-member.ts'
import type { MemberStatus } from '../members/schemas.ts'
import { transferMember } from '../members/transfer-member.ts'
import { configureOrganisation } from '../orgs/configure-organisation.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { checkEligibility } from './check-eligibility.ts'
import { type EligibleMember, listEligibleMembers } from './list-eligible-members.ts'
import { PARTY_RULES, partyCharter } from './test-charters.ts'

const TODAY = '1923-12-02'

// Join dates on and around every cutoff of the test charter, at today's date.
const JOIN_DATES = [
  '1905-05-05',
  '1917-11-06',
  '1917-11-07',
  '1918-12-02',
  '1918-12-03',
  '1920-12-02',
  '1920-12-03',
  '1922-12-02',
  '1922-12-03',
  '1923-06-01',
  TODAY,
]

type Path =
  | { readonly registered: MemberStatus }
  | { readonly registered: 'candidate'; readonly promotedAfterDays: number; readonly later?: MemberStatus }

// Registered statuses and later histories: promotions (some of them recent), suspensions, leaving.
const PATHS: readonly Path[] = [
  { registered: 'full' },
  { registered: 'candidate' },
  { registered: 'applicant' },
  { registered: 'candidate', promotedAfterDays: 200 },
  { registered: 'candidate', promotedAfterDays: 0 },
  { registered: 'candidate', promotedAfterDays: 30, later: 'suspended' },
  { registered: 'candidate', promotedAfterDays: 10, later: 'left' },
  { registered: 'full' },
]

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + days)
  const iso = next.toISOString().slice(0, 10)
  return iso > TODAY ? TODAY : iso
}

describe('listEligibleMembers', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  let ctx: UseCaseContext
  const clock = new ManualClock(`${TODAY}T09:00:00Z`)

  beforeAll(async () => {
    database = await createTestDatabase()
    ctx = { db: database.db, clock, actor: { kind: 'cli' } }
    await configureOrganisation(ctx, { name: 'The Party', levels: ['central', 'region', 'district', 'unit'] })
    tree = await createTestTree(database.db)
    await adoptCharter(ctx, {
      source: partyCharter({ name: 'First rules', unitSecretaryYears: 1 }),
      decision: {
        kind: 'congress',
        title: 'Tenth Congress',
        decidedOn: '1919-12-20',
        bodyId: tree.central.id,
      },
      effectiveFrom: '1920-01-01',
    })
    await adoptCharter(ctx, {
      source: partyCharter({ name: 'Second rules', unitSecretaryYears: 3 }),
      decision: {
        kind: 'congress',
        title: 'Twelfth Congress',
        decidedOn: '1923-03-20',
        bodyId: tree.central.id,
      },
      effectiveFrom: '1923-04-01',
    })
    const units = [tree.unitA1, tree.unitA2, tree.unitB1]
    let n = 0
    for (const joinedOn of JOIN_DATES) {
      for (const path of PATHS) {
        const unit = units[n % units.length] as BodyRow
        n++
        const member = await registerMember(ctx, {
          unitId: unit.id,
          fullName: `Member ${n}`,
          joinedOn,
          category: n % 3 === 0 ? 'peasant' : 'worker',
          status: path.registered,
        })
        if ('promotedAfterDays' in path) {
          const promoted = addDays(joinedOn, path.promotedAfterDays)
          await changeMemberStatus(ctx, { memberId: member.id, to: 'full', onDate: promoted })
          if (path.later)
            await changeMemberStatus(ctx, { memberId: member.id, to: path.later, onDate: TODAY })
        }
        // Every seventh member moved to another region's unit since joining.
        if (n % 7 === 0) {
          const other = units[(n + 1) % units.length] as BodyRow
          await transferMember(ctx, { memberId: member.id, toUnitId: other.id, onDate: TODAY })
        }
      }
    }
  })
  afterAll(async () => database.drop())

  /** Every page of the list, followed through its cursors. */
  async function listAll(post: string, bodyId: number, date = TODAY, limit = 4): Promise<EligibleMember[]> {
    const items: EligibleMember[] = []
    let cursor: string | undefined
    for (let guard = 0; guard < 100; guard++) {
      const page = await listEligibleMembers(database.db, {
        post,
        bodyId,
        date,
        limit,
        ...(cursor ? { cursor } : {}),
      })
      expect(page.items.length).toBeLessThanOrEqual(limit)
      items.push(...page.items)
      if (!page.nextCursor) return items
      cursor = page.nextCursor
    }
    throw new Error('too many pages')
  }

  /** Who checkEligibility says may hold the post, sorted the way the list promises. */
  async function eligibleByCheck(post: string, bodyId: number, byFullMembership: boolean): Promise<number[]> {
    const members = await database.db
      .selectFrom('members')
      .select(['id', 'joined_on', 'full_member_since'])
      .execute()
    const eligible: typeof members = []
    for (const member of members) {
      const answer = await checkEligibility(database.db, { memberId: member.id, post, bodyId, date: TODAY })
      if (answer.eligible) eligible.push(member)
    }
    const key = (m: (typeof members)[number]) =>
      byFullMembership ? (m.full_member_since ?? '') : m.joined_on
    return eligible.sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id).map((m) => m.id)
  }

  it('lists at today’s date exactly the members checkEligibility finds eligible, longest standing first', async () => {
    const cases: readonly [string, BodyRow, boolean][] = [
      ['general-secretary', tree.central, false],
      ['region-secretary', tree.regionA, false],
      ['region-secretary', tree.regionB, false],
      ['district-secretary', tree.districtA, false],
      ['district-secretary', tree.districtB, false],
      ['district-bureau-member', tree.districtA, true],
      ['district-bureau-member', tree.districtB, true],
      ['unit-secretary', tree.unitA1, false],
      ['unit-secretary', tree.unitA2, false],
      ['unit-secretary', tree.unitB1, false],
    ]
    for (const [post, body, byFullMembership] of cases) {
      const listed = (await listAll(post, body.id)).map((item) => item.memberId)
      const expected = await eligibleByCheck(post, body.id, byFullMembership)
      expect(listed, `${post} of ${body.name}`).toEqual(expected)
      expect(expected.length, `${post} of ${body.name} has someone eligible`).toBeGreaterThan(0)
    }
  })

  it('returns the member fields, the charter version and the rules applied', async () => {
    const page = await listEligibleMembers(database.db, {
      post: 'region-secretary',
      bodyId: tree.regionA.id,
      date: TODAY,
      limit: 2,
    })
    expect(page.rules.map((rule) => rule.ruleId)).toEqual([
      PARTY_RULES.regionSecretaryPost,
      PARTY_RULES.votingRights,
      PARTY_RULES.regionSecretary,
    ])
    expect(page.sortedBy).toBe('joinedOn')
    expect(page.items).toHaveLength(2)
    for (const item of page.items) {
      expect(item.joinedOn < '1917-11-07').toBe(true)
      expect(item.status).toBe('full')
      expect(['Unit A1', 'Unit A2']).toContain(item.unitName)
    }
    expect(page.nextCursor).not.toBeNull()

    const bureau = await listEligibleMembers(database.db, {
      post: 'district-bureau-member',
      bodyId: tree.districtA.id,
      date: TODAY,
      limit: 50,
    })
    expect(bureau.sortedBy).toBe('fullMemberSince')
    const since = bureau.items.map((item) => item.fullMemberSince ?? '')
    expect(since).toEqual([...since].sort())
    expect(since.every((date) => date <= '1922-12-02')).toBe(true)
  })

  it('reads the charter in force on the date', async () => {
    const before = await listEligibleMembers(database.db, {
      post: 'unit-secretary',
      bodyId: tree.unitA1.id,
      date: '1923-03-31',
      limit: 100,
    })
    const after = await listEligibleMembers(database.db, {
      post: 'unit-secretary',
      bodyId: tree.unitA1.id,
      date: '1923-04-01',
      limit: 100,
    })
    expect(before.charterVersionId).not.toBe(after.charterVersionId)
    expect(before.rules.at(-1)?.text).toBe('A unit secretary needs 1 year of membership.')
    expect(after.rules.at(-1)?.text).toBe('A unit secretary needs 3 years of membership.')
    expect(before.items.every((item) => item.joinedOn <= '1922-03-31')).toBe(true)
    expect(after.items.every((item) => item.joinedOn <= '1920-04-01')).toBe(true)
    expect(before.items.length).toBeGreaterThan(after.items.length)
  })

  it('refuses a post at the wrong level, a date before any charter, a dissolved body and a bad cursor', async () => {
    const query = { post: 'region-secretary', bodyId: tree.regionA.id, date: TODAY, limit: 10 }
    await expect(
      listEligibleMembers(database.db, { ...query, bodyId: tree.districtA.id }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_POST' })
    await expect(listEligibleMembers(database.db, { ...query, date: '1919-01-01' })).rejects.toMatchObject({
      code: 'CHARTER_NOT_ADOPTED',
    })
    await expect(
      listEligibleMembers(database.db, { ...query, post: 'unit-secretary', bodyId: tree.dissolvedUnit.id }),
    ).rejects.toMatchObject({ code: 'BODY_DISSOLVED' })
    await expect(
      listEligibleMembers(database.db, { ...query, cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(listEligibleMembers(database.db, { ...query, date: '1923-13-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
  })
})
