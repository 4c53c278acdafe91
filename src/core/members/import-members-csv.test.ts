import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { ManualClock } from '../shared/clock.ts'
import { AppError } from '../shared/errors.ts'
import { importMembersCsv } from './import-members-csv.ts'
import { registerMember } from './register-member.ts'

const HEADER =
  'card,full_name,email,phone,unit_id,joined_on,category,status,status_since,full_member_since,fields_of_work'

describe('importing members from CSV', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  const clock = new ManualClock('2024-06-01T00:00:00Z')
  const actor = { kind: 'cli' } as const

  beforeAll(async () => {
    database = await createTestDatabase()
    tree = await createTestTree(database.db)
    await registerMember(
      { db: database.db, clock, actor },
      {
        unitId: tree.unitA1.id,
        fullName: 'Already here',
        card: 'TAKEN',
        joinedOn: '2010-01-01',
        category: 'worker',
        status: 'full',
      },
    )
  })
  afterAll(async () => database.drop())

  const memberCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('members')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const importEvents = async () =>
    Number(
      (
        await database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('type', '=', 'members.imported')
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('imports valid rows with their unit path, region and derived dates, in one event', async () => {
    const csv = [
      HEADER,
      `C-1,"Smirnov, Ivan",ivan@example.org,,${tree.unitA1.id},2017-11-01,worker,full,,,party;trade-union`,
      `C-2,Maria Kuznetsova,,+7 123,${tree.unitB1.id},2022-03-15,peasant,candidate,2022-04-01,,custom:agronomy`,
      '',
      `,Nikolai Popov,,,${tree.unitA2.id},2023-01-01,employee,applicant,,,`,
    ].join('\n')
    const result = await importMembersCsv(database, clock, actor, { input: csv })
    expect(result.count).toBe(3)
    const rows = await database.db
      .selectFrom('members')
      .selectAll()
      .where('id', '>=', result.firstMemberId ?? 0)
      .orderBy('full_name', 'desc')
      .execute()
    expect(
      rows.map((m) => [
        m.full_name,
        m.unit_path,
        m.region_id,
        m.status_since,
        m.full_member_since,
        m.fields_of_work,
      ]),
    ).toEqual([
      [
        'Smirnov, Ivan',
        tree.unitA1.path,
        tree.regionA.id,
        '2017-11-01',
        '2017-11-01',
        ['party', 'trade-union'],
      ],
      ['Nikolai Popov', tree.unitA2.path, tree.regionA.id, '2023-01-01', null, []],
      ['Maria Kuznetsova', tree.unitB1.path, tree.regionB.id, '2022-04-01', null, ['custom:agronomy']],
    ])
    const event = await database.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', result.eventId)
      .executeTakeFirstOrThrow()
    expect(event.payload).toEqual({
      source: 'csv',
      count: 3,
      firstMemberId: result.firstMemberId,
      lastMemberId: result.lastMemberId,
    })
  })

  it('rejects a file with bad rows of every kind, lists each, and writes nothing', async () => {
    const before = { members: await memberCount(), events: await importEvents() }
    const csv = [
      HEADER, // line 1
      `D-1,Good Row,,,${tree.unitA1.id},2020-01-01,worker,full,,,`, // 2: fine
      `D-2,Bad Date,,,${tree.unitA1.id},2020-02-30,worker,full,,,`, // 3
      `D-3,Bad Category,,,${tree.unitA1.id},2020-01-01,soldier,full,,,`, // 4
      `D-4,Unknown Unit,,,999999,2020-01-01,worker,full,,,`, // 5
      `D-1,Same Card,,,${tree.unitA2.id},2020-01-01,worker,full,,,`, // 6: card of line 2
      `D-6,Short Row,,,${tree.unitA1.id},2020-01-01`, // 7
      `D-7,Not A Unit,,,${tree.districtA.id},2020-01-01,worker,full,,,`, // 8
      `TAKEN,Card In Use,,,${tree.unitA1.id},2020-01-01,worker,full,,,`, // 9
      `D-9,,,,${tree.unitA1.id},2020-01-01,worker,full,,,`, // 10: no name
      `D-10,Closed Unit,,,${tree.dissolvedUnit.id},2020-01-01,worker,full,,,`, // 11
    ].join('\n')
    const error = await importMembersCsv(database, clock, actor, { input: csv }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    const details = (error as AppError).details as {
      errors: { row: number; column: string | null; reason: string }[]
      errorCount: number
    }
    expect((error as AppError).code).toBe('IMPORT_REJECTED')
    expect(details.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'joined_on'],
      [4, 'category'],
      [5, 'unit_id'],
      [6, 'card'],
      [7, null],
      [8, 'unit_id'],
      [9, 'card'],
      [10, 'full_name'],
      [11, 'unit_id'],
    ])
    expect(details.errorCount).toBe(9)
    expect(details.errors.find((e) => e.row === 5)?.reason).toContain('unknown unit')
    expect(details.errors.find((e) => e.row === 6)?.reason).toContain('row 2')
    expect(details.errors.find((e) => e.row === 8)?.reason).toContain('not a unit')
    expect(details.errors.find((e) => e.row === 11)?.reason).toContain('dissolved')
    expect({ members: await memberCount(), events: await importEvents() }).toEqual(before)
  })

  it('reports unknown and missing header columns', async () => {
    const csv = `card,full_name,unit_id,joined_on,status,colour\nX,Y,${tree.unitA1.id},2020-01-01,full,red\n`
    const error = (await importMembersCsv(database, clock, actor, { input: csv }).catch(
      (e: unknown) => e,
    )) as AppError
    expect(error.code).toBe('IMPORT_REJECTED')
    expect(error.details).toMatchObject({
      errors: [
        { row: 1, column: 'category', reason: 'missing column' },
        { row: 1, column: 'colour', reason: 'unknown column' },
      ],
    })
  })

  it('reports a malformed CSV with its line', async () => {
    const csv = `${HEADER}\nA,"unclosed,,,${tree.unitA1.id},2020-01-01,worker,full,,,\n`
    const error = (await importMembersCsv(database, clock, actor, { input: csv }).catch(
      (e: unknown) => e,
    )) as AppError
    expect(error.code).toBe('IMPORT_REJECTED')
  })
})
