import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppError } from '../shared/errors.ts'
import { dissolveBody } from './dissolve-body.ts'
import { buildTree, eventsOfType, insertMembers, openOrgsTest } from './test-fixtures.ts'

describe('dissolving a body', () => {
  let t: Awaited<ReturnType<typeof openOrgsTest>>
  let tree: Awaited<ReturnType<typeof buildTree>>
  beforeAll(async () => {
    t = await openOrgsTest()
    tree = await buildTree(t.run)
  })
  afterAll(async () => t.database.drop())

  const snapshot = async () => ({
    bodies: await t.db.selectFrom('bodies').selectAll().orderBy('id').execute(),
    members: await t.db.selectFrom('members').selectAll().orderBy('id').execute(),
    transfers: await t.db.selectFrom('member_transfers').selectAll().execute(),
    events: await t.db.selectFrom('events').select('id').execute(),
  })

  it('refuses while members remain, reports who, and changes nothing', async () => {
    const { riverside, mill, farm } = tree
    const millIds = await insertMembers(t.db, mill, Array(120).fill('full'))
    const farmIds = await insertMembers(t.db, farm, ['candidate', 'left'])
    const before = await snapshot()
    const refusal = t.run((ctx) => dissolveBody(ctx, { bodyId: riverside.id }))
    await expect(refusal).rejects.toMatchObject({ code: 'BODY_NOT_EMPTY' })
    const error = await refusal.then(
      () => null,
      (e: unknown) => e as AppError,
    )
    const details = error?.details as { memberCount: number; memberIds: number[] }
    expect(details.memberCount).toBe(121)
    expect(details.memberIds).toEqual([...millIds, ...farmIds].sort((a, b) => a - b).slice(0, 100))
    expect(details.memberIds).not.toContain(farmIds[1])
    expect(await snapshot()).toEqual(before)
  })

  it('checks the transfer target', async () => {
    const { central, riverside, mill, hills, dock } = tree
    const attempt = (bodyId: number, transferMembersTo?: number) =>
      t.run((ctx) => dissolveBody(ctx, { bodyId, ...(transferMembersTo ? { transferMembersTo } : {}) }))
    await expect(attempt(riverside.id, hills.id)).rejects.toMatchObject({ code: 'NOT_A_UNIT' })
    await expect(attempt(riverside.id, mill.id)).rejects.toMatchObject({ code: 'INVALID_MOVE' })
    await expect(attempt(central.id, dock.id)).rejects.toMatchObject({ code: 'INVALID_MOVE' })
    await expect(attempt(riverside.id, 999_999)).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' })
  })

  it('transfers the remaining members and dissolves the whole subtree', async () => {
    const { riverside, mill, farm, school, hills } = tree
    t.clock.set('2026-03-05T10:00:00Z')
    const staying = await t.db
      .selectFrom('members')
      .select(['id', 'unit_id'])
      .where('unit_id', 'in', [mill.id, farm.id])
      .where('status', '<>', 'left')
      .orderBy('id')
      .execute()
    const result = await t.run((ctx) =>
      dissolveBody(ctx, { bodyId: riverside.id, transferMembersTo: school.id }),
    )
    expect(result).toMatchObject({ bodiesDissolved: 3, membersTransferred: 121 })

    const bodies = await t.db
      .selectFrom('bodies')
      .selectAll()
      .where('id', 'in', [riverside.id, mill.id, farm.id])
      .execute()
    for (const b of bodies) {
      expect(b.status).toBe('dissolved')
      expect(new Date(b.dissolved_at ?? 0).toISOString()).toBe('2026-03-05T10:00:00.000Z')
    }
    const moved = await t.db
      .selectFrom('members')
      .selectAll()
      .where(
        'id',
        'in',
        staying.map((m) => m.id),
      )
      .execute()
    expect(
      moved.every(
        (m) => m.unit_id === school.id && m.unit_path === school.path && m.region_id === hills.region_id,
      ),
    ).toBe(true)
    const left = await t.db
      .selectFrom('members')
      .selectAll()
      .where('status', '=', 'left')
      .executeTakeFirstOrThrow()
    expect(left.unit_id).toBe(farm.id)

    const transfers = await t.db.selectFrom('member_transfers').selectAll().orderBy('member_id').execute()
    expect(transfers.map((r) => [r.member_id, r.from_unit_id, r.to_unit_id])).toEqual(
      staying.map((m) => [m.id, m.unit_id, school.id]),
    )
    expect(new Set(transfers.map((r) => r.event_id))).toEqual(new Set([result.eventId]))
    expect(transfers[0]?.on_date).toBe('2026-03-05')

    const [event] = await eventsOfType(t.db, 'body.dissolved')
    expect(event).toMatchObject({
      id: result.eventId,
      subject_id: riverside.id,
      payload: { membersTransferredTo: school.id, membersAffected: 121, bodiesDissolved: 3 },
    })
  })

  it('dissolves an empty body without a target, and refuses to do it twice or for the root', async () => {
    const { coast, dock, central } = tree
    const result = await t.run((ctx) => dissolveBody(ctx, { bodyId: coast.id }))
    expect(result).toMatchObject({ bodiesDissolved: 2, membersTransferred: 0 })
    const dockNow = await t.db
      .selectFrom('bodies')
      .select('status')
      .where('id', '=', dock.id)
      .executeTakeFirstOrThrow()
    expect(dockNow.status).toBe('dissolved')
    await expect(t.run((ctx) => dissolveBody(ctx, { bodyId: coast.id }))).rejects.toMatchObject({
      code: 'BODY_DISSOLVED',
    })
    await expect(t.run((ctx) => dissolveBody(ctx, { bodyId: central.id }))).rejects.toMatchObject({
      code: 'INVALID_MOVE',
    })
    await expect(
      t.run((ctx) => dissolveBody(ctx, { bodyId: tree.hills.id, transferMembersTo: dock.id })),
    ).rejects.toMatchObject({ code: 'BODY_DISSOLVED' })
    expect(await eventsOfType(t.db, 'body.dissolved')).toHaveLength(2)
  })
})
