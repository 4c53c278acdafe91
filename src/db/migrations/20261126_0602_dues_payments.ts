import { type Kysely, sql } from 'kysely'

/**
 * Months of paid dues, one row per member and month. Organisations whose standing counts in
 * months of paid dues (trade unions, typically) read standing from here instead of the join date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dues_payments (
      member_id bigint not null references members(id),
      month date not null check (extract(day from month) = 1),
      region_id bigint not null,
      paid_on date not null,
      event_id bigint not null,
      primary key (member_id, month)
    )`.execute(db)
  await sql`create index dues_payments_region on dues_payments (region_id)`.execute(db)
}
