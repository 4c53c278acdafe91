import { sql } from 'kysely'
import { daysAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import {
  dateOf,
  deliberationRuleOf,
  evidenceIds,
  mentionQuestion,
  questionReadableOn,
  subjectEvidence,
} from './check-sql.ts'

/**
 * Urgent decisions still awaiting their body's ratification. Reads the charter's `urgent` rule
 * (in force on the audit's day; decide-urgently stores no rule id on the decision, only the
 * deadline it set, `ratify_by`): an urgent decision is decided at once and ratified by the body
 * within the rule's days. A decision taken urgently by the audit's day whose ratification had not
 * happened by then (ratified or rejected later, or not at all) is a notice while its deadline is
 * still ahead, from the day it was taken, and a violation once the deadline has passed, from the
 * day after it. The deadline is the decision's own (set by the rule in force when it was taken).
 * Without an urgent rule in force there is no exception, and nothing to cite: the check is silent.
 * A confidential question's decision is judged only once the question is declassified
 * (`questionReadableOn`): before, the finding would tell everyone that it was decided urgently,
 * when, and whether it was ratified.
 */
export const urgentUnratifiedCheck: AuditCheck = {
  kind: 'urgent.unratified',
  family: 'deliberation',
  title: 'Urgent decision not ratified',
  triggers: ['decision.taken', 'decision.ratified', 'decision.ratification_overdue'],
  async find(db, input): Promise<readonly FindingDraft[]> {
    const rule = deliberationRuleOf(input.charter.document, 'urgent')
    if (!rule) return []
    const rows = await db
      .selectFrom('decisions as d')
      .innerJoin('questions as q', 'q.id', 'd.question_id')
      .innerJoin('bodies as b', 'b.id', 'd.body_id')
      .select([
        'd.id as decisionId',
        'd.body_id as bodyId',
        'd.decided_at as decidedAt',
        'd.ratify_by as ratifyBy',
        'q.id as questionId',
        'b.name as bodyName',
        subjectEvidence([{ kind: 'decision', idColumn: 'd.id' }], input.asOfEnd).as('evidence'),
      ])
      .where('d.kind', '=', 'urgent')
      .where('d.decided_at', '<', input.asOfEnd)
      .where('d.ratify_by', 'is not', null)
      // Ratified or rejected after the audit's day: still pending then (both set ratified_at).
      .where(sql<boolean>`(d.ratified_at is null or d.ratified_at >= ${input.asOfEnd})`)
      .where(questionReadableOn(input.asOf, 'q'))
      .where(bodyInScope(input.scope, 'b'))
      .where(bodyActiveAt(input.asOfEnd, 'b'))
      .orderBy('d.id')
      .execute()
    return rows.flatMap((row): FindingDraft[] => {
      if (row.ratifyBy === null) return []
      const decided = dateOf(row.decidedAt)
      const overdue = input.asOf > row.ratifyBy
      const mention = mentionQuestion(row)
      const message = overdue
        ? `The urgent decision on ${mention}, taken on ${decided}, was not ratified by the body by ${row.ratifyBy} as the charter requires (${rule.id}).`
        : `The urgent decision on ${mention}, taken on ${decided}, awaits the body's ratification by ${row.ratifyBy} (${rule.id}).`
      return [
        {
          rule: rule.id,
          bodyId: row.bodyId,
          subject: { kind: 'decision', id: row.decisionId },
          severity: overdue ? 'violation' : 'notice',
          since: overdue ? daysAfter(row.ratifyBy, 1) : decided,
          evidence: evidenceIds(row.evidence),
          message,
        },
      ]
    })
  },
}
