import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { readLevels } from './organisation-settings.ts'
import { isUnitLevel } from './tree.ts'

/** A child body with the count that matters for it: members for a unit, child bodies otherwise. */
export type BodyChild = BodyRow & {
  /** Members who have not left, for units; null for other bodies. */
  readonly memberCount: number | null
  /** Active child bodies, for non-units; null for units. */
  readonly childCount: number | null
}

/** The active children of a body, by name, each with its member or child count. */
export async function listChildren(db: Executor, input: { readonly bodyId: number }): Promise<BodyChild[]> {
  const levels = await readLevels(db)
  const unitLevel = levels.at(-1) ?? ''
  const rows = await db
    .selectFrom('bodies as b')
    .selectAll('b')
    .select((eb) => [
      eb
        .case()
        .when('b.level', '=', unitLevel)
        .then(
          eb
            .selectFrom('members as m')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('m.unit_id', '=', 'b.id')
            .where('m.status', '<>', 'left'),
        )
        .end()
        .as('member_count'),
      eb
        .case()
        .when('b.level', '<>', unitLevel)
        .then(
          eb
            .selectFrom('bodies as c')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('c.parent_id', '=', 'b.id')
            .where('c.status', '=', 'active'),
        )
        .end()
        .as('child_count'),
    ])
    .where('b.parent_id', '=', input.bodyId)
    .where('b.status', '=', 'active')
    .orderBy('b.name')
    .orderBy('b.id')
    .execute()
  return rows.map(({ member_count, child_count, ...body }) => ({
    ...body,
    memberCount: isUnitLevel(levels, body.level) ? Number(member_count ?? 0) : null,
    childCount: isUnitLevel(levels, body.level) ? null : Number(child_count ?? 0),
  }))
}
