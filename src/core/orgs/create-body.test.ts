import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configureOrganisation } from './configure-organisation.ts'
import { createBody } from './create-body.ts'
import { readOrganisationSettings } from './organisation-settings.ts'
import { renameBody } from './rename-body.ts'
import { buildTree, eventsOfType, openOrgsTest } from './test-fixtures.ts'

describe('configuring the organisation and building its tree', () => {
  let t: Awaited<ReturnType<typeof openOrgsTest>>
  beforeAll(async () => {
    t = await openOrgsTest()
  })
  afterAll(async () => t.database.drop())

  it('stores the organisation settings and records the change', async () => {
    await t.run((ctx) =>
      configureOrganisation(ctx, { name: 'Draft', levels: ['central', 'region', 'district', 'unit'] }),
    )
    await t.run((ctx) =>
      configureOrganisation(ctx, { name: 'The Party', levels: ['centre', 'province', 'county', 'cell'] }),
    )
    expect(await readOrganisationSettings(t.db)).toEqual({
      name: 'The Party',
      levels: ['centre', 'province', 'county', 'cell'],
    })
    const events = await eventsOfType(t.db, 'organisation.configured')
    expect(events.map((e) => e.payload)).toEqual([
      { name: 'Draft', levels: ['central', 'region', 'district', 'unit'] },
      { name: 'The Party', levels: ['centre', 'province', 'county', 'cell'] },
    ])
  })

  it('refuses invalid settings', async () => {
    await expect(
      t.run((ctx) => configureOrganisation(ctx, { name: 'X', levels: ['only'] })),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
  })

  it('creates a tree with level names, paths, depths and regions', async () => {
    const root = await t.run((ctx) => createBody(ctx, { parentId: null, name: 'Centre' }))
    expect(root).toMatchObject({
      level: 'centre',
      depth: 0,
      path: `/${root.id}/`,
      region_id: root.id,
      kind: null,
    })
    const province = await t.run((ctx) => createBody(ctx, { parentId: root.id, name: 'Province A' }))
    expect(province).toMatchObject({ level: 'province', depth: 1, path: `/${root.id}/${province.id}/` })
    expect(province.region_id).toBe(province.id)
    const county = await t.run((ctx) => createBody(ctx, { parentId: province.id, name: '  County 1 ' }))
    expect(county).toMatchObject({ level: 'county', depth: 2, name: 'County 1', region_id: province.id })
    const cell = await t.run((ctx) =>
      createBody(ctx, { parentId: county.id, name: 'Works cell', kind: 'factory' }),
    )
    expect(cell).toMatchObject({ level: 'cell', kind: 'factory', depth: 3, region_id: province.id })
    expect(cell.path).toBe(`${county.path}${cell.id}/`)
    // Skipping a level is allowed: a cell directly under the province.
    const direct = await t.run((ctx) =>
      createBody(ctx, { parentId: province.id, name: 'Direct cell', level: 'cell', kind: 'custom:co-op' }),
    )
    expect(direct).toMatchObject({ level: 'cell', depth: 2, kind: 'custom:co-op', region_id: province.id })

    const created = await eventsOfType(t.db, 'body.created')
    const last = created.at(-1)
    expect(last).toMatchObject({
      body_id: direct.id,
      region_id: province.id,
      subject_kind: 'body',
      subject_id: direct.id,
      payload: { parentId: province.id, level: 'cell', kind: 'custom:co-op', name: 'Direct cell' },
    })
    expect(created).toHaveLength(5)
  })

  it('refuses level names changes once bodies exist, but accepts the same levels', async () => {
    await expect(
      t.run((ctx) => configureOrganisation(ctx, { name: 'The Party', levels: ['a', 'b'] })),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await t.run((ctx) =>
      configureOrganisation(ctx, { name: 'Renamed Party', levels: ['centre', 'province', 'county', 'cell'] }),
    )
    expect((await readOrganisationSettings(t.db))?.name).toBe('Renamed Party')
  })

  it('enforces the level and kind rules', async () => {
    const [root, province, county, cell] = await t.db
      .selectFrom('bodies')
      .selectAll()
      .orderBy('id')
      .limit(4)
      .execute()
    if (!root || !province || !county || !cell) throw new Error('tree missing')
    const attempt = (input: Parameters<typeof createBody>[1]) => t.run((ctx) => createBody(ctx, input))
    await expect(attempt({ parentId: null, name: 'Second root' })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(attempt({ parentId: county.id, name: 'P', level: 'province' })).rejects.toMatchObject({
      code: 'LEVEL_MISMATCH',
    })
    await expect(attempt({ parentId: county.id, name: 'C', level: 'county' })).rejects.toMatchObject({
      code: 'LEVEL_MISMATCH',
    })
    await expect(attempt({ parentId: county.id, name: 'X', level: 'nowhere' })).rejects.toMatchObject({
      code: 'LEVEL_MISMATCH',
    })
    await expect(attempt({ parentId: cell.id, name: 'Sub', kind: 'factory' })).rejects.toMatchObject({
      code: 'LEVEL_MISMATCH',
    })
    await expect(attempt({ parentId: county.id, name: 'No kind' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(attempt({ parentId: county.id, name: 'Bad kind', kind: 'castle' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(attempt({ parentId: province.id, name: 'County', kind: 'factory' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(attempt({ parentId: county.id, name: ' ', kind: 'factory' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(attempt({ parentId: 999_999, name: 'Orphan' })).rejects.toMatchObject({
      code: 'BODY_NOT_FOUND',
    })
  })

  it('refuses a child under a dissolved body', async () => {
    const [, province] = await t.db.selectFrom('bodies').selectAll().orderBy('id').limit(2).execute()
    if (!province) throw new Error('tree missing')
    const gone = await t.run((ctx) => createBody(ctx, { parentId: province.id, name: 'Gone county' }))
    await t.db.updateTable('bodies').set({ status: 'dissolved' }).where('id', '=', gone.id).execute()
    await expect(
      t.run((ctx) => createBody(ctx, { parentId: gone.id, name: 'Late cell', kind: 'office' })),
    ).rejects.toMatchObject({ code: 'BODY_DISSOLVED' })
  })
})

describe('renaming a body', () => {
  let t: Awaited<ReturnType<typeof openOrgsTest>>
  beforeAll(async () => {
    t = await openOrgsTest()
  })
  afterAll(async () => t.database.drop())

  it('renames and records from → to; an unchanged name writes nothing', async () => {
    const { mill, north } = await buildTree(t.run)
    const renamed = await t.run((ctx) => renameBody(ctx, { bodyId: mill.id, name: 'Red Mill' }))
    expect(renamed.name).toBe('Red Mill')
    await t.run((ctx) => renameBody(ctx, { bodyId: mill.id, name: 'Red Mill' }))
    const events = await eventsOfType(t.db, 'body.renamed')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      subject_id: mill.id,
      region_id: north.id,
      payload: { from: 'Mill No. 1', to: 'Red Mill' },
    })
  })
})
