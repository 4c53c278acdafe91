import type { Kysely } from 'kysely'
import { createTestDatabase } from '../../../test/support/database.ts'
import type { BodyRow, DB, EventRow, MemberRow } from '../../db/schema.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { createBody } from './create-body.ts'

/** Test support for the orgs suites: a database, a clock, and a way to run a use case in a transaction. */
export async function openOrgsTest() {
  const database = await createTestDatabase()
  const clock = new ManualClock('2026-03-02T09:00:00Z')
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
  return { database, db: database.db, clock, run }
}

/** A small tree on the default levels: central → 2 regions → 3 districts → 4 units. */
export async function buildTree(run: <T>(work: (ctx: UseCaseContext) => Promise<T>) => Promise<T>) {
  return run(async (ctx) => {
    const central = await createBody(ctx, { parentId: null, name: 'Central Committee' })
    const north = await createBody(ctx, { parentId: central.id, name: 'North' })
    const south = await createBody(ctx, { parentId: central.id, name: 'South' })
    const riverside = await createBody(ctx, { parentId: north.id, name: 'Riverside' })
    const hills = await createBody(ctx, { parentId: north.id, name: 'Hills' })
    const coast = await createBody(ctx, { parentId: south.id, name: 'Coast' })
    const mill = await createBody(ctx, { parentId: riverside.id, name: 'Mill No. 1', kind: 'factory' })
    const farm = await createBody(ctx, { parentId: riverside.id, name: 'Upper Farm', kind: 'village' })
    const school = await createBody(ctx, { parentId: hills.id, name: 'Hill School', kind: 'school' })
    const dock = await createBody(ctx, { parentId: coast.id, name: 'Dockyard', kind: 'factory' })
    return { central, north, south, riverside, hills, coast, mill, farm, school, dock }
  })
}

/** Inserts members straight into the table (the registry use cases live elsewhere). */
export async function insertMembers(
  db: Kysely<DB>,
  unit: BodyRow,
  statuses: readonly MemberRow['status'][],
): Promise<number[]> {
  if (statuses.length === 0) return []
  const rows = await db
    .insertInto('members')
    .values(
      statuses.map((status, i) => ({
        region_id: unit.region_id ?? unit.id,
        unit_id: unit.id,
        unit_path: unit.path,
        full_name: `Member ${unit.id}-${i}`,
        joined_on: '1919-05-01',
        category: 'worker' as const,
        status,
        status_since: '1920-01-01',
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      })),
    )
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Events of one type, oldest first, with parsed payloads. */
export async function eventsOfType(db: Kysely<DB>, type: string): Promise<EventRow[]> {
  return db.selectFrom('events').selectAll().where('type', '=', type).orderBy('id').execute()
}
