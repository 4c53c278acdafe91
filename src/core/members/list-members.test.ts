import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { addContact } from './add-contact.ts'
import { countMembersByStatus } from './count-members-by-status.ts'
import { listContacts } from './list-contacts.ts'
import { listMembers } from './list-members.ts'
import { registerMember } from './register-member.ts'

describe('listing members and contacts', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  let ctx: UseCaseContext

  const member = (
    unitId: number,
    fullName: string,
    joinedOn: string,
    status: 'full' | 'candidate' = 'full',
  ) => registerMember(ctx, { unitId, fullName, joinedOn, category: 'worker', status, fieldsOfWork: [] })

  beforeAll(async () => {
    database = await createTestDatabase()
    tree = await createTestTree(database.db)
    ctx = { db: database.db, clock: new ManualClock('2024-06-01T00:00:00Z'), actor: { kind: 'cli' } }
    await member(tree.unitA1.id, 'exactly three years', '2021-06-01')
    await member(tree.unitA1.id, 'one day short', '2021-06-02')
    await member(tree.unitA2.id, 'old hand', '2001-01-01')
    await member(tree.unitA2.id, 'candidate', '2023-01-01', 'candidate')
    await member(tree.unitB1.id, 'other region', '1999-01-01')
  })
  afterAll(async () => database.drop())

  const names = (page: { items: readonly { full_name: string }[] }) => page.items.map((m) => m.full_name)

  it('scopes to a subtree: members elsewhere never appear', async () => {
    const regionA = await listMembers(database.db, {
      scopePath: tree.regionA.path,
      asOf: '2024-06-01',
      limit: 50,
    })
    expect(names(regionA)).toEqual(['old hand', 'exactly three years', 'one day short', 'candidate'])
    const unit = await listMembers(database.db, {
      scopePath: tree.unitA1.path,
      asOf: '2024-06-01',
      limit: 50,
    })
    expect(names(unit)).toEqual(['exactly three years', 'one day short'])
    const all = await listMembers(database.db, {
      scopePath: tree.central.path,
      asOf: '2024-06-01',
      limit: 50,
    })
    expect(names(all)).toHaveLength(5)
  })

  it('includes a member who joined exactly N years before asOf, not one day later', async () => {
    const page = await listMembers(database.db, {
      scopePath: tree.districtA.path,
      asOf: '2024-06-01',
      minStandingYears: 3,
      limit: 50,
    })
    expect(names(page)).toEqual(['old hand', 'exactly three years'])
  })

  it('filters by status and pages by keyset without repeats', async () => {
    const candidates = await listMembers(database.db, {
      scopePath: tree.central.path,
      asOf: '2024-06-01',
      statuses: ['candidate'],
      limit: 10,
    })
    expect(names(candidates)).toEqual(['candidate'])
    const seen: string[] = []
    let after: string | undefined
    for (;;) {
      const page = await listMembers(database.db, {
        scopePath: tree.central.path,
        asOf: '2024-06-01',
        limit: 2,
        after,
      })
      seen.push(...names(page))
      if (!page.nextCursor) break
      after = page.nextCursor
    }
    expect(seen).toEqual(['other region', 'old hand', 'exactly three years', 'one day short', 'candidate'])
    await expect(
      listMembers(database.db, {
        scopePath: tree.central.path,
        asOf: '2024-06-01',
        limit: 2,
        after: 'garbage',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('counts members by status in a subtree', async () => {
    const counts = await countMembersByStatus(database.db, { scopePath: tree.regionA.path })
    expect(counts).toEqual({ applicant: 0, candidate: 1, full: 3, suspended: 0, left: 0 })
  })

  it('keeps contacts per body, with an event, paged', async () => {
    const first = await addContact(ctx, {
      bodyId: tree.districtA.id,
      fullName: 'Non-member One',
      category: 'worker',
    })
    await addContact(ctx, { bodyId: tree.districtA.id, fullName: 'Non-member Two', notes: 'women delegate' })
    await addContact(ctx, { bodyId: tree.unitB1.id, fullName: 'Elsewhere' })
    await expect(addContact(ctx, { bodyId: tree.dissolvedUnit.id, fullName: 'Late' })).rejects.toMatchObject({
      code: 'BODY_DISSOLVED',
    })
    const page1 = await listContacts(database.db, { bodyId: tree.districtA.id, limit: 1 })
    expect(page1.items.map((c) => c.full_name)).toEqual(['Non-member One'])
    const page2 = await listContacts(database.db, {
      bodyId: tree.districtA.id,
      limit: 1,
      after: page1.nextCursor ?? undefined,
    })
    expect(page2).toMatchObject({ items: [{ full_name: 'Non-member Two' }], nextCursor: null })
    const event = await database.db
      .selectFrom('events')
      .selectAll()
      .where('subject_kind', '=', 'contact')
      .where('subject_id', '=', first.id)
      .executeTakeFirst()
    expect(event).toMatchObject({
      type: 'contact.added',
      body_id: tree.districtA.id,
      region_id: tree.regionA.id,
    })
  })
})
