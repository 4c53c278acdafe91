import { sql } from 'kysely'
import { daysAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import type { FindingDraft } from '../finding.ts'
import {
  dateOf,
  decisionFinding,
  decisionsOnReadableQuestions,
  deliberationRuleOf,
  mentionQuestion,
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
    const rows = await decisionsOnReadableQuestions(db, input, [{ kind: 'decision', idColumn: 'd.id' }])
      .select('d.ratify_by as ratifyBy')
      .where('d.kind', '=', 'urgent')
      .where('d.ratify_by', 'is not', null)
      // Ratified or rejected after the audit's day: still pending then (both set ratified_at).
      .where(sql<boolean>`(d.ratified_at is null or d.ratified_at >= ${input.asOfEnd})`)
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
        decisionFinding(row, {
          rule: rule.id,
          severity: overdue ? 'violation' : 'notice',
          since: overdue ? daysAfter(row.ratifyBy, 1) : decided,
          message,
        }),
      ]
    })
  },
}
