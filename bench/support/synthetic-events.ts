import { type Kysely, sql } from 'kysely'
import type { DB } from '../../src/db/schema.ts'

/** What the synthetic log holds and how long writing it took (not a product figure). */
export interface SyntheticLogFigures {
  readonly events: number
  readonly memberReads: number
  readonly statusChanges: number
  readonly transfers: number
  readonly seconds: number
  readonly analyzeSeconds: number
}

/**
 * Writes `count` events into the bench's own database in one INSERT … SELECT, so the feed, the
 * personal-data document and the sealer run against a log of realistic size. The append-only
 * trigger only stops UPDATE and DELETE, so a plain insert is allowed. The mix, by share of events:
 * - 20 % member-list reads (`member_records.read`, view list, a unit's first 50 members by
 *   standing, as the members page logs them), 10 % detail reads of one member;
 * - 15 % sign-ins (no body, subject an account);
 * - 25 % member updates, 15 % status changes, 10 % transfers (subject a member of the unit);
 * - 5 % body renames of a unit.
 * Bodies are real active units drawn uniformly, so a region holds about a tenth of the log; ids
 * rise with time over the last two years; readers are 2,000 accounts. Status changes and
 * transfers also get their history rows, so the member detail reads real history. Deterministic
 * for a given database (setseed in the same transaction).
 */
export async function synthesiseEvents(db: Kysely<DB>, count: number): Promise<SyntheticLogFigures> {
  const start = performance.now()
  await db.transaction().execute(async (trx) => {
    await sql`select setseed(0.1923)`.execute(trx)
    const { rows } = await sql<{ id: string | number | null }>`select max(id) as id from events`.execute(trx)
    const before = Number(rows[0]?.id ?? 0)
    await sql`
      create temp table bench_units on commit drop as
      select row_number() over (order by u.id) as n, u.id, u.name,
             nullif(split_part(u.path, '/', 3), '')::bigint as region_id, m.member_ids
      from bodies u
      join (select unit_id, (array_agg(id order by joined_on, id))[1:50] as member_ids
            from members group by unit_id) m on m.unit_id = u.id
      where u.level = 'unit' and u.status = 'active'`.execute(trx)
    await sql`create unique index on bench_units (n)`.execute(trx)
    await sql`analyze bench_units`.execute(trx)
    await sql`
      insert into events (type, occurred_at, actor_kind, actor_account_id, body_id, region_id,
                          subject_kind, subject_id, payload)
      select
        case when k < 20 then 'member_records.read' when k < 30 then 'member_records.read'
             when k < 45 then 'account.signed_in' when k < 70 then 'member.updated'
             when k < 85 then 'member.status_changed' when k < 95 then 'member.transferred'
             else 'body.renamed' end,
        now() - interval '730 days' * (1 - g::float8 / ${count}),
        'account', 1 + g % 2000,
        case when k between 30 and 44 then null else u.id end,
        case when k between 30 and 44 then null else u.region_id end,
        case when k < 30 or k >= 95 then 'body' when k < 45 then 'account' else 'member' end,
        case when k < 30 or k >= 95 then u.id when k < 45 then 1 + g % 2000 else m end,
        case
          when k < 20 then jsonb_build_object('view', 'list', 'scopeBodyId', u.id,
                                              'memberIds', to_jsonb(u.member_ids))
          when k < 30 then jsonb_build_object('view', 'detail', 'scopeBodyId', u.id,
                                              'memberIds', jsonb_build_array(m))
          when k < 45 then '{}'::jsonb
          when k < 70 then '{"fields":["phone"]}'::jsonb
          when k < 85 then jsonb_build_object('from', 'candidate', 'to', 'full',
                                              'onDate', (now() - interval '730 days' * (1 - g::float8 / ${count}))::date,
                                              'reasonGiven', false)
          when k < 95 then jsonb_build_object('fromUnitId', f.id, 'toUnitId', u.id,
                                              'onDate', (now() - interval '730 days' * (1 - g::float8 / ${count}))::date)
          else jsonb_build_object('from', u.name, 'to', u.name || ' (renamed)')
        end
      from (
        select g, g % 100 as k, 1 + floor(random() * c.units)::bigint as un,
               1 + floor(random() * c.units)::bigint as fn, random() as r
        from generate_series(1, ${count}) g, (select count(*) as units from bench_units) c
      ) s
      join bench_units u on u.n = s.un
      join bench_units f on f.n = s.fn
      cross join lateral (select u.member_ids[1 + floor(s.r * cardinality(u.member_ids))::int] as m) p
      order by g`.execute(trx)
    await sql`
      insert into member_status_changes (member_id, region_id, from_status, to_status, on_date, reason, event_id)
      select subject_id, region_id, payload ->> 'from', payload ->> 'to', (payload ->> 'onDate')::date, null, id
      from events where type = 'member.status_changed' and id > ${before}`.execute(trx)
    await sql`
      insert into member_transfers (member_id, region_id, from_unit_id, to_unit_id, on_date, event_id)
      select subject_id, region_id, (payload ->> 'fromUnitId')::bigint, (payload ->> 'toUnitId')::bigint,
             (payload ->> 'onDate')::date, id
      from events where type = 'member.transferred' and id > ${before}`.execute(trx)
  })
  const seconds = (performance.now() - start) / 1000
  const analyzeStart = performance.now()
  await sql`analyze events`.execute(db)
  await sql`analyze member_status_changes`.execute(db)
  await sql`analyze member_transfers`.execute(db)
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000
  return {
    events: count,
    memberReads: Math.round(count * 0.3),
    statusChanges: Math.round(count * 0.15),
    transfers: Math.round(count * 0.1),
    seconds,
    analyzeSeconds,
  }
}
