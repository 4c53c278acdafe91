import { type Kysely, sql } from 'kysely'
import type { DB } from '../../src/db/schema.ts'

/**
 * Shared pieces of the audit bench's fixture SQL. The fixture inserts domain rows and their events
 * directly, in a few set-based statements: at 100,000 units the use cases (one appointment, one
 * question at a time, each with its eligibility check and its event) would take hours, and what
 * the bench measures is the audit reading them. Every row gets the event its use case would have
 * written, with the same type, placement (body, region, subject) and payload shape, and the row's
 * `event_id` where it keeps one, so the checks' evidence reads the same as in production.
 */

/** The fixture's figures, in the order the report prints them. */
export type FixtureCounts = Record<string, number>

/**
 * A reproducible draw in [0, 1) from a row's key and a salt (no random(): the same seed must give
 * the same organisation on every run and both backends).
 */
export function draw(key: string, salt: string): string {
  return `((hashtext((${key})::text || ':${salt}')::bigint & 2147483647) / 2147483648.0)`
}

/** The next id of an identity column, drawn ahead so a row and its event can name each other. */
export function nextId(
  table: 'events' | 'mandates' | 'questions' | 'decisions' | 'decision_tasks' | 'elections',
) {
  return `nextval(pg_get_serial_sequence('${table}', 'id'))`
}

/** A date literal checked to be one (the fixture's SQL is built from constants only). */
export function dateLiteral(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`)
  return `date '${date}'`
}

/** Runs one statement of raw fixture SQL and returns its row count (insert/update) or rows. */
export async function run(db: Kysely<DB>, statement: string): Promise<number> {
  const result = await sql.raw(statement).execute(db)
  return Number(result.numAffectedRows ?? result.rows.length)
}

/** Counts rows of a query (`select count(*) as n from …`). */
export async function count(db: Kysely<DB>, query: string): Promise<number> {
  const result = await sql.raw<{ n: string | number }>(query).execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

/** The events columns every fixture insert fills, in order. */
export const EVENT_COLUMNS =
  'id, type, occurred_at, actor_kind, actor_account_id, body_id, region_id, subject_kind, subject_id, payload'
