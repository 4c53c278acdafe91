import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { exportMembersCsv } from './export-members-csv.ts'
import { importMembersCsv } from './import-members-csv.ts'
import { registerMember } from './register-member.ts'

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>

const snapshot = (database: TestDatabase) =>
  database.db
    .selectFrom('members')
    .select([
      'card',
      'full_name',
      'email',
      'phone',
      'unit_id',
      'unit_path',
      'region_id',
      'joined_on',
      'category',
      'status',
      'status_since',
      'full_member_since',
      'fields_of_work',
    ])
    .orderBy('full_name')
    .execute()

describe('exporting members to CSV', () => {
  let source: TestDatabase
  let target: TestDatabase
  let tree: TestTree
  let ctx: UseCaseContext
  const clock = new ManualClock('2024-06-01T00:00:00Z')

  beforeAll(async () => {
    source = await createTestDatabase()
    target = await createTestDatabase()
    tree = await createTestTree(source.db)
    await createTestTree(target.db) // same ids: both trees are built the same way in fresh databases
    ctx = { db: source.db, clock, actor: { kind: 'cli' } }
    const base = { category: 'worker' as const, status: 'full' as const }
    await registerMember(ctx, {
      ...base,
      unitId: tree.unitA1.id,
      fullName: 'Quote "the" Comma, Person',
      email: 'q@example.org',
      phone: '+1 (555) 0100',
      card: 'Q-1',
      joinedOn: '1917-03-01',
      statusSince: '1918-01-01',
      fieldsOfWork: ['party', 'custom:soviet law'],
    })
    await registerMember(ctx, {
      ...base,
      unitId: tree.unitA2.id,
      fullName: 'Plain Candidate',
      joinedOn: '2023-01-01',
      status: 'candidate',
    })
    for (let i = 0; i < 12; i += 1) {
      await registerMember(ctx, {
        ...base,
        unitId: tree.unitA1.id,
        fullName: `Member ${String(i).padStart(2, '0')}`,
        joinedOn: `2000-01-${String(i + 1).padStart(2, '0')}`,
        card: `N-${i}`,
      })
    }
    await registerMember(ctx, {
      ...base,
      unitId: tree.unitB1.id,
      fullName: 'Other Region',
      joinedOn: '2001-01-01',
    })
  })
  afterAll(async () => {
    await source.drop()
    await target.drop()
  })

  it('writes the subtree as CSV with an export event, and re-imports into a fresh database', async () => {
    let csv = ''
    for await (const chunk of exportMembersCsv(ctx, { scopeBodyId: tree.regionA.id, pageSize: 5 }))
      csv += chunk
    const lines = csv.trimEnd().split('\n')
    expect(lines[0]).toBe(
      'id,card,full_name,email,phone,unit_id,joined_on,category,status,status_since,full_member_since,fields_of_work',
    )
    expect(csv).not.toContain('Other Region')
    const event = await source.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'members.exported')
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({
      body_id: tree.regionA.id,
      payload: { scopeBodyId: tree.regionA.id, count: 14, format: 'csv' },
    })

    const result = await importMembersCsv(target, clock, { kind: 'cli' }, { input: csv })
    expect(result.count).toBe(14)
    const expected = (await snapshot(source)).filter((m) => m.full_name !== 'Other Region')
    expect(await snapshot(target)).toEqual(expected)
  })
})
