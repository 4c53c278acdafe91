import { sql } from 'kysely'
import type { Executor } from '../../src/db/client.ts'
import type { BodyRow } from '../../src/db/schema.ts'

export interface InsertBodyInput {
  readonly parent: BodyRow | null
  readonly level: string
  readonly name: string
  readonly kind?: string | null
  readonly status?: 'active' | 'dissolved'
}

/**
 * Inserts one body directly (no use case, no event), with a correct path, depth and region, so
 * tests of other capabilities can build a tree without depending on src/core/orgs.
 */
export async function insertBody(db: Executor, input: InsertBodyInput): Promise<BodyRow> {
  const { rows } = await sql<{
    id: number
  }>`select nextval(pg_get_serial_sequence('bodies', 'id'))::int8 as id`.execute(db)
  const id = Number(rows[0]?.id)
  const depth = input.parent ? input.parent.depth + 1 : 0
  const path = `${input.parent ? input.parent.path : '/'}${id}/`
  const regionId = depth <= 1 || !input.parent ? id : (input.parent.region_id ?? input.parent.id)
  return db
    .insertInto('bodies')
    .values({
      id,
      parent_id: input.parent?.id ?? null,
      path,
      depth,
      level: input.level,
      kind: input.kind ?? null,
      name: input.name,
      region_id: regionId,
      status: input.status ?? 'active',
      created_at: new Date('2020-01-01T00:00:00Z'),
      dissolved_at: input.status === 'dissolved' ? new Date('2020-06-01T00:00:00Z') : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** The small default-levels tree most member tests use. */
export interface TestTree {
  readonly central: BodyRow
  readonly regionA: BodyRow
  readonly regionB: BodyRow
  readonly districtA: BodyRow
  readonly districtB: BodyRow
  readonly unitA1: BodyRow
  readonly unitA2: BodyRow
  readonly unitB1: BodyRow
  readonly dissolvedUnit: BodyRow
}

/**
 * central → regions A, B → one district each → units A1, A2 (and a dissolved one) under A, B1
 * under B. Levels are the defaults: central, region, district, unit.
 */
export async function createTestTree(db: Executor): Promise<TestTree> {
  const central = await insertBody(db, { parent: null, level: 'central', name: 'Central Committee' })
  const regionA = await insertBody(db, { parent: central, level: 'region', name: 'Region A' })
  const regionB = await insertBody(db, { parent: central, level: 'region', name: 'Region B' })
  const districtA = await insertBody(db, { parent: regionA, level: 'district', name: 'District A' })
  const districtB = await insertBody(db, { parent: regionB, level: 'district', name: 'District B' })
  const unitA1 = await insertBody(db, { parent: districtA, level: 'unit', kind: 'factory', name: 'Unit A1' })
  const unitA2 = await insertBody(db, { parent: districtA, level: 'unit', kind: 'village', name: 'Unit A2' })
  const unitB1 = await insertBody(db, { parent: districtB, level: 'unit', kind: 'army', name: 'Unit B1' })
  const dissolvedUnit = await insertBody(db, {
    parent: districtA,
    level: 'unit',
    kind: 'office',
    name: 'Dissolved unit',
    status: 'dissolved',
  })
  return { central, regionA, regionB, districtA, districtB, unitA1, unitA2, unitB1, dissolvedUnit }
}
