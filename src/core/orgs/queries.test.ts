import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BodyRow } from '../../db/schema.ts'
import { createBody } from './create-body.ts'
import { describeBody } from './describe-body.ts'
import { dissolveBody } from './dissolve-body.ts'
import { listAncestors } from './list-ancestors.ts'
import { listChildren } from './list-children.ts'
import { listSubtree } from './list-subtree.ts'
import { buildTree, insertMembers, openOrgsTest } from './test-fixtures.ts'

describe('reading the tree', () => {
  let t: Awaited<ReturnType<typeof openOrgsTest>>
  let tree: Awaited<ReturnType<typeof buildTree>>
  beforeAll(async () => {
    t = await openOrgsTest()
    tree = await buildTree(t.run)
    await insertMembers(t.db, tree.mill, ['full', 'full', 'candidate', 'left'])
    // A dissolved unit, hidden unless includeDissolved.
    const extra = await t.run((ctx) =>
      createBody(ctx, { parentId: tree.hills.id, name: 'Quarry', kind: 'factory' }),
    )
    await t.run((ctx) => dissolveBody(ctx, { bodyId: extra.id }))
  })
  afterAll(async () => t.database.drop())

  it('lists active children with member counts for units and child counts otherwise', async () => {
    const regions = await listChildren(t.db, { bodyId: tree.central.id })
    expect(regions.map((b) => [b.name, b.childCount, b.memberCount])).toEqual([
      ['North', 2, null],
      ['South', 1, null],
    ])
    const units = await listChildren(t.db, { bodyId: tree.riverside.id })
    expect(units.map((b) => [b.name, b.memberCount, b.childCount])).toEqual([
      ['Mill No. 1', 3, null],
      ['Upper Farm', 0, null],
    ])
    expect((await listChildren(t.db, { bodyId: tree.hills.id })).map((b) => b.name)).toEqual(['Hill School'])
  })

  it('pages through a subtree in path order with a cursor', async () => {
    const seen: BodyRow[] = []
    let after: string | undefined
    for (let page = 0; page < 10; page++) {
      const result = await listSubtree(t.db, { rootId: tree.north.id, limit: 2, ...(after ? { after } : {}) })
      seen.push(...result.items)
      if (!result.nextCursor) break
      after = result.nextCursor
    }
    const expected = [tree.north, tree.riverside, tree.hills, tree.mill, tree.farm, tree.school]
      .map((b) => b.path)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    expect(seen.map((b) => b.path)).toEqual(expected)
    expect(seen[0]?.id).toBe(tree.north.id)

    const withDissolved = await listSubtree(t.db, {
      rootId: tree.north.id,
      limit: 100,
      includeDissolved: true,
    })
    expect(withDissolved.items.map((b) => b.name)).toContain('Quarry')
    expect(withDissolved.nextCursor).toBeNull()

    const shallow = await listSubtree(t.db, { rootId: tree.central.id, limit: 100, maxDepth: 1 })
    expect(shallow.items.map((b) => b.name)).toEqual(['Central Committee', 'North', 'South'])
    await expect(listSubtree(t.db, { rootId: tree.central.id, limit: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
  })

  it('lists ancestors root first and describes a body', async () => {
    expect((await listAncestors(t.db, { bodyId: tree.mill.id })).map((b) => b.id)).toEqual([
      tree.central.id,
      tree.north.id,
      tree.riverside.id,
    ])
    expect(await listAncestors(t.db, { bodyId: tree.central.id })).toEqual([])
    await expect(listAncestors(t.db, { bodyId: 999_999 })).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' })

    const mill = await describeBody(t.db, tree.mill.id)
    expect(mill).toMatchObject({
      body: { id: tree.mill.id, name: 'Mill No. 1' },
      level: { name: 'unit', index: 3, isUnit: true },
      childCount: 0,
      memberCount: 3,
    })
    expect(mill.ancestors.map((b) => b.name)).toEqual(['Central Committee', 'North', 'Riverside'])
    const north = await describeBody(t.db, tree.north.id)
    expect(north).toMatchObject({
      level: { name: 'region', index: 1, isUnit: false },
      childCount: 2,
      memberCount: null,
    })
  })
})
