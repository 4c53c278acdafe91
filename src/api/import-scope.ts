import { Transform, type TransformCallback } from 'node:stream'
import { parse } from 'csv-parse'
import { AppError } from '../core/shared/errors.ts'
import type { Executor } from '../db/client.ts'

/** A row whose unit lies outside the body the import was addressed to. */
export interface ScopeViolation {
  readonly row: number
  readonly column: string | null
  readonly reason: string
}

const MAX_LISTED = 1000

/**
 * The ids of the bodies in a subtree, or null for the whole tree (no restriction). A region has at
 * most some 100,000 bodies, a set of numbers that fits comfortably in memory. Loaded before the
 * import starts: the import's transaction holds PGlite's only connection until it ends.
 */
export async function bodiesInScope(db: Executor, scope: { path: string; parent_id: number | null }) {
  if (scope.parent_id === null) return null
  const rows = await db
    .selectFrom('bodies')
    .select('id')
    .where((eb) => eb(eb.ref('path'), 'like', `${scope.path}%`))
    .execute()
  return new Set(rows.map((r) => r.id))
}

/**
 * Passes a CSV upload through unchanged while reading its unit_id column on the side, and notes
 * each row naming a unit outside the scope. The importer has no notion of scope, so without this a
 * secretary of region A could import members into region B by addressing the import to A.
 * `assertClean` is called from the importer's progress callback just before it inserts, inside
 * its transaction, so a violation rolls the whole import back.
 * (Better placed in the importer as a set-based check on its staging table: see the report.)
 */
export function scopeGuard(inScope: ReadonlySet<number> | null) {
  const violations: ScopeViolation[] = []
  let finished = false
  let unitColumn = -1
  let headerSeen = false
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true })
  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
    if (!headerSeen) {
      headerSeen = true
      unitColumn = record.map((name) => name.trim()).indexOf('unit_id')
      return
    }
    const raw = unitColumn >= 0 ? record[unitColumn]?.trim() : undefined
    if (inScope === null || !raw || !/^\d{1,15}$/.test(raw)) return // malformed ids: the importer reports them
    const unitId = Number(raw)
    if (!inScope.has(unitId) && violations.length < MAX_LISTED) {
      violations.push({
        row: info.lines,
        column: 'unit_id',
        reason: `unit ${unitId} is not inside this body`,
      })
    }
  })
  parser.on('end', () => {
    finished = true
  })
  // A malformed file is the importer's to report; the side parser just stops looking.
  parser.on('error', () => {
    finished = true
  })

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (parser.writable) parser.write(chunk)
      callback(null, chunk)
    },
    flush(callback: TransformCallback) {
      parser.end()
      callback()
    },
  })

  return {
    stream,
    violations,
    /** Throws IMPORT_REJECTED when any row lies outside the scope (or the check did not finish). */
    assertClean(): void {
      if (!finished) throw new AppError('INTERNAL_ERROR', 'The scope check of the import did not finish')
      if (violations.length > 0) {
        throw new AppError(
          'IMPORT_REJECTED',
          `${violations.length} row(s) outside this body; nothing was imported`,
          {
            errors: violations,
            errorCount: violations.length,
          },
        )
      }
    },
  }
}

/** The importer's own row errors merged with the scope violations, in row order. */
export function mergeRejections(details: unknown, violations: readonly ScopeViolation[]) {
  const listed = (details as { errors?: unknown }).errors
  const count = Number((details as { errorCount?: unknown }).errorCount ?? 0)
  const found = Array.isArray(listed) ? (listed as ScopeViolation[]) : []
  const seen = new Set(found.map((e) => `${e.row}|${e.column}|${e.reason}`))
  const extra = violations.filter((v) => !seen.has(`${v.row}|${v.column}|${v.reason}`))
  const errors = [...found, ...extra].sort((a, b) => a.row - b.row).slice(0, MAX_LISTED)
  return { errors, errorCount: count + extra.length }
}
