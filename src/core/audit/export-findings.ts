import { stringify } from 'csv-stringify/sync'
import type { Finding } from './finding.ts'

/** The findings CSV's columns, in order. */
export const FINDING_CSV_COLUMNS = [
  'id',
  'kind',
  'severity',
  'rule',
  'since',
  'body_id',
  'body_name',
  'body_path',
  'subject_kind',
  'subject_id',
  'evidence',
  'message',
] as const

const ROWS_PER_CHUNK = 1_000

/**
 * Findings as CSV text chunks, header first; evidence as space-separated event ids. Cells that a
 * spreadsheet would take for a formula are escaped (a body's name is free text). Findings carry
 * no personal data, so no event is written.
 */
export async function* findingsCsv(findings: readonly Finding[]): AsyncGenerator<string, void, undefined> {
  yield stringify([[...FINDING_CSV_COLUMNS]])
  for (let start = 0; start < findings.length; start += ROWS_PER_CHUNK) {
    const records = findings
      .slice(start, start + ROWS_PER_CHUNK)
      .map((f) => [
        f.id,
        f.kind,
        f.severity,
        f.rule,
        f.since,
        f.bodyId,
        f.bodyName,
        f.bodyPath,
        f.subject.kind,
        f.subject.id,
        f.evidence.join(' '),
        f.message,
      ])
    yield stringify(records, { escape_formulas: true })
  }
}
