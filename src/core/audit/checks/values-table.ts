import { type RawBuilder, sql } from 'kysely'

/** One column of a rules table: its name and its SQL type (a constant written in the check). */
export type ValuesColumn = readonly [name: string, type: 'text' | 'int' | 'date']

/**
 * The rules a check read from the charter, as a small inline table to join with: `(values (…), …)
 * as alias(columns)`. The charter holds tens of rules, so the table is tiny and the join stays one
 * hash join however large the data; each value is a bound parameter with its type cast, so both
 * backends read it the same way. Callers return early when there are no rows (an empty VALUES is
 * not valid SQL).
 */
export function valuesTable(
  alias: string,
  columns: readonly ValuesColumn[],
  rows: readonly (readonly (string | number | null)[])[],
): RawBuilder<unknown> {
  if (rows.length === 0) throw new Error('valuesTable needs at least one row')
  const tuples = rows.map(
    (row) =>
      sql`(${sql.join(
        columns.map(([, type], index) => sql`${row[index] ?? null}::${sql.raw(type)}`),
        sql`, `,
      )})`,
  )
  return sql`(values ${sql.join(tuples, sql`, `)}) as ${sql.raw(alias)}(${sql.raw(
    columns.map(([name]) => name).join(', '),
  )})`
}

/** A mandate (by alias) held at the end of `asOf`: begun by then and not ended by then. */
export function mandateHeldOn(asOf: string, alias = 'm'): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`)
  return sql<boolean>`(${ref('starts_on')} <= ${asOf}::date and (${ref('ended_on')} is null or ${ref('ended_on')} > ${asOf}::date))`
}

/** The instant a calendar date (a SQL date expression) begins, midnight UTC, whatever the session's zone. */
export function dateStart(date: RawBuilder<unknown>): RawBuilder<Date> {
  return sql<Date>`((${date})::timestamp at time zone 'UTC')`
}

/** The UTC calendar date of an instant (a SQL timestamptz expression). */
export function utcDate(instant: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`((${instant}) at time zone 'UTC')::date`
}

/** Event ids from an int8 array column: numbers, ascending (drivers differ on int8[] elements). */
export function eventIds(values: readonly (number | string)[] | null): number[] {
  return (values ?? []).map(Number).sort((a, b) => a - b)
}

/** A sentence's first letter in upper case (titles and body names are written as the charter has them). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
