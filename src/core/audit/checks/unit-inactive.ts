import { sql } from 'kysely'
import { deliberationRules } from '../../deliberation/deliberation-rules.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { evidenceIds, utcDate, valuesTable } from './check-sql.ts'

interface Row {
  id: number
  body_name: string
  rule_id: string
  every_days: number
  last_on: string | null
  since: string
  evidence: (number | string)[] | null
}

/**
 * `unit.inactive` reads the `deliberation` family's `meetings` rule: bodies at the rule's levels
 * meet at least every `everyDays` (the first such rule applying at a level, as the deliberation
 * capability reads it). A body active on the audit's date that held no meeting in the `everyDays`
 * days up to and including that date is a warning: a lapse of organisational life rather than a
 * broken rule of a single act.
 *
 * A meeting was held when its attendance or its minutes were recorded and it was not cancelled,
 * and it counts from its start (`starts_at` before the end of the date), even when entered
 * afterwards. `since` is the first day the gap exceeded the rule: the last meeting's date plus
 * `everyDays`. For a body that never met, the clock starts at the later of the day the first
 * charter version took effect (the earliest `effective_from` on or before the date: the
 * organisation has had rules since then, whichever version is in force now, so an unrelated
 * amendment neither moves nor clears the finding) and the day the body was entered in Charter
 * (`created_at`: without a meeting there is no other sign it existed before), plus `everyDays`. A
 * unit created today is not inactive until its first interval has passed.
 *
 * One query: the bodies at the rule's levels, each with its last held meeting by one probe of
 * `meetings_body (body_id, starts_at desc)`. Evidence is that meeting's events (`events_subject`)
 * and, for meetings entered in bulk (the demo's books), the `meetings.recorded` event whose id
 * range covers it (`events_type`: a handful of such events).
 */
export const unitInactiveCheck: AuditCheck = {
  kind: 'unit.inactive',
  family: 'deliberation',
  title: 'Did not meet',
  triggers: ['meeting.attendance_recorded', 'meeting.minutes_recorded', 'meeting.cancelled'],
  // Meeting events are placed on the meeting's body: the default.
  async find(db, input) {
    const document = input.charter.document
    const levels = document.levels.flatMap((level) => {
      const rule = deliberationRules(document, level).meetings
      return rule && rule.everyDays > 0 ? [[level, rule.id, rule.everyDays] as const] : []
    })
    if (levels.length === 0) return []
    const rules = valuesTable(
      'r',
      [
        ['level', 'text'],
        ['rule_id', 'text'],
        ['every_days', 'int'],
      ],
      levels,
    )
    const asOf = sql`${input.asOf}::date`
    const firstRules = sql`(select min(cv.effective_from) from charter_versions cv where cv.effective_from <= ${asOf})`
    const neverMetFrom = sql`greatest(${firstRules}, ${utcDate(sql`b.created_at`)})`
    const { rows } = await sql<Row>`
      select b.id, b.name as body_name, r.rule_id, r.every_days, ${utcDate(sql`last.starts_at`)} as last_on,
        coalesce(${utcDate(sql`last.starts_at`)}, ${neverMetFrom}) + r.every_days as since,
        array(
          select e.id from events e
          where e.subject_kind = 'meeting' and e.subject_id = last.id and e.occurred_at < ${input.asOfEnd}
          union all
          select e.id from events e
          where e.type = 'meetings.recorded' and e.occurred_at < ${input.asOfEnd}
            and last.id between (e.payload->>'firstMeetingId')::int8 and (e.payload->>'lastMeetingId')::int8
        ) as evidence
      from bodies b
      join ${rules} on r.level = b.level
      left join lateral (
        select mt.id, mt.starts_at from meetings mt
        where mt.body_id = b.id and mt.starts_at < ${input.asOfEnd}
          and mt.state <> 'cancelled' and (mt.state = 'held' or mt.deciding_members is not null)
        order by mt.starts_at desc
        limit 1
      ) last on true
      where ${bodyActiveAt(input.asOfEnd, 'b')} and ${bodyInScope(input.scope, 'b')}
        and case
          when last.id is null then ${neverMetFrom} + r.every_days <= ${asOf}
          else last.starts_at < ${input.asOfEnd}::timestamptz - make_interval(days => r.every_days)
        end`.execute(db)

    return rows.map((row): FindingDraft => {
      const every = `the charter requires a meeting every ${row.every_days} day${row.every_days === 1 ? '' : 's'}`
      return {
        rule: row.rule_id,
        bodyId: row.id,
        subject: { kind: 'body', id: row.id },
        severity: 'warning',
        since: row.since,
        evidence: evidenceIds(row.evidence),
        message: row.last_on
          ? `No meeting of ${row.body_name} has been held since ${row.last_on}; ${every}.`
          : `No meeting of ${row.body_name} is on record; ${every}.`,
      }
    })
  },
}
