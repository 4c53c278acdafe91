import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { ManualClock } from '../shared/clock.ts'
import { bulkLoadMembers, type MemberRowInput } from './bulk-load-members.ts'

describe('bulk loading members', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  const clock = new ManualClock('2024-06-01T00:00:00Z')
  const actor = { kind: 'system' } as const

  beforeAll(async () => {
    database = await createTestDatabase()
    tree = await createTestTree(database.db)
  })
  afterAll(async () => database.drop())

  function* generated(count: number, prefix: string, badUnitAt?: number): Generator<MemberRowInput> {
    for (let i = 0; i < count; i += 1) {
      yield {
        card: `${prefix}${i}`,
        fullName: `Member ${i}`,
        unitId: i === badUnitAt ? tree.districtA.id : i % 2 ? tree.unitA1.id : tree.unitB1.id,
        joinedOn: '2000-01-01',
        category: 'worker',
        status: i % 3 ? 'full' : 'candidate',
        fieldsOfWork: i % 5 ? [] : ['custom:a, "quoted" field'],
      }
    }
  }
  const schemaOfMembers = async () =>
    (
      await sql<{ def: string }>`
        select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'members'::regclass
        union all
        select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'members'::regclass
        order by 1`.execute(database.db)
    ).rows.map((row) => row.def)

  it('loads a large batch (index rebuild path) and leaves the schema as it was', async () => {
    const before = await schemaOfMembers()
    const phases: string[] = []
    const result = await bulkLoadMembers(database, clock, actor, generated(60_000, 'G'), {
      source: 'generate',
      onProgress: (progress) => phases.push(progress.phase),
    })
    expect(result.count).toBe(60_000)
    expect(phases).toContain('indexing')
    expect(await schemaOfMembers()).toEqual(before)
    const sample = await database.db
      .selectFrom('members')
      .selectAll()
      .where('card', '=', 'G0')
      .executeTakeFirstOrThrow()
    expect(sample).toMatchObject({
      unit_path: tree.unitB1.path,
      region_id: tree.regionB.id,
      status: 'candidate',
    })
    expect(sample.fields_of_work).toEqual(['custom:a, "quoted" field'])
  })

  it('rolls a large rejected load back entirely, schema included', async () => {
    const before = await schemaOfMembers()
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('members')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const membersBefore = await count()
    await expect(
      bulkLoadMembers(database, clock, actor, generated(70_000, 'H', 69_999), { source: 'generate' }),
    ).rejects.toMatchObject({
      code: 'IMPORT_REJECTED',
      details: { errorCount: 1, errors: [{ row: 70_000, column: 'unit_id' }] },
    })
    expect(await count()).toBe(membersBefore)
    expect(await schemaOfMembers()).toEqual(before)
  })
})
