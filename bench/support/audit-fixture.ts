import { type Kysely, sql } from 'kysely'
import type { DB } from '../../src/db/schema.ts'
import { generateDeliberation } from './audit-fixture-deliberation.ts'
import { generateMandates } from './audit-fixture-mandates.ts'
import {
  count,
  dateLiteral,
  draw,
  EVENT_COLUMNS,
  type FixtureCounts,
  nextId,
  run,
} from './audit-fixture-sql.ts'

/** Units that met within their 14 days, and committees (region, district) within their 30. */
const UNITS_MET = 0.85
const COMMITTEES_MET = 0.9
/** Of the bodies that did not meet in their window, the share that never met at all. */
const NEVER_MET = 0.33

export interface AuditFixture {
  readonly counts: FixtureCounts
  readonly seconds: number
}

/**
 * What the audit reads, on top of a generated organisation with the bench charter in force:
 * secretary mandates and elections, questions, decisions and tasks, the meeting books, and the
 * pending applications the generator already made (8 % of those who joined in the last seven
 * months are still applicants). One transaction, bulk SQL (bench fixture: direct inserts, see
 * audit-fixture-sql.ts), in UTC so dates and instants line up as the use cases write them.
 */
export async function generateAuditFixture(
  db: Kysely<DB>,
  input: { readonly asOf: string; readonly versionId: number; readonly questions: number },
): Promise<AuditFixture> {
  const start = performance.now()
  const counts = await db.transaction().execute(async (trx) => {
    await sql`set local time zone 'UTC'`.execute(trx)
    // The generator stamps bodies with the real clock; the audit's date is a century earlier, and a
    // body created after it is not yet due to have met. The organisation existed a year before.
    await sql`update bodies set created_at = ${input.asOf}::date - 365`.execute(trx)
    const mandates = await generateMandates(trx, input.asOf, input.versionId)
    const deliberation = await generateDeliberation(trx, input.asOf, input.versionId, input.questions)
    const meetings = await generateMeetings(trx, input.asOf)
    const admissions = await generateAdmissions(trx, input.asOf)
    const applicants = await count(
      trx,
      `select count(*) as n from members where status = 'applicant'
       and status_since < ${dateLiteral(input.asOf)} - 60`,
    )
    return {
      ...mandates,
      ...deliberation,
      ...meetings,
      'admissions in the last year (status history)': admissions,
      'applications pending over 60 days': applicants,
    }
  })
  for (const table of [
    'mandates',
    'elections',
    'election_contests',
    'questions',
    'decisions',
    'decision_tasks',
  ]) {
    await sql`analyze ${sql.table(table)}`.execute(db)
  }
  await sql`analyze meetings`.execute(db)
  await sql`analyze member_status_changes`.execute(db)
  await sql`analyze members`.execute(db)
  await sql`analyze events`.execute(db)
  return { counts, seconds: (performance.now() - start) / 1000 }
}

/**
 * The meeting books: for each unit and each region and district committee (the bodies the
 * charter's meetings rules name), the last meeting and the one before it, held; 85 % of units and
 * 90 % of committees within their window, a third of the rest never, the others lapsed 20–80 days
 * ago. Attendance counts against the deciding members (a unit's full members; a committee's one
 * secretary). Logged as one `meetings.recorded` event, as the demo's books are.
 */
async function generateMeetings(db: Kysely<DB>, asOf: string): Promise<FixtureCounts> {
  const today = dateLiteral(asOf)
  await run(
    db,
    `create temp table bench_meetings as
    with expected as (
      select b.id, b.region_id, b.level = 'unit' as unit,
        case when b.level = 'unit' then coalesce(f.n, 0) else 1 end as deciding,
        ${draw('b.id', 'met')} as met, ${draw('b.id', 'when')} as age
      from bodies b
      left join (select unit_id, count(*) as n from members where status = 'full' group by unit_id) f
        on f.unit_id = b.id
      where b.status = 'active' and b.level in ('unit', 'district', 'region')
    ),
    last as (
      select e.*, case
          when e.unit and e.met < ${UNITS_MET} then 1 + floor(e.age * 13)
          when not e.unit and e.met < ${COMMITTEES_MET} then 1 + floor(e.age * 29)
          when ${draw('e.id', 'never')} < ${NEVER_MET} then null
          else 20 + floor(e.age * 60) end::int as days_ago
      from expected e where e.deciding > 0
    )
    select l.id as body_id, l.region_id, l.unit, l.deciding, greatest(1, ceil(l.deciding * 0.5))::int as quorum,
      l.days_ago + case when earlier then case when l.unit then 14 else 30 end else 0 end as days_ago
    from last l cross join (values (false), (true)) as e(earlier)
    where l.days_ago is not null`,
  )
  const held = await run(
    db,
    `insert into meetings (region_id, body_id, title, place, starts_at, ends_at, state, minutes, deciding_members,
      quorum_required, present_count, quorum_rule_id, sequence, created_at)
    select region_id, body_id, case when unit then 'General meeting' else 'Meeting of the committee' end, '',
      (${today} - days_ago) + case when unit then time '18:00' else time '10:00' end,
      (${today} - days_ago) + case when unit then time '20:00' else time '13:00' end,
      'held', case when unit then 'General meeting.' else 'Meeting of the committee.' end,
      deciding, quorum, quorum + floor(${draw("body_id || '/' || days_ago", 'present')} * (deciding - quorum + 1))::int,
      'deliberation.quorum', 0,
      (${today} - days_ago) + case when unit then time '20:00' else time '13:00' end
    from bench_meetings order by days_ago desc, body_id`,
  )
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select ${nextId('events')}, 'meetings.recorded', ${today} + time '08:00', 'cli', null,
      (select id from bodies where parent_id is null), null, null, null,
      jsonb_build_object('source', 'generate', 'count', count(*), 'firstMeetingId', min(id),
        'lastMeetingId', max(id), 'from', min(starts_at)::date::text, 'to', max(starts_at)::date::text)
    from meetings having count(*) > 0`,
  )
  const result = {
    'meetings held': held,
    'units that met within 14 days': await count(
      db,
      `select count(distinct body_id) as n from bench_meetings where unit and days_ago < 14`,
    ),
    units: await count(db, `select count(*) as n from bodies where level = 'unit' and status = 'active'`),
  }
  await run(db, 'drop table bench_meetings')
  return result
}

/**
 * The status history of the last year's admissions: every candidate who joined within the year
 * was an applicant first, admitted 10–90 days after applying (applicant → candidate, with its
 * `member.status_changed` on the member's unit, as changeMemberStatus writes it), so the
 * admission check and the admission-time ratio read a history, not an empty table.
 */
async function generateAdmissions(db: Kysely<DB>, asOf: string): Promise<number> {
  const today = dateLiteral(asOf)
  await run(
    db,
    `create temp table bench_changes as
    select m.id as member_id, m.region_id, m.unit_id, ${nextId('events')} as event_id,
      least(m.joined_on + (10 + floor(${draw('m.id', 'admitted')} * 80))::int, ${today} - 1) as on_date
    from members m where m.status = 'candidate' and m.joined_on >= ${today} - 365`,
  )
  const changes = await run(
    db,
    `insert into member_status_changes (member_id, region_id, from_status, to_status, on_date, reason, event_id)
    select member_id, region_id, 'applicant', 'candidate', on_date, null, event_id from bench_changes`,
  )
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select event_id, 'member.status_changed', on_date + time '11:00', 'cli', null, unit_id, region_id,
      'member', member_id,
      jsonb_build_object('from', 'applicant', 'to', 'candidate', 'onDate', on_date::text, 'reasonGiven', false)
    from bench_changes`,
  )
  await run(
    db,
    `update members set status_since = c.on_date from bench_changes c where members.id = c.member_id`,
  )
  await run(db, 'drop table bench_changes')
  return changes
}
