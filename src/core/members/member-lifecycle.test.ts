import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { changeMemberStatus } from './change-member-status.ts'
import { getMember } from './get-member.ts'
import { registerMember } from './register-member.ts'
import { transferMember } from './transfer-member.ts'
import { updateMember } from './update-member.ts'

describe('member lifecycle', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  let ctx: UseCaseContext
  const clock = new ManualClock('2024-03-01T10:00:00Z')

  beforeAll(async () => {
    database = await createTestDatabase()
    tree = await createTestTree(database.db)
    ctx = { db: database.db, clock, actor: { kind: 'cli' } }
  })
  afterAll(async () => database.drop())

  const eventsOf = (memberId: number) =>
    database.db
      .selectFrom('events')
      .select(['id', 'type', 'payload', 'body_id', 'region_id'])
      .where('subject_kind', '=', 'member')
      .where('subject_id', '=', memberId)
      .orderBy('id')
      .execute()

  it('registers a member in a unit, with an event free of personal data', async () => {
    const member = await registerMember(ctx, {
      unitId: tree.unitA1.id,
      fullName: 'Anna Petrova',
      email: 'anna@example.org',
      card: 'A-1',
      joinedOn: '2019-05-01',
      category: 'worker',
      status: 'full',
      fieldsOfWork: ['party', 'custom:education'],
    })
    expect(member).toMatchObject({
      unit_path: tree.unitA1.path,
      region_id: tree.regionA.id,
      status_since: '2019-05-01',
      full_member_since: '2019-05-01',
    })
    const [event] = await eventsOf(member.id)
    expect(event).toMatchObject({
      type: 'member.registered',
      body_id: tree.unitA1.id,
      region_id: tree.regionA.id,
    })
    expect(JSON.stringify(event?.payload)).not.toContain('Anna')
  })

  it('refuses a second card holder, a non-unit, a dissolved unit and bad input', async () => {
    const base = { fullName: 'X', joinedOn: '2020-01-01', category: 'worker', status: 'applicant' } as const
    await expect(registerMember(ctx, { ...base, unitId: tree.unitA2.id, card: 'A-1' })).rejects.toMatchObject(
      {
        code: 'DUPLICATE',
      },
    )
    await expect(registerMember(ctx, { ...base, unitId: tree.districtA.id })).rejects.toMatchObject({
      code: 'NOT_A_UNIT',
    })
    await expect(registerMember(ctx, { ...base, unitId: tree.dissolvedUnit.id })).rejects.toMatchObject({
      code: 'BODY_DISSOLVED',
    })
    await expect(
      registerMember(ctx, { ...base, unitId: tree.unitA1.id, joinedOn: '2020-02-30' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('walks the allowed status path, refuses the others, and keeps the history', async () => {
    const member = await registerMember(ctx, {
      unitId: tree.unitA1.id,
      fullName: 'Ivan Sidorov',
      joinedOn: '2021-01-10',
      category: 'peasant',
      status: 'applicant',
      fieldsOfWork: [],
    })
    expect(member.full_member_since).toBeNull()
    await expect(
      changeMemberStatus(ctx, { memberId: member.id, to: 'full', onDate: '2021-02-01' }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      details: { from: 'applicant', to: 'full', allowed: ['candidate', 'left'] },
    })
    await changeMemberStatus(ctx, { memberId: member.id, to: 'candidate', onDate: '2021-02-01' })
    await expect(
      changeMemberStatus(ctx, { memberId: member.id, to: 'full', onDate: '2021-01-31' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    const full = await changeMemberStatus(ctx, { memberId: member.id, to: 'full', onDate: '2021-08-01' })
    expect(full.full_member_since).toBe('2021-08-01')
    await changeMemberStatus(ctx, {
      memberId: member.id,
      to: 'suspended',
      onDate: '2022-01-01',
      reason: 'arrears',
    })
    const back = await changeMemberStatus(ctx, { memberId: member.id, to: 'full', onDate: '2022-03-01' })
    expect(back.full_member_since).toBe('2021-08-01') // only the first admission sets it
    await changeMemberStatus(ctx, { memberId: member.id, to: 'left', onDate: '2023-01-01' })
    await expect(
      changeMemberStatus(ctx, { memberId: member.id, to: 'full', onDate: '2023-02-01' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATUS_TRANSITION' })
    await changeMemberStatus(ctx, { memberId: member.id, to: 'applicant', onDate: '2023-06-01' })

    const detail = await getMember(database.db, member.id)
    expect(detail.member.status).toBe('applicant')
    expect(detail.statusHistory.map((change) => `${change.from}→${change.to}@${change.onDate}`)).toEqual([
      'applicant→candidate@2021-02-01',
      'candidate→full@2021-08-01',
      'full→suspended@2022-01-01',
      'suspended→full@2022-03-01',
      'full→left@2023-01-01',
      'left→applicant@2023-06-01',
    ])
    expect(detail.statusHistory[2]?.reason).toBe('arrears')
    const events = await eventsOf(member.id)
    const statusEvents = events.filter((event) => event.type === 'member.status_changed')
    expect(statusEvents.map((event) => event.id)).toEqual(
      detail.statusHistory.map((change) => change.eventId),
    )
    // The free-text reason stays off the sealed log, where it could never be erased.
    expect(statusEvents[2]?.payload).toMatchObject({ reasonGiven: true })
    expect(JSON.stringify(statusEvents)).not.toContain('arrears')
  })

  it('transfers a member to another region with history, and refuses a non-unit target', async () => {
    const member = await registerMember(ctx, {
      unitId: tree.unitA2.id,
      fullName: 'Olga Ivanova',
      joinedOn: '2018-04-04',
      category: 'employee',
      status: 'candidate',
      fieldsOfWork: ['economic'],
    })
    await expect(
      transferMember(ctx, { memberId: member.id, toUnitId: tree.regionB.id, onDate: '2024-01-01' }),
    ).rejects.toMatchObject({ code: 'NOT_A_UNIT' })
    const moved = await transferMember(ctx, {
      memberId: member.id,
      toUnitId: tree.unitB1.id,
      onDate: '2024-01-01',
    })
    expect(moved).toMatchObject({
      unit_id: tree.unitB1.id,
      unit_path: tree.unitB1.path,
      region_id: tree.regionB.id,
    })
    const detail = await getMember(database.db, member.id)
    expect(detail.transfers).toEqual([
      expect.objectContaining({ fromUnitId: tree.unitA2.id, toUnitId: tree.unitB1.id, onDate: '2024-01-01' }),
    ])
    const events = await eventsOf(member.id)
    expect(events.at(-1)).toMatchObject({ type: 'member.transferred', id: detail.transfers[0]?.eventId })
  })

  it('updates fields and names only the changed ones in the event', async () => {
    const member = await registerMember(ctx, {
      unitId: tree.unitA1.id,
      fullName: 'Pyotr Orlov',
      phone: '123',
      joinedOn: '2015-01-01',
      category: 'worker',
      status: 'full',
      fieldsOfWork: ['military'],
    })
    const updated = await updateMember(ctx, {
      memberId: member.id,
      patch: { fullName: 'Pyotr Orlov', phone: '456', category: 'employee' },
    })
    expect(updated).toMatchObject({ phone: '456', category: 'employee' })
    const events = await eventsOf(member.id)
    expect(events.at(-1)).toMatchObject({
      type: 'member.updated',
      payload: { fields: ['phone', 'category'] },
    })
    await expect(updateMember(ctx, { memberId: member.id, patch: { card: 'A-1' } })).rejects.toMatchObject({
      code: 'DUPLICATE',
    })
    await expect(getMember(database.db, 999_999)).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' })
  })
})
