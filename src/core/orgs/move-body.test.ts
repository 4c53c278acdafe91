import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBody } from './create-body.ts'
import { moveBody } from './move-body.ts'
import { buildTree, eventsOfType, insertMembers, openOrgsTest } from './test-fixtures.ts'

describe('moving a body with its subtree', () => {
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
  })

  it('rewrites path, depth and region of the bodies, members and contacts it carries', async () => {
    const { south, riverside, mill, farm, hills, school } = tree
    const millMembers = await insertMembers(t.db, mill, ['full', 'candidate', 'left'])
    const farmMembers = await insertMembers(t.db, farm, ['full'])
    const schoolMembers = await insertMembers(t.db, school, ['full'])
    await t.db
      .insertInto('contacts')
      .values({
        body_id: farm.id,
        region_id: farm.region_id,
        full_name: 'A sympathiser',
        created_at: t.clock.now(),
      })
      .execute()

    const result = await t.run((ctx) => moveBody(ctx, { bodyId: riverside.id, newParentId: south.id }))
    expect(result).toMatchObject({ bodiesMoved: 3, membersMoved: 4, contactsMoved: 1 })
    expect(result.body).toMatchObject({
      parent_id: south.id,
      path: `${south.path}${riverside.id}/`,
      region_id: south.id,
    })

    const bodies = await t.db
      .selectFrom('bodies')
      .selectAll()
      .where('id', 'in', [mill.id, farm.id])
      .orderBy('id')
      .execute()
    expect(bodies.map((b) => [b.path, b.depth, b.region_id, b.parent_id])).toEqual([
      [`${south.path}${riverside.id}/${mill.id}/`, 3, south.id, riverside.id],
      [`${south.path}${riverside.id}/${farm.id}/`, 3, south.id, riverside.id],
    ])
    const members = await t.db
      .selectFrom('members')
      .select(['id', 'unit_path', 'region_id', 'unit_id'])
      .execute()
    for (const m of members) {
      if (millMembers.includes(m.id))
        expect(m).toMatchObject({ unit_path: bodies[0]?.path, region_id: south.id })
      if (farmMembers.includes(m.id))
        expect(m).toMatchObject({ unit_path: bodies[1]?.path, region_id: south.id })
      if (schoolMembers.includes(m.id))
        expect(m).toMatchObject({ unit_path: school.path, region_id: hills.region_id })
    }
    const contact = await t.db.selectFrom('contacts').select('region_id').executeTakeFirstOrThrow()
    expect(contact.region_id).toBe(south.id)

    const [event] = await eventsOfType(t.db, 'body.moved')
    expect(event).toMatchObject({
      subject_id: riverside.id,
      region_id: south.id,
      payload: {
        fromParentId: tree.north.id,
        toParentId: south.id,
        bodiesMoved: 3,
        membersMoved: 4,
        contactsMoved: 1,
      },
    })
  })

  it('makes a district moved under the root a region of its own, with its whole subtree', async () => {
    const { central, coast, dock } = tree
    await insertMembers(t.db, dock, ['full'])
    await t.run((ctx) => moveBody(ctx, { bodyId: coast.id, newParentId: central.id }))
    const moved = await t.db
      .selectFrom('bodies')
      .selectAll()
      .where('id', 'in', [coast.id, dock.id])
      .orderBy('id')
      .execute()
    expect(moved.map((b) => [b.depth, b.region_id])).toEqual([
      [1, coast.id],
      [2, coast.id],
    ])
    const member = await t.db
      .selectFrom('members')
      .selectAll()
      .where('unit_id', '=', dock.id)
      .executeTakeFirstOrThrow()
    expect(member).toMatchObject({ unit_path: `/${central.id}/${coast.id}/${dock.id}/`, region_id: coast.id })
  })

  it('refuses a move into its own subtree and changes nothing', async () => {
    const { north, hills, school } = tree
    const before = await snapshot()
    await expect(
      t.run((ctx) => moveBody(ctx, { bodyId: north.id, newParentId: hills.id })),
    ).rejects.toMatchObject({
      code: 'INVALID_MOVE',
    })
    await expect(
      t.run((ctx) => moveBody(ctx, { bodyId: hills.id, newParentId: hills.id })),
    ).rejects.toMatchObject({
      code: 'INVALID_MOVE',
    })
    await expect(
      t.run((ctx) => moveBody(ctx, { bodyId: school.id, newParentId: hills.id })),
    ).rejects.toMatchObject({
      code: 'INVALID_MOVE',
    })
    expect(await snapshot()).toEqual(before)
    expect(await eventsOfType(t.db, 'body.moved')).toHaveLength(2)
  })

  it('refuses moving the root, breaking the level order, or moving under a dissolved body', async () => {
    const { central, north, south, hills, school, mill } = tree
    const attempt = (bodyId: number, newParentId: number) =>
      t.run((ctx) => moveBody(ctx, { bodyId, newParentId }))
    await expect(attempt(central.id, north.id)).rejects.toMatchObject({ code: 'INVALID_MOVE' })
    await expect(attempt(hills.id, tree.coast.id)).rejects.toMatchObject({
      code: 'LEVEL_MISMATCH',
    })
    await expect(attempt(school.id, mill.id)).rejects.toMatchObject({ code: 'LEVEL_MISMATCH' })
    await expect(attempt(north.id, south.id)).rejects.toMatchObject({ code: 'LEVEL_MISMATCH' })
    const closed = await t.run((ctx) => createBody(ctx, { parentId: south.id, name: 'Closed district' }))
    await t.db.updateTable('bodies').set({ status: 'dissolved' }).where('id', '=', closed.id).execute()
    await expect(attempt(school.id, closed.id)).rejects.toMatchObject({ code: 'BODY_DISSOLVED' })
    // A unit may move straight under a region (skipping the district level).
    const moved = await attempt(school.id, south.id)
    expect(moved.body).toMatchObject({ depth: 2, region_id: south.id })
  })
})
