import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { moveBody } from '../orgs/move-body.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { changeMemberStatus } from './change-member-status.ts'
import { registerMember } from './register-member.ts'
import { transferMember } from './transfer-member.ts'

describe("a member's history follows the member's region (the distribution key)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  let ctx: UseCaseContext

  beforeAll(async () => {
    database = await createTestDatabase()
    tree = await createTestTree(database.db)
    ctx = { db: database.db, clock: new ManualClock('2024-03-01T10:00:00Z'), actor: { kind: 'cli' } }
  })
  afterAll(async () => database.drop())

  const historyRegions = async (memberId: number) => {
    const statuses = await database.db
      .selectFrom('member_status_changes')
      .select('region_id')
      .where('member_id', '=', memberId)
      .execute()
    const transfers = await database.db
      .selectFrom('member_transfers')
      .select('region_id')
      .where('member_id', '=', memberId)
      .execute()
    return [...statuses, ...transfers].map((row) => row.region_id)
  }

  it('moves with a transfer to another region, and with a move of the whole subtree', async () => {
    const member = await registerMember(ctx, {
      unitId: tree.unitA1.id,
      fullName: 'Pavel Orlov',
      joinedOn: '2020-01-10',
      category: 'worker',
      status: 'candidate',
      fieldsOfWork: [],
    })
    await changeMemberStatus(ctx, { memberId: member.id, to: 'full', onDate: '2020-07-10' })
    expect(await historyRegions(member.id)).toEqual([tree.regionA.id])

    await transferMember(ctx, { memberId: member.id, toUnitId: tree.unitB1.id, onDate: '2023-02-01' })
    expect(await historyRegions(member.id)).toEqual([tree.regionB.id, tree.regionB.id])

    // Region B's unit moves under region A: the member, and so their history, now live in A.
    const unitB1 = await database.db
      .selectFrom('bodies')
      .selectAll()
      .where('id', '=', tree.unitB1.id)
      .executeTakeFirstOrThrow()
    expect(unitB1.region_id).toBe(tree.regionB.id)
    await moveBody(ctx, { bodyId: unitB1.id, newParentId: tree.districtA.id })
    expect(await historyRegions(member.id)).toEqual([tree.regionA.id, tree.regionA.id])
  })
})
