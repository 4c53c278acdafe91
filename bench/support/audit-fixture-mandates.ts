import type { Kysely } from 'kysely'
import type { DB } from '../../src/db/schema.ts'
import {
  count,
  dateLiteral,
  draw,
  EVENT_COLUMNS,
  type FixtureCounts,
  nextId,
  run,
} from './audit-fixture-sql.ts'
import { BENCH_JOINED_BEFORE } from './bench-charter.ts'

/** Share of unit secretaries appointed (the report's region had 80 of 130; the bench a national 40 %). */
const UNIT_APPOINTED = 0.4
/** Share of committee secretaries appointed by the committee above. */
const COMMITTEE_APPOINTED = 0.1
/** Of the elected whose term has run out, the share whose mandate was ended (the rest sit on). */
const TERM_ENDED = 0.5
/** Of the posts whose election is due, the share where one has been called. */
const ELECTION_CALLED = 0.3

/**
 * One secretary mandate per unit and per committee with a secretary post (central, region,
 * district; the synthetic `area` level has none), inserted in bulk with their `mandate.*` events
 * (bench fixture: direct inserts, see audit-fixture-sql.ts). Holders are full members of the body
 * with the standing the post needs over the whole span the mandate could have started in. About
 * 40 % of unit secretaries are appointed by their district committee ("no eligible candidate",
 * six months at most), started up to nine months ago, so a third are past their expiry; the
 * elected started up to fifteen months ago on twelve-month terms, so a fifth of the terms have run
 * out, half of those ended ("term-ended") and half still held. For some of the posts whose
 * election is due, an election has been called (nominations open), with its contest.
 */
export async function generateMandates(
  db: Kysely<DB>,
  asOf: string,
  versionId: number,
): Promise<FixtureCounts> {
  const today = dateLiteral(asOf)
  await run(
    db,
    `create temp table bench_plan as
    with holders as (
      -- A few units (3 %) chose a secretary without the year's standing: post.standing has work.
      select m.unit_id as body_id,
        case when ${draw('m.unit_id', 'standing')} < 0.03
          then coalesce(max(m.id) filter (where m.full_member_since > ${today} - 300),
                        min(m.id) filter (where m.full_member_since <= ${today} - 820))
          else min(m.id) filter (where m.full_member_since <= ${today} - 820) end as member_id
      from members m where m.status = 'full'
      group by m.unit_id
      union all
      select u.parent_id, max(m.id) from members m join bodies u on u.id = m.unit_id
      where m.status = 'full' and m.full_member_since <= ${today} - interval '3 years' - interval '450 days'
      group by u.parent_id
      union all
      select m.region_id, max(m.id) from members m
      where m.status = 'full' and m.joined_on < ${dateLiteral(BENCH_JOINED_BEFORE)}
      group by m.region_id
      union all
      select (select id from bodies where parent_id is null),
        (select id from members where status = 'full' and joined_on < ${dateLiteral(BENCH_JOINED_BEFORE)}
         order by id offset 3 limit 1)
    ),
    planned as (
      select b.id as body_id, b.parent_id, b.region_id, b.level, h.member_id,
        case b.level when 'unit' then 'unit-secretary' when 'district' then 'district-secretary'
          when 'region' then 'region-secretary' else 'central-secretary' end as post,
        ${draw('b.id', 'how')} < case when b.level = 'unit' then ${UNIT_APPOINTED} else ${COMMITTEE_APPOINTED} end
          and b.parent_id is not null as appointed,
        ${draw('b.id', 'start')} as start_draw
      from holders h join bodies b on b.id = h.body_id
      where h.member_id is not null and b.level in ('central', 'region', 'district', 'unit')
    ),
    dated as (
      select p.*,
        (${today} - (case when appointed then floor(start_draw * 270) else floor(start_draw * 450) end)::int) as starts_on
      from planned p
    )
    select ${nextId('mandates')} as mandate_id, ${nextId('events')} as event_id, d.*,
      (d.starts_on + case when appointed then interval '6 months' else interval '12 months' end)::date as ends_on,
      not d.appointed
        and (d.starts_on + interval '12 months')::date < ${today}
        and ${draw('d.body_id', 'end')} < ${TERM_ENDED} as ended
    from dated d`,
  )
  await run(db, `alter table bench_plan add column end_event_id bigint`)
  await run(db, `update bench_plan set end_event_id = ${nextId('events')} where ended`)
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select event_id, case when appointed then 'mandate.appointed' else 'mandate.elected' end,
      starts_on + time '10:00', 'cli', null, body_id, region_id, 'mandate', mandate_id,
      jsonb_build_object('memberId', member_id, 'bodyId', body_id, 'post', post,
        'startsOn', starts_on::text, 'endsOn', ends_on::text, 'charterVersionId', ${versionId},
        'firstMandate', true)
      || case when appointed then jsonb_build_object('appointedByBodyId', parent_id,
           'justification', 'no-eligible-candidate',
           'ruleId', case when level = 'unit' then 'elections.unit-posts' else 'elections.committee-posts' end)
         else jsonb_build_object('electionId', null) end
    from bench_plan`,
  )
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select end_event_id, 'mandate.ended', ends_on + time '10:00', 'cli', null, body_id, region_id,
      'mandate', mandate_id,
      jsonb_build_object('reason', 'term-ended', 'onDate', ends_on::text, 'replacedByMandateId', null)
    from bench_plan where ended`,
  )
  await run(
    db,
    `insert into mandates (id, region_id, member_id, body_id, post, starts_on, ends_on, ended_on, end_reason,
      how, election_id, appointed_by_body_id, justification, rule_id, charter_version_id, first_mandate,
      event_id, created_at)
    select mandate_id, region_id, member_id, body_id, post, starts_on, ends_on,
      case when ended then ends_on end, case when ended then 'term-ended' end,
      case when appointed then 'appointed' else 'elected' end, null,
      case when appointed then parent_id end,
      case when appointed then 'no-eligible-candidate' end,
      case when appointed then case when level = 'unit' then 'elections.unit-posts' else 'elections.committee-posts' end end,
      ${versionId}, true, event_id, starts_on + time '10:00'
    from bench_plan`,
  )
  const elections = await callElections(db, today, versionId)
  const result: FixtureCounts = {
    'secretary mandates': await count(db, 'select count(*) as n from bench_plan'),
    'of which appointed': await count(db, 'select count(*) as n from bench_plan where appointed'),
    'appointed past their expiry': await count(
      db,
      `select count(*) as n from bench_plan where appointed and ends_on < ${today}`,
    ),
    'elected terms run out (ended or held on)': await count(
      db,
      `select count(*) as n from bench_plan where not appointed and ends_on < ${today}`,
    ),
    'elections called': elections,
  }
  await run(db, 'drop table bench_plan')
  return result
}

/** Elections called (nominations open) for some posts whose holder's time is up, one contest each. */
async function callElections(db: Kysely<DB>, today: string, versionId: number): Promise<number> {
  await run(
    db,
    `create temp table bench_calls as
    select ${nextId('elections')} as election_id, ${nextId('events')} as event_id,
      nextval(pg_get_serial_sequence('election_contests', 'id')) as contest_id,
      body_id, region_id, post, level
    from bench_plan
    where ends_on < ${today} and ${draw('body_id', 'call')} < ${ELECTION_CALLED}`,
  )
  const opens = `(${today} - 5) + time '09:00'`
  const closes = `(${today} + 9) + time '18:00'`
  const votingOpens = `(${today} + 12) + time '09:00'`
  const votingCloses = `(${today} + 14) + time '18:00'`
  await run(
    db,
    `insert into elections (id, region_id, body_id, title, method, state, nominations_open_at,
      nominations_close_at, voting_open_at, voting_close_at, charter_version_id, tie_break_seed,
      electorate_size, voters_count, closed_at, cancelled_at, cancel_reason, created_at)
    select election_id, region_id, body_id, 'Election of the secretary', 'plurality', 'nominating',
      ${opens}, ${closes}, ${votingOpens}, ${votingCloses}, ${versionId}, md5(election_id::text),
      null, null, null, null, null, (${today} - 6) + time '10:00'
    from bench_calls`,
  )
  await run(
    db,
    `insert into election_contests (id, election_id, post, seats)
    select contest_id, election_id, post, 1 from bench_calls`,
  )
  const calls = await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select event_id, 'election.called', (${today} - 6) + time '10:00', 'cli', null, body_id, region_id,
      'election', election_id,
      jsonb_build_object('title', 'Election of the secretary', 'method', 'plurality',
        'contests', jsonb_build_array(jsonb_build_object('contestId', contest_id, 'post', post, 'seats', 1)),
        'nominationsOpenAt', to_char(${opens} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'nominationsCloseAt', to_char(${closes} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'votingOpenAt', to_char(${votingOpens} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'votingCloseAt', to_char(${votingCloses} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'charterVersionId', ${versionId})
    from bench_calls`,
  )
  await run(db, 'drop table bench_calls')
  return calls
}
