import { Transform, type TransformCallback } from 'node:stream'
import { parse } from 'csv-parse'
import { sql } from 'kysely'
import type { Executor } from '../db/client.ts'

/** A row whose unit lies outside the body the import was addressed to. */
export interface ScopeViolation {
  readonly row: number
  readonly column: 'unit_id'
  readonly reason: string
}

const MAX_LISTED = 1000

/**
 * Passes a CSV upload through unchanged while reading its unit_id column on the side, and, before
 * the stream ends, fails it when any row names a unit outside `scopePath`. The importer has no
 * notion of scope, so without this a secretary of region A could import members into region B by
 * addressing the import to A. The stream error makes the all-or-nothing import roll back; the
 * route then reports `violations` as IMPORT_REJECTED rows.
 * (Better placed in the importer as a set-based check on its staging table: see the report.)
 */
export function scopeGuard(db: Executor, scopePath: string): { stream: Transform; violations: ScopeViolation[] } {
  const violations: ScopeViolation[] = []
  const rowsByUnit = new Map<number, number[]>()
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
    if (!raw || !/^\d{1,15}$/.test(raw)) return // the importer reports malformed ids itself
    const unitId = Number(raw)
    const rows = rowsByUnit.get(unitId) ?? []
    if (rows.length < MAX_LISTED) rows.push(info.lines)
    rowsByUnit.set(unitId, rows)
  })
  // A malformed file is the importer's to report; the side parser just stops looking.
  parser.on('error', () => {})
  const parserDone = new Promise<void>((resolve) => {
    parser.on('end', resolve)
    parser.on('error', () => resolve())
  })

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (parser.writable) parser.write(chunk)
      callback(null, chunk)
    },
    flush(callback: TransformCallback) {
      parser.end()
      parserDone
        .then(() => outside(db, scopePath, [...rowsByUnit.keys()]))
        .then((units) => {
          for (const unit of units) {
            for (const row of rowsByUnit.get(unit.id) ?? []) {
              if (violations.length < MAX_LISTED) {
                violations.push({ row, column: 'unit_id', reason: `unit ${unit.id} is outside this body` })
              }
            }
          }
          violations.sort((a, b) => a.row - b.row)
          callback(violations.length > 0 ? new Error('rows outside the import scope') : null)
        }, callback)
    },
  })
  return { stream, violations }
}

/** The existing bodies among `ids` that lie outside the subtree at `scopePath`. */
async function outside(db: Executor, scopePath: string, ids: number[]): Promise<{ id: number }[]> {
  const found: { id: number }[] = []
  for (let i = 0; i < ids.length; i += 10_000) {
    const batch = ids.slice(i, i + 10_000)
    const rows = await db
      .selectFrom('bodies')
      .select('id')
      .where('id', 'in', batch)
      .where(sql<boolean>`not (path collate "C" like ${`${scopePath}%`})`)
      .execute()
    found.push(...rows)
  }
  return found
}
