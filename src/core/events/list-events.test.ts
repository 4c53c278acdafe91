import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertBody } from '../../../test/support/tree.ts'
import { renameBody } from '../orgs/rename-body.ts'
import { buildTree, openOrgsTest } from '../orgs/test-fixtures.ts'
import { appendEvent } from './append-event.ts'
import { type LoggedEvent, listEvents } from './list-events.ts'

describe('listEvents', () => {
  let t: Awaited<ReturnType<typeof openOrgsTest>>
  let tree: Awaited<ReturnType<typeof buildTree>>
  let signInId = 0
  beforeAll(async () => {
    t = await openOrgsTest()
    tree = await buildTree(t.run)
    await t.run((ctx) => renameBody(ctx, { bodyId: tree.mill.id, name: 'Mill No. 2' }))
    await t.run((ctx) => renameBody(ctx, { bodyId: tree.dock.id, name: 'Dry Dock' }))
    signInId = await t.run((ctx) =>
      appendEvent(ctx, { type: 'account.signed_in', payload: {} }, { subject: { kind: 'account', id: 1 } }),
    )
  })
  afterAll(async () => t.database.drop())

  const ids = (items: readonly LoggedEvent[]) => items.map((event) => event.id)
  const subjects = (items: readonly LoggedEvent[]) =>
    items.map((event) => `${event.type} ${event.subject?.id}`)

  it('shows the whole log at the root, newest first, with events that have no body', async () => {
    const page = await listEvents(t.db, { scopePath: tree.central.path, limit: 100 })
    expect(page.items).toHaveLength(13)
    expect(page.items[0]).toMatchObject({ id: signInId, type: 'account.signed_in', bodyId: null })
    expect(ids(page.items)).toEqual([...ids(page.items)].sort((a, b) => b - a))
    expect(page.nextAfter).toBeNull()
  })

  it('keeps a region to its own subtree', async () => {
    const page = await listEvents(t.db, { scopePath: tree.north.path, limit: 100 })
    const { north, riverside, hills, mill, farm, school } = tree
    expect(subjects(page.items)).toEqual([
      `body.renamed ${mill.id}`,
      ...[school, farm, mill, hills, riverside, north].map((body) => `body.created ${body.id}`),
    ])
  })

  it('keeps a district to its units, and a unit to itself', async () => {
    const district = await listEvents(t.db, { scopePath: tree.riverside.path, limit: 100 })
    expect(new Set(district.items.map((event) => event.bodyId))).toEqual(
      new Set([tree.riverside.id, tree.mill.id, tree.farm.id]),
    )
    const unit = await listEvents(t.db, { scopePath: tree.mill.path, limit: 100 })
    expect(unit.items.map((event) => event.type)).toEqual(['body.renamed', 'body.created'])
    expect(unit.items[0]?.payload).toEqual({ from: 'Mill No. 1', to: 'Mill No. 2' })
  })

  it('pages by id without gaps or repeats', async () => {
    const all = await listEvents(t.db, { scopePath: tree.central.path, limit: 100 })
    const seen: number[] = []
    let after: number | undefined
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await listEvents(t.db, {
        scopePath: tree.central.path,
        limit: 5,
        ...(after ? { after } : {}),
      })
      seen.push(...ids(page.items))
      if (page.nextAfter === null) break
      after = page.nextAfter
    }
    expect(seen).toEqual(ids(all.items))
  })

  it('answers the same, page by page, whether a subtree is read body by body or by region', async () => {
    const read = async (limit: number) => {
      const seen: number[] = []
      let after: number | undefined
      for (let pages = 0; pages < 20; pages += 1) {
        const page = await listEvents(t.db, {
          scopePath: tree.north.path,
          limit,
          ...(after ? { after } : {}),
        })
        seen.push(...ids(page.items))
        if (page.nextAfter === null) return seen
        after = page.nextAfter
      }
      return seen
    }
    const bodyByBody = await read(2)
    expect(bodyByBody).toHaveLength(7)
    // Past 100 bodies the region's events are walked instead (bodies without events change nothing).
    await t.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 100; n += 1)
        await insertBody(trx, { parent: tree.hills, level: 'unit', name: `Cell ${n}` })
    })
    expect(await read(2)).toEqual(bodyByBody)
    expect(await read(100)).toEqual(bodyByBody)
  })

  it('filters by type', async () => {
    const page = await listEvents(t.db, { scopePath: tree.central.path, types: ['body.renamed'], limit: 100 })
    expect(subjects(page.items)).toEqual([`body.renamed ${tree.dock.id}`, `body.renamed ${tree.mill.id}`])
  })

  it('answers an unknown scope with nothing and refuses an unknown type', async () => {
    expect(await listEvents(t.db, { scopePath: '/999999/', limit: 10 })).toEqual({
      items: [],
      nextAfter: null,
    })
    await expect(
      listEvents(t.db, { scopePath: tree.central.path, types: ['nope' as 'body.renamed'], limit: 10 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
