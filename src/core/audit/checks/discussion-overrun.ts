import { sql } from 'kysely'
import { daysAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { dateOf, evidenceIds, mentionQuestion, questionReadableOn, subjectEvidence } from './check-sql.ts'

/**
 * Discussions that ran past their maximum. Reads the limits rule each question's discussion
 * opened under (`questions.limits_rule_id`, with its `maximum_days` and the latest close it gave:
 * copied when the discussion opened, so a later charter version neither shortens nor lengthens
 * it). A discussion whose maximum's day ended while it was still going is a violation from the
 * day after the maximum.
 *
 * "Still going" is judged as of the audit's day: the discussion ends when it closes, when the
 * question is decided (an urgent decision ends a discussion without closing it) or when it is
 * withdrawn (only the log dates that). Live, the scheduler closes a discussion at its maximum and
 * a late close is dated the maximum, so a live overrun shows only while the scheduler has not
 * run, and clears once it has; a record of past practice closed after its maximum (Petrograd,
 * 1922: 102 days against 45) stays a finding, as the act it is. A confidential question is judged
 * only once declassified (`questionReadableOn`): before, the finding would tell everyone in scope
 * how its discussion stands.
 */
export const discussionOverrunCheck: AuditCheck = {
  kind: 'discussion.overrun',
  family: 'deliberation',
  title: 'Discussion past its maximum',
  triggers: [
    'discussion.opened',
    'discussion.closed',
    'decision.taken',
    'question.withdrawn',
    'question.recorded',
  ],
  async find(db, input): Promise<readonly FindingDraft[]> {
    // The first instant of the audit's day: a maximum before it leaves the maximum's day ended by asOf.
    const startOfDay = new Date(`${input.asOf}T00:00:00.000Z`)
    // Only a withdrawn question (withdrawn by now, perhaps after asOf) has a withdrawal to date.
    const ended = sql<Date | null>`least(q.discussion_closed_at, d.decided_at,
      case when q.state = 'withdrawn' then (select min(w.occurred_at) from events w
        where w.subject_kind = 'question' and w.subject_id = q.id and w.type = 'question.withdrawn') end)`
    // The end of the maximum's day (UTC): a discussion going on at that moment ran past it.
    const endOfMaximumDay = sql<Date>`date_trunc('day', q.discussion_latest_close_at, 'UTC') + interval '1 day'`
    const rows = await db
      .selectFrom('questions as q')
      .innerJoin('bodies as b', 'b.id', 'q.body_id')
      .leftJoin('decisions as d', 'd.question_id', 'q.id')
      .select([
        'q.id as questionId',
        'q.body_id as bodyId',
        'q.limits_rule_id as ruleId',
        'q.maximum_days as maximumDays',
        'q.discussion_opened_at as openedAt',
        'q.discussion_latest_close_at as latestCloseAt',
        'b.name as bodyName',
        ended.as('endedAt'),
        subjectEvidence([{ kind: 'question', idColumn: 'q.id' }], input.asOfEnd).as('evidence'),
      ])
      .where('q.discussion_opened_at', '<', input.asOfEnd)
      .where('q.discussion_latest_close_at', '<', startOfDay)
      .where('q.limits_rule_id', 'is not', null)
      // Cheap first: most discussions closed (or were decided) within their maximum.
      .where(sql<boolean>`(q.discussion_closed_at is null or q.discussion_closed_at >= ${endOfMaximumDay})`)
      .where(sql<boolean>`(d.decided_at is null or d.decided_at >= ${endOfMaximumDay})`)
      .where(sql<boolean>`(${ended} is null or ${ended} >= ${endOfMaximumDay})`)
      .where(questionReadableOn(input.asOf, 'q'))
      .where(bodyInScope(input.scope, 'b'))
      .where(bodyActiveAt(input.asOfEnd, 'b'))
      .orderBy('q.id')
      .execute()
    return rows.flatMap((row): FindingDraft[] => {
      if (row.ruleId === null || row.latestCloseAt === null || row.openedAt === null) return []
      const maximumDay = dateOf(row.latestCloseAt)
      const open = row.endedAt === null || new Date(row.endedAt) >= input.asOfEnd
      const limit = `its maximum of ${row.maximumDays} days (${row.ruleId})`
      const opened = dateOf(row.openedAt)
      const message = open
        ? `The discussion of ${mentionQuestion(row)}, opened on ${opened}, is still going past ${limit}: it should have closed on ${maximumDay}.`
        : `The discussion of ${mentionQuestion(row)}, opened on ${opened}, ran past ${limit}: it should have closed on ${maximumDay} and ended on ${dateOf(row.endedAt ?? maximumDay)}.`
      return [
        {
          rule: row.ruleId,
          bodyId: row.bodyId,
          subject: { kind: 'question', id: row.questionId },
          severity: 'violation',
          since: daysAfter(maximumDay, 1),
          evidence: evidenceIds(row.evidence),
          message,
        },
      ]
    })
  },
}
