import { type Kysely, sql } from 'kysely'

/**
 * The audit's admission check starts from the members who could have been applicants on its date:
 * applicants now, or members whose status changed after that date. These two indexes let it read
 * just those (a bitmap OR) instead of every member: the applicants are few, and `status_since`
 * after a date is a short range for any recent date, today's audit included.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index members_applicants on members (unit_id) where status = 'applicant'`.execute(db)
  await sql`create index members_status_since on members (status_since)`.execute(db)
}
