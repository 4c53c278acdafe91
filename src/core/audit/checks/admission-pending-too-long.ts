import { type RawBuilder, sql } from 'kysely'
import type { MemberCategory } from '../../members/schemas.ts'
import type { AuditCheck, AuditScope } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { valuesTable } from './check-sql.ts'

interface Row {
  id: number
  unit_id: number
  unit_name: string
  category: MemberCategory
  rule_id: string
  days: number
  applied_on: string
  since: string
  waited: number
  evidence: number | null
}

const FROM: Record<MemberCategory, string> = {
  worker: 'a worker',
  peasant: 'a peasant',
  employee: 'an employee',
  other: 'an applicant of another category',
}

/**
 * The scope again on the member row, so a subtree run walks `members_path_joined` and a body run
 * `members_unit` rather than every member (the join to bodies alone would not narrow members).
 */
function memberInScope(scope: AuditScope): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`true`
    case 'subtree':
      return sql<boolean>`p.unit_path collate "C" like ${`${scope.path}%`}`
    case 'bodies':
      return sql<boolean>`p.unit_id = any(${sql.val(scope.bodyIds.map(Number))}::bigint[])`
  }
}

/**
 * `admission.pending-too-long` reads the `admission` family: the unit decides an application
 * within `decideWithinDays` of the rule for the applicant's category. A member whose status on
 * the audit's date was `applicant` and whose application is at least that many days old is a
 * violation, from the application date plus `decideWithinDays` (the first day past the deadline,
 * counting the day of receipt as the first), in the member's unit (unless dissolved by the date). The message gives the category,
 * never the name.
 *
 * The status on the date comes from `member_status_changes` as `statusOn` reads it: the last change
 * on or before the date, else the status before the first change, else the current one. The
 * application date is that change's date for a readmission (`left → applicant`); for a member
 * registered as an applicant it is `status_since` while still an applicant, and `joined_on` (the
 * registration's default for it) once a later change has overwritten it.
 *
 * Only members who are applicants now, or whose status changed after the date, can have been
 * applicants then, so the query starts from them; each takes two probes of
 * `member_status_changes (member_id, on_date)`. Evidence: the change that made them an applicant,
 * or their registration event (none for members loaded in bulk).
 */
export const admissionPendingTooLongCheck: AuditCheck = {
  kind: 'admission.pending-too-long',
  family: 'admission',
  title: 'Application left pending',
  triggers: [
    'member.registered',
    'member.status_changed',
    'member.updated',
    'member.transferred',
    'members.imported',
  ],
  // Member events sit on the member's (new) unit. A transfer also changes the old unit's findings
  // (the applicant left it): its id is in the event's payload. An import sits on the body it was
  // addressed to (or none): its findings are in the units of the members it loaded, read from its
  // id range. Both are read by event id in one statement.
  async affectedBodies(db, events) {
    const bodies = new Set<number>()
    const payloads: number[] = []
    for (const event of events) {
      if (event.type === 'members.imported' || event.type === 'member.transferred') payloads.push(event.id)
      if (event.type !== 'members.imported' && event.bodyId !== null) bodies.add(event.bodyId)
    }
    if (payloads.length > 0) {
      const { rows } = await sql<{ unit_id: number | string }>`
        select (e.payload->>'fromUnitId')::int8 as unit_id from events e
        where e.id = any(${payloads}::bigint[]) and e.type = 'member.transferred'
        union
        select p.unit_id from events e
        join members p on p.id between (e.payload->>'firstMemberId')::int8 and (e.payload->>'lastMemberId')::int8
        where e.id = any(${payloads}::bigint[]) and e.type = 'members.imported'`.execute(db)
      for (const row of rows) bodies.add(Number(row.unit_id))
    }
    return [...bodies]
  },
  async find(db, input) {
    const admission = input.charter.document.rules.admission
    const seen = new Set<string>()
    // The first rule for a category decides, as a reader of the charter would take it.
    const byCategory = admission.filter((rule) => !seen.has(rule.category) && seen.add(rule.category))
    if (byCategory.length === 0) return []
    const rules = valuesTable(
      'r',
      [
        ['category', 'text'],
        ['rule_id', 'text'],
        ['days', 'int'],
      ],
      byCategory.map((rule) => [rule.category, rule.id, rule.decideWithinDays]),
    )
    const asOf = sql`${input.asOf}::date`
    const { rows } = await sql<Row>`
      select x.*, (x.applied_on + x.days) as since, (${asOf} - x.applied_on) as waited,
        coalesce(x.change_event_id, (
          select e.id from events e
          where e.subject_kind = 'member' and e.subject_id = x.id and e.type = 'member.registered'
          order by e.id limit 1
        )) as evidence
      from (
        select p.id, p.unit_id, b.name as unit_name, p.category, r.rule_id, r.days,
          coalesce(lastc.to_status, firstc.from_status, p.status) as status_then,
          coalesce(lastc.on_date, case when firstc.from_status is null then p.status_since else p.joined_on end)
            as applied_on,
          lastc.event_id as change_event_id
        from members p
        join bodies b on b.id = p.unit_id
        join ${rules} on r.category = p.category
        left join lateral (
          select c.to_status, c.on_date, c.event_id from member_status_changes c
          where c.member_id = p.id and c.on_date <= ${asOf}
          order by c.on_date desc, c.id desc limit 1
        ) lastc on true
        left join lateral (
          select c.from_status from member_status_changes c
          where c.member_id = p.id
          order by c.on_date, c.id limit 1
        ) firstc on true
        where (p.status = 'applicant' or p.status_since > ${asOf}) and p.joined_on <= ${asOf}
          and ${memberInScope(input.scope)} and ${bodyInScope(input.scope, 'b')}
          and ${bodyActiveAt(input.asOfEnd, 'b')}
      ) x
      where x.status_then = 'applicant' and x.applied_on + x.days <= ${asOf}`.execute(db)

    return rows.map(
      (row): FindingDraft => ({
        rule: row.rule_id,
        bodyId: row.unit_id,
        subject: { kind: 'member', id: row.id },
        severity: 'violation',
        since: row.since,
        evidence: row.evidence === null ? [] : [Number(row.evidence)],
        message:
          `An application from ${FROM[row.category]} to ${row.unit_name}, received on ${row.applied_on}, ` +
          `has waited ${row.waited} days; the charter requires a decision within ${row.days} days.`,
      }),
    )
  },
}
