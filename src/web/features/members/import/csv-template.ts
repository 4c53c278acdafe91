import { MEMBER_CSV_COLUMNS } from '../member-rules.ts'

/** The import template: the header row the importer expects, with CRLF as RFC 4180 writes it. */
export function csvTemplate(): string {
  return `${MEMBER_CSV_COLUMNS.join(',')}\r\n`
}
