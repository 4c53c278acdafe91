import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CsvError, parse } from 'csv-parse'
import type { Database } from '../../db/client.ts'
import type { Actor } from '../shared/actor.ts'
import type { Clock } from '../shared/clock.ts'
import {
  type BulkLoadProgress,
  type BulkLoadResult,
  bulkLoadMembers,
  type LoadScope,
  MAX_LISTED_ERRORS,
  type MemberRowInput,
  type RowError,
} from './bulk-load-members.ts'
import {
  blankCellMessage,
  IGNORED_CSV_COLUMNS,
  MEMBER_CSV_COLUMNS,
  memberCsvRowSchema,
  normaliseCsvCells,
  REQUIRED_CSV_COLUMNS,
  toMemberRowInput,
} from './member-csv.ts'

export interface ImportMembersCsvInput {
  /** The whole file as text, or a stream of it (read once, never held whole in memory). */
  readonly input: string | NodeJS.ReadableStream
  readonly onProgress?: (progress: BulkLoadProgress) => void
  /** The body the import is addressed to (see BulkLoadOptions.scope). */
  readonly scope?: LoadScope
}

interface Collected {
  errors: RowError[]
  errorCount: number
}

/**
 * Imports members from CSV with a header row (see MEMBER_CSV_COLUMNS). Every record is validated
 * as it streams by; every problem is collected with its line number (header = line 1), column
 * and reason, together with the database's checks (unknown unit, duplicate card). Any problem →
 * IMPORT_REJECTED listing them, and nothing is written. Otherwise one `members.imported` event.
 */
export async function importMembersCsv(
  database: Database,
  clock: Clock,
  actor: Actor,
  options: ImportMembersCsvInput,
): Promise<BulkLoadResult> {
  const collected: Collected = { errors: [], errorCount: 0 }
  return bulkLoadMembers(database, clock, actor, validRows(options.input, collected), {
    source: 'csv',
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    upstreamErrors: () => collected,
    ...(options.scope ? { scope: options.scope } : {}),
  })
}

function record(collected: Collected, error: RowError): void {
  collected.errorCount += 1
  if (collected.errors.length < MAX_LISTED_ERRORS) collected.errors.push(error)
}

/** Yields the valid rows; records every problem in `collected` instead of stopping at the first. */
async function* validRows(
  input: string | NodeJS.ReadableStream,
  collected: Collected,
): AsyncGenerator<MemberRowInput> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true })
  const source = typeof input === 'string' ? Readable.from([input]) : Readable.from(input)
  pipeline(source, parser).catch(() => {}) // a failure surfaces through the parser's iterator
  let header: string[] | null = null
  try {
    for await (const { record: fields, info } of parser as AsyncIterable<{
      record: string[]
      info: { lines: number }
    }>) {
      const line = info.lines
      if (!header) {
        header = fields.map((name) => name.trim())
        if (!checkHeader(header, line, collected)) return
        continue
      }
      if (fields.length !== header.length) {
        record(collected, {
          row: line,
          column: null,
          reason: `expected ${header.length} fields, found ${fields.length}`,
        })
        continue
      }
      const parsed = memberCsvRowSchema.safeParse(normaliseCsvCells(header, fields), {
        error: blankCellMessage,
      })
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          record(collected, { row: line, column: String(issue.path[0] ?? ''), reason: issue.message })
        }
        continue
      }
      yield toMemberRowInput(parsed.data, line)
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const lines = (error as CsvError & { lines?: number }).lines
    record(collected, { row: lines ?? 0, column: null, reason: error.message })
  }
  if (!header)
    record(collected, { row: 1, column: null, reason: 'the file is empty: a header row is required' })
}

/** Reports unknown, duplicated and missing required columns; false when rows cannot be read. */
function checkHeader(header: readonly string[], line: number, collected: Collected): boolean {
  const known = new Set<string>([...MEMBER_CSV_COLUMNS, ...IGNORED_CSV_COLUMNS])
  const seen = new Set<string>()
  let readable = true
  for (const name of header) {
    if (!known.has(name)) record(collected, { row: line, column: name, reason: 'unknown column' })
    if (seen.has(name)) {
      record(collected, { row: line, column: name, reason: 'column appears twice' })
      readable = false
    }
    seen.add(name)
  }
  for (const name of REQUIRED_CSV_COLUMNS) {
    if (!seen.has(name)) {
      record(collected, { row: line, column: name, reason: 'missing column' })
      readable = false
    }
  }
  return readable
}
