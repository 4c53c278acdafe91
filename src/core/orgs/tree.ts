import { type RawBuilder, sql } from 'kysely'
import { AppError } from '../shared/errors.ts'

/**
 * `column collate "C" like '<path>%'`: the subtree under `path`, as one range scan on the
 * `(path collate "C")` indexes. The COLLATE must sit on the column, or a database with a non-C
 * locale cannot use those indexes for a prefix LIKE. Paths hold only digits and '/', so the
 * prefix needs no escaping of LIKE wildcards.
 */
export function inSubtree(column: string, path: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} collate "C" like ${`${path}%`}`
}

/** The position of `level` in the configured levels, or LEVEL_MISMATCH if it is not one. */
export function levelIndex(levels: readonly string[], level: string): number {
  const index = levels.indexOf(level)
  if (index < 0) {
    throw new AppError('LEVEL_MISMATCH', `"${level}" is not one of the organisation's levels`, {
      level,
      levels,
    })
  }
  return index
}

/** Whether `level` is the base level, the one whose bodies ("units") hold members. */
export function isUnitLevel(levels: readonly string[], level: string): boolean {
  return levels.length > 0 && levels[levels.length - 1] === level
}

/**
 * The region a body at `depth` belongs to: its depth-1 ancestor, or itself at depth ≤ 1 (the
 * root and each region are their own region, so region_id is never null and stays a usable
 * Citus distribution key).
 */
export function regionFor(ownId: number, depth: number, parentRegionId: number | null): number {
  return depth <= 1 || parentRegionId === null ? ownId : parentRegionId
}

/** The region rows and events about a body carry (the root has none of its own: itself). */
export function bodyRegion(body: { readonly id: number; readonly region_id: number | null }): number {
  return body.region_id ?? body.id
}
