import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { getBody } from './get-body.ts'
import { ancestorsOf } from './list-ancestors.ts'
import { readLevels } from './organisation-settings.ts'
import { isUnitLevel } from './tree.ts'

/** A body as a page about it shows it: where it sits, what it is, what hangs below it. */
export interface BodyDescription {
  readonly body: BodyRow
  readonly level: {
    readonly name: string
    /** 0 for the top level; -1 if the body's level is no longer configured. */
    readonly index: number
    readonly isUnit: boolean
  }
  /** Root first. */
  readonly ancestors: BodyRow[]
  /** Active child bodies. */
  readonly childCount: number
  /** Members who have not left, for a unit; null for other bodies. */
  readonly memberCount: number | null
}

/**
 * The body plus its level, ancestors and counts, or BODY_NOT_FOUND. Pass the row when the caller
 * has already loaded it (the API has, to authorise), so it is not read again.
 */
export async function describeBody(db: Executor, bodyOrId: number | BodyRow): Promise<BodyDescription> {
  const body = typeof bodyOrId === 'number' ? await getBody(db, bodyOrId) : bodyOrId
  const bodyId = body.id
  const levels = await readLevels(db)
  const isUnit = isUnitLevel(levels, body.level)
  // Sequential on purpose: inside a transaction all three share one connection anyway.
  const ancestors = await ancestorsOf(db, body)
  const children = await db
    .selectFrom('bodies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', bodyId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  const members = isUnit
    ? await db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unit_id', '=', bodyId)
        .where('status', '<>', 'left')
        .executeTakeFirstOrThrow()
    : null
  return {
    body,
    level: { name: body.level, index: levels.indexOf(body.level), isUnit },
    ancestors,
    childCount: Number(children.n),
    memberCount: members ? Number(members.n) : null,
  }
}
