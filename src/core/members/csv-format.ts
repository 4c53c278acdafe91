/**
 * Writing rows in PostgreSQL's CSV COPY format, by hand on purpose: this is the hot loop of a
 * two-million-row load, and the format is tiny (quote when needed, unquoted empty = NULL).
 */

const NEEDS_QUOTES = /[",\n\r]/

/** One CSV field: NULL as an unquoted empty field, '' as "" so COPY keeps it an empty string. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  if (text === '') return '""'
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A text[] literal, '{"a","b"}', each element quoted so spaces and commas survive. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`
}
