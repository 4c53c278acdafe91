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

/** The charter's major topics (default.yaml `deliberation.major`); the rest are minor. */
const TOPICS = ['party-policy', 'economic-policy', 'elections', 'organisation', 'local-work', 'education']
const MAJOR_TOPICS = "('party-policy', 'economic-policy', 'elections', 'organisation')"
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`
const iso = (expression: string) => `to_char((${expression}) at time zone 'UTC', ${ISO})`

/**
 * Questions, decisions and tasks in bulk (bench fixture: direct inserts, see audit-fixture-sql.ts),
 * a third in committees and two thirds in units, shaped as the use cases leave them: 55 % voted
 * after a discussion within the limits (7–30 days); 5 % records of past practice whose discussion
 * ran 35–70 days (overrun), 5 % whose discussion ran 2–5 days (too short); 10 % major questions recorded as decided with no discussion; 10 %
 * urgent decisions, ratified or still pending (some past their ratification date); 15 % still in
 * discussion. Half the voted and recorded decisions carry one to three tasks owned by the body,
 * half of them done; an open task past its date is overdue.
 */
export async function generateDeliberation(
  db: Kysely<DB>,
  asOf: string,
  versionId: number,
  questions: number,
): Promise<FixtureCounts> {
  const today = dateLiteral(asOf)
  await run(
    db,
    `create temp table bench_bodies as
    select id, region_id, level, level = 'unit' as unit,
      row_number() over (partition by level = 'unit' order by id) as rn
    from bodies where status = 'active'`,
  )
  await run(
    db,
    `create temp table bench_q as
    with n as (
      select g as n, g % 3 <> 0 as in_unit, g % 20 as story_draw, ${draw('g', 'raised')} as age
      from generate_series(1, ${questions}) g
    ),
    sizes as (select unit, count(*) as c from bench_bodies group by unit),
    picked as (
      select n.n, n.age, b.id as body_id, b.region_id, b.level,
        case when n.story_draw <= 10 then 'vote' when n.story_draw = 11 then 'overrun'
          when n.story_draw = 12 then 'short'
          when n.story_draw <= 14 then 'undiscussed' when n.story_draw <= 16 then 'urgent' else 'open' end as story
      from n join sizes s on s.unit = n.in_unit
      join bench_bodies b on b.unit = n.in_unit and b.rn = 1 + floor(${draw('n.n', 'body')} * s.c)
    ),
    topical as (
      select p.*, case p.story when 'overrun' then 'economic-policy' when 'short' then 'party-policy'
          when 'undiscussed' then 'organisation'
          when 'urgent' then 'economic-policy'
          else (array['${TOPICS.join("','")}'])[1 + floor(${draw('p.n', 'topic')} * ${TOPICS.length})::int] end as topic,
        case p.story when 'open' then (${today} - (1 + floor(p.age * 25))::int)
          when 'urgent' then (${today} - (3 + floor(p.age * 120))::int)
          else (${today} - (75 + floor(p.age * 300))::int) end as raised_on
      from picked p
    )
    select ${nextId('questions')} as question_id,
      case when t.story in ('vote', 'urgent', 'open') then ${nextId('events')} end as raised_event,
      case when t.story in ('vote', 'urgent', 'open') then ${nextId('events')} end as opened_event,
      case when t.story = 'vote' then ${nextId('events')} end as closed_event,
      case when t.story <> 'open' then ${nextId('decisions')} end as decision_id,
      case when t.story <> 'open' then ${nextId('events')} end as decided_event,
      t.*, t.topic in ${MAJOR_TOPICS} or t.level = 'central' as major,
      case when t.story in ('overrun', 'short', 'undiscussed') then t.raised_on + time '00:00'
        else t.raised_on + time '10:00' end as raised_at,
      case t.story when 'vote' then t.raised_on + (7 + floor(${draw('t.n', 'length')} * 24))::int
        when 'overrun' then t.raised_on + (35 + floor(${draw('t.n', 'length')} * 36))::int
        when 'short' then t.raised_on + (2 + floor(${draw('t.n', 'length')} * 4))::int end as closed_on
    from topical t`,
  )
  await run(
    db,
    `alter table bench_q add column decided_at timestamp, add column ratify_by date,
      add column ratification text, add column ratified_at timestamp`,
  )
  await run(
    db,
    `update bench_q set decided_at = case story when 'vote' then closed_on + 1 + time '18:00'
        when 'overrun' then closed_on + 1 + time '00:00' when 'short' then closed_on + 1 + time '00:00'
        when 'undiscussed' then raised_on + 2 + time '00:00'
        when 'urgent' then raised_on + 2 + time '11:00' end`,
  )
  await run(
    db,
    `update bench_q set ratify_by = decided_at::date + 14,
      ratification = case when decided_at::date + 14 < ${today} and ${draw('n', 'ratified')} < 0.6
        then 'ratified' else 'pending' end
    where story = 'urgent'`,
  )
  await run(
    db,
    `update bench_q set ratified_at = decided_at + interval '7 days' where ratification = 'ratified'`,
  )
  await run(db, 'alter table bench_q add column after_event bigint')
  // Ids are drawn only for events that will be written: an unused id would be a gap in the sealed log.
  await run(
    db,
    `update bench_q set after_event = ${nextId('events')}
    where story in ('overrun', 'short', 'undiscussed') or ratification = 'ratified'
      or (ratification = 'pending' and ratify_by < ${today})`,
  )
  await insertQuestions(db, versionId)
  await insertDecisions(db, versionId)
  await insertQuestionEvents(db, versionId, today)
  const tasks = await generateTasks(db, today)
  const result: FixtureCounts = {
    questions: await count(db, 'select count(*) as n from bench_q'),
    'decided by vote after discussion': await count(
      db,
      `select count(*) as n from bench_q where story = 'vote'`,
    ),
    'discussions past their maximum': await count(
      db,
      `select count(*) as n from bench_q where story = 'overrun'`,
    ),
    'discussions under their minimum': await count(
      db,
      `select count(*) as n from bench_q where story = 'short'`,
    ),
    'major, decided without discussion': await count(
      db,
      `select count(*) as n from bench_q where story = 'undiscussed'`,
    ),
    'urgent decisions': await count(db, `select count(*) as n from bench_q where story = 'urgent'`),
    'urgent, pending past ratification date': await count(
      db,
      `select count(*) as n from bench_q where ratification = 'pending' and ratify_by < ${today}`,
    ),
    'in discussion': await count(db, `select count(*) as n from bench_q where story = 'open'`),
    ...tasks,
  }
  await run(db, 'drop table bench_q')
  await run(db, 'drop table bench_bodies')
  return result
}

async function insertQuestions(db: Kysely<DB>, versionId: number): Promise<void> {
  const discussed = `story <> 'undiscussed'`
  await run(
    db,
    `insert into questions (id, region_id, body_id, title, text, proposal, topic, origin, raised_by_member_id,
      raised_by_account_id, state, major, major_rule_id, meeting_required, confidential, confidential_rule_id,
      declassify_on, signatures_required, signatures_count, charter_version_id, limits_rule_id, minimum_days,
      maximum_days, discussion_opened_at, discussion_earliest_close_at, discussion_latest_close_at,
      discussion_closed_at, discussion_close_reason, recorded_source, raised_at)
    select question_id, region_id, body_id, 'Question ' || n, 'The question as put to the body.',
      'The proposal.', topic, 'body', null, null,
      case when story = 'open' then 'discussion' else 'decided' end,
      major, case when major then 'deliberation.major' end, major, false, null, null, null, 0, ${versionId},
      case when ${discussed} then 'deliberation.limits' end, case when ${discussed} then 7 end,
      case when ${discussed} then 30 end,
      case when ${discussed} then raised_at end,
      case when ${discussed} then raised_at + interval '7 days' end,
      case when ${discussed} then raised_at + interval '30 days' end,
      case when story = 'vote' then closed_on + time '10:00' when story in ('overrun', 'short') then closed_on + time '00:00' end,
      case when story = 'vote' then case when closed_on - raised_on >= 30 then 'maximum' else 'early' end
        when story in ('overrun', 'short') then 'recorded' end,
      case when story in ('overrun', 'short', 'undiscussed') then 'Minutes of the committee' end,
      raised_at
    from bench_q`,
  )
}

async function insertDecisions(db: Kysely<DB>, versionId: number): Promise<void> {
  const vote = `story = 'vote'`
  await run(
    db,
    `insert into decisions (id, region_id, body_id, question_id, kind, outcome, method, chosen_comment_id,
      exception, discussion_completed, discussion_rule_id, justification, meeting_id, yes_count, no_count,
      abstain_count, count_report, deciding_members, quorum_required, present, quorum_rule_id, ratify_by,
      ratification, ratified_at, ratification_meeting_id, recorded_source, charter_version_id, decided_at)
    select decision_id, region_id, body_id, question_id,
      case story when 'vote' then 'vote' when 'urgent' then 'urgent' else 'recorded' end,
      case when ${draw('n', 'outcome')} < 0.85 then 'adopted' else 'rejected' end,
      case when ${vote} then 'yes-no' end, null,
      case when story = 'urgent' then 'urgent' end,
      story in ('vote', 'overrun', 'short'), case when major then 'deliberation.major' end,
      case when story = 'urgent' then 'It brooks no delay.' end, null,
      case when ${vote} then 12 end, case when ${vote} then 3 end, case when ${vote} then 1 end, null,
      case when ${vote} then 20 end, case when ${vote} then 10 end, case when ${vote} then 16 end,
      case when ${vote} then 'deliberation.quorum' end,
      ratify_by, ratification, ratified_at, null,
      case when story in ('overrun', 'short', 'undiscussed') then 'Minutes of the committee' end,
      ${versionId}, decided_at
    from bench_q where story <> 'open'`,
  )
}

async function insertQuestionEvents(db: Kysely<DB>, versionId: number, today: string): Promise<void> {
  const place = `'cli', null::bigint, body_id, region_id`
  // Raised and opened (the recorded ones are entered whole, below); closed when voted after it.
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select raised_event, 'question.raised', raised_at, ${place}, 'question', question_id,
      jsonb_build_object('questionId', question_id, 'origin', 'body', 'major', major,
        'majorRuleId', case when major then 'deliberation.major' end, 'confidential', false, 'topic', topic,
        'signaturesRequired', null, 'charterVersionId', ${versionId})
    from bench_q where story in ('vote', 'urgent', 'open')
    union all
    select opened_event, 'discussion.opened', raised_at, ${place}, 'question', question_id,
      jsonb_build_object('questionId', question_id, 'ruleId', 'deliberation.limits',
        'earliestCloseAt', ${iso("raised_at + interval '7 days'")},
        'latestCloseAt', ${iso("raised_at + interval '30 days'")})
    from bench_q where story in ('vote', 'urgent', 'open')
    union all
    select closed_event, 'discussion.closed', closed_on + time '10:00', ${place}, 'question', question_id,
      jsonb_build_object('questionId', question_id,
        'reason', case when closed_on - raised_on >= 30 then 'maximum' else 'early' end)
    from bench_q where story = 'vote'`,
  )
  // The decision, as writeDecision logs it; recorded entries are logged the day after.
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select q.decided_event, 'decision.taken',
      case when q.story in ('overrun', 'short', 'undiscussed') then q.decided_at + interval '1 day' else q.decided_at end,
      ${place.replaceAll('body_id', 'q.body_id').replaceAll('region_id', 'q.region_id')}, 'decision', d.id,
      jsonb_build_object('decisionId', d.id, 'questionId', d.question_id, 'confidential', false,
        'kind', d.kind, 'outcome', d.outcome, 'exception', d.exception,
        'discussionCompleted', d.discussion_completed, 'discussionRuleId', d.discussion_rule_id,
        'meetingId', null, 'quorumRequired', d.quorum_required, 'present', d.present,
        'ratifyBy', d.ratify_by::text)
    from bench_q q join decisions d on d.id = q.decision_id`,
  )
  // What followed: the record's entry, the ratification, or the overdue check's event.
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select after_event, 'question.recorded', decided_at + interval '1 day', ${place}, 'question', question_id,
      jsonb_build_object('questionId', question_id, 'decisionId', decision_id)
    from bench_q where story in ('overrun', 'short', 'undiscussed')
    union all
    select after_event, 'decision.ratified', ratified_at, ${place}, 'decision', decision_id,
      jsonb_build_object('decisionId', decision_id, 'outcome', 'ratified', 'meetingId', null)
    from bench_q where ratification = 'ratified'
    union all
    select after_event, 'decision.ratification_overdue', ratify_by + 1 + time '00:00', 'system', null::bigint,
      body_id, region_id, 'decision', decision_id,
      jsonb_build_object('decisionId', decision_id, 'ratifyBy', ratify_by::text)
    from bench_q where ratification = 'pending' and ratify_by < ${today}`,
  )
}

/** One to three tasks for half the voted and recorded decisions, owned by the deciding body. */
async function generateTasks(db: Kysely<DB>, today: string): Promise<FixtureCounts> {
  await run(
    db,
    `create temp table bench_tasks as
    select ${nextId('decision_tasks')} as task_id, ${nextId('events')} as created_event,
      null::bigint as overdue_event, q.region_id, q.body_id, q.decision_id, q.decided_at, k,
      (q.decided_at::date + 30 + floor(${draw("q.n || '/' || k", 'due')} * 90)::int) as due_on,
      ${draw("q.n || '/' || k", 'done')} < 0.5 as done
    from bench_q q cross join lateral generate_series(1, 1 + floor(${draw('q.n', 'tasks')} * 3)::int) k
    where q.story in ('vote', 'overrun', 'short', 'undiscussed') and ${draw('q.n', 'has-tasks')} < 0.5`,
  )
  await run(db, `update bench_tasks set done = false where least(due_on, ${today} - 1) < decided_at::date`)
  await run(
    db,
    `update bench_tasks set overdue_event = ${nextId('events')} where not done and due_on < ${today}`,
  )
  await run(
    db,
    `insert into decision_tasks (id, region_id, body_id, decision_id, title, owner_member_id, owner_body_id,
      due_on, state, progress, created_at, closed_at)
    select task_id, region_id, body_id, decision_id, 'Task ' || k, null, body_id, due_on,
      case when done then 'done' else 'open' end, case when done then 100 else 40 end,
      decided_at + interval '1 hour', case when done then least(due_on, ${today} - 1) + time '17:00' end
    from bench_tasks`,
  )
  await run(
    db,
    `insert into events (${EVENT_COLUMNS})
    select created_event, 'task.created', decided_at + interval '1 hour', 'cli', null::bigint, body_id, region_id,
      'task', task_id,
      jsonb_build_object('taskId', task_id, 'decisionId', decision_id, 'ownerMemberId', null,
        'ownerBodyId', body_id, 'dueOn', due_on::text)
    from bench_tasks
    union all
    select overdue_event, 'task.overdue', due_on + 1 + time '00:05', 'system', null::bigint, body_id, region_id,
      'task', task_id, jsonb_build_object('taskId', task_id, 'dueOn', due_on::text)
    from bench_tasks where not done and due_on < ${today}`,
  )
  const result = {
    tasks: await count(db, 'select count(*) as n from bench_tasks'),
    'tasks overdue': await count(
      db,
      `select count(*) as n from bench_tasks where not done and due_on < ${today}`,
    ),
  }
  await run(db, 'drop table bench_tasks')
  return result
}
