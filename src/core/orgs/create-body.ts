import { sql } from 'kysely'
import type { BodyRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { getBody } from './get-body.ts'
import { readLevels, unitKindSchema } from './organisation-settings.ts'
import { isUnitLevel, levelIndex, regionFor } from './tree.ts'

export interface CreateBodyInput {
  readonly parentId: number | null
  readonly name: string
  /** Defaults to the level right below the parent's (the top level for the root). */
  readonly level?: string
  /** Required for units (the base level), forbidden otherwise. */
  readonly kind?: string
}

/**
 * Creates a body under `parentId`, or the root when `parentId` is null. Its path is the parent's
 * plus its own id, and its region_id is its depth-1 ancestor (itself at depth ≤ 1).
 */
export async function createBody(ctx: UseCaseContext, input: CreateBodyInput): Promise<BodyRow> {
  const name = validName(input.name)
  const levels = await readLevels(ctx.db)
  const parent = input.parentId === null ? null : await getBody(ctx.db, input.parentId)

  let level: string
  if (parent === null) {
    const root = await ctx.db
      .selectFrom('bodies')
      .select('id')
      .where('parent_id', 'is', null)
      .where('status', '=', 'active')
      .executeTakeFirst()
    if (root) throw new AppError('CONFLICT', 'The organisation already has a root body', { rootId: root.id })
    level = input.level ?? (levels[0] as string)
    levelIndex(levels, level)
  } else {
    if (parent.status === 'dissolved') {
      throw new AppError('BODY_DISSOLVED', `Body ${parent.id} is dissolved`, { bodyId: parent.id })
    }
    const parentIndex = levelIndex(levels, parent.level)
    if (isUnitLevel(levels, parent.level)) {
      throw new AppError('LEVEL_MISMATCH', `A ${parent.level} cannot have child bodies`, {
        parentId: parent.id,
        parentLevel: parent.level,
      })
    }
    level = input.level ?? (levels[parentIndex + 1] as string)
    if (levelIndex(levels, level) <= parentIndex) {
      throw new AppError('LEVEL_MISMATCH', `A ${level} cannot sit under a ${parent.level}`, {
        parentId: parent.id,
        parentLevel: parent.level,
        level,
      })
    }
  }

  const kind = validKind(levels, level, input.kind)
  // Take the id first: the path embeds it, and a unique path cannot hold a placeholder.
  const { id } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('bodies', 'id'))::int8 as id`
    .execute(ctx.db)
    .then((r) => r.rows[0] as { id: number })
  const depth = parent ? parent.depth + 1 : 0
  const body = await ctx.db
    .insertInto('bodies')
    .values({
      id,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth,
      level,
      kind,
      name,
      region_id: regionFor(id, depth, parent?.region_id ?? null),
      status: 'active',
      created_at: ctx.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()

  await appendEvent(
    ctx,
    { type: 'body.created', payload: { parentId: body.parent_id, level, kind, name } },
    { bodyId: body.id, regionId: body.region_id, subject: { kind: 'body', id: body.id } },
  )
  return body
}

/** A trimmed body name of 1–200 characters, or VALIDATION_FAILED. */
export function validName(raw: string): string {
  const name = raw.trim()
  if (name.length < 1 || name.length > 200) {
    throw invalidInput('A body name has 1 to 200 characters', [
      { path: 'name', message: '1 to 200 characters' },
    ])
  }
  return name
}

function validKind(levels: readonly string[], level: string, kind: string | undefined): string | null {
  if (!isUnitLevel(levels, level)) {
    if (kind !== undefined) {
      const message = `Only ${levels.at(-1)} bodies have a kind`
      throw invalidInput(message, [{ path: 'kind', message }], { level, kind })
    }
    return null
  }
  const parsed = unitKindSchema.safeParse(kind)
  if (!parsed.success) {
    const message = `A ${level} needs a kind (factory, village, army, office, school or custom:<name>)`
    throw invalidInput(message, [{ path: 'kind', message }], { level, kind: kind ?? null })
  }
  return parsed.data
}
