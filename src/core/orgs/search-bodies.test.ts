import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBody } from './create-body.ts'
import { dissolveBody } from './dissolve-body.ts'
import { searchBodies } from './search-bodies.ts'
import { buildTree, openOrgsTest } from './test-fixtures.ts'

let t: Awaited<ReturnType<typeof openOrgsTest>>
let tree: Awaited<ReturnType<typeof buildTree>>
beforeAll(async () => {
  t = await openOrgsTest()
  tree = await buildTree(t.run)
})
afterAll(async () => {
  await t.database.drop()
})

const names = (found: readonly { name: string }[]) => found.map((b) => b.name)

describe('searchBodies', () => {
  it('finds names containing the text in any case, shallowest first, with the parent named', async () => {
    const found = await searchBodies(t.db, { scopePath: tree.central.path, q: 'HILL', limit: 10 })
    expect(names(found)).toEqual(['Hills', 'Hill School'])
    expect(found[1]).toMatchObject({ parentName: 'Hills', level: 'unit', kind: 'school' })
    const o = await searchBodies(t.db, { scopePath: tree.central.path, q: 'o', limit: 10 })
    // Depth first, then name: regions, then districts, then units.
    expect(names(o)).toEqual([
      'Central Committee',
      'North',
      'South',
      'Coast',
      'Dockyard',
      'Hill School',
      'Mill No. 1',
    ])
  })

  it('stays inside the subtree it is given', async () => {
    const found = await searchBodies(t.db, { scopePath: tree.north.path, q: 'o', limit: 10 })
    expect(names(found)).toEqual(['North', 'Hill School', 'Mill No. 1'])
    expect(names(await searchBodies(t.db, { scopePath: tree.south.path, q: 'mill', limit: 10 }))).toEqual([])
  })

  it('leaves out dissolved bodies, honours the limit, and takes wildcards literally', async () => {
    const old = await t.run((ctx) =>
      createBody(ctx, { parentId: tree.coast.id, name: 'Old 100% Works', kind: 'factory' }),
    )
    expect(names(await searchBodies(t.db, { scopePath: tree.central.path, q: '100%', limit: 5 }))).toEqual([
      'Old 100% Works',
    ])
    expect(names(await searchBodies(t.db, { scopePath: tree.central.path, q: '1_0', limit: 5 }))).toEqual([])
    await t.run((ctx) => dissolveBody(ctx, { bodyId: old.id }))
    expect(await searchBodies(t.db, { scopePath: tree.central.path, q: 'works', limit: 5 })).toEqual([])
    expect(await searchBodies(t.db, { scopePath: tree.central.path, q: 'o', limit: 2 })).toHaveLength(2)
  })

  it('refuses an empty query or a limit past 50', async () => {
    await expect(searchBodies(t.db, { scopePath: '/', q: '  ', limit: 5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'q' }] },
    })
    await expect(searchBodies(t.db, { scopePath: '/', q: 'a', limit: 51 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'limit' }] },
    })
  })
})
