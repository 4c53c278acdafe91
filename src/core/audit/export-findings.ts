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
 * csv-stringify's `escape_formulas` looks at a cell's first character only; a spreadsheet that
 * trims cells still reads " =HYPERLINK(…)" as a formula. So a cell whose first non-blank
 * character starts a formula is quoted with a leading apostrophe too.
 */
const BLANK_THEN_FORMULA = /^\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/

function escapeBlankFormula(value: string): string {
  return BLANK_THEN_FORMULA.test(value) ? `'${value}` : value
}

/**
 * Findings as CSV text chunks, header first; evidence as space-separated event ids. Cells that a
 * spreadsheet would take for a formula are escaped, after blanks too (a body's name is free text).
 * Findings carry no member's name, so no event is written; the caller lists to each reader only
 * the findings about members it may read (list-findings.ts).
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
    yield stringify(records, { escape_formulas: true, cast: { string: escapeBlankFormula } })
  }
}
