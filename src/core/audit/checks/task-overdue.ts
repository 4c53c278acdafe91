import { sql } from 'kysely'
import { daysAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { deliberationRuleOf, evidenceIds, questionReadableOn, subjectEvidence } from './check-sql.ts'

/**
 * Tasks left open past their deadline. Reads the charter's `implementation` rule in force on the
 * audit's day: decisions are carried out by their owners by the deadline set, with progress
 * reports ("like-acting", not only "like-minded"). A task set by the audit's day and not closed
 * by then whose due date had passed is a violation from the day after it fell due. The finding
 * is the deciding body's (the task's body): it set the deadline and answers for the decision.
 *
 * The deadline is each task's own, so the rule only says that keeping it is the charter's
 * demand: without an implementation rule in force the check is silent. The message names the
 * task by number, never its title or its decision's question. The tasks of a confidential
 * question's decision are judged only once it is declassified (`questionReadableOn`): a finding
 * would say the question was decided and when its work fell due.
 */
export const taskOverdueCheck: AuditCheck = {
  kind: 'task.overdue',
  family: 'deliberation',
  title: 'Task overdue',
  triggers: ['task.created', 'task.reported', 'task.overdue'],
  async find(db, input): Promise<readonly FindingDraft[]> {
    const rule = deliberationRuleOf(input.charter.document, 'implementation')
    if (!rule) return []
    const rows = await db
      .selectFrom('decision_tasks as t')
      .innerJoin('bodies as b', 'b.id', 't.body_id')
      .innerJoin('decisions as d', 'd.id', 't.decision_id')
      .innerJoin('questions as q', 'q.id', 'd.question_id')
      .select([
        't.id as taskId',
        't.body_id as bodyId',
        't.due_on as dueOn',
        'b.name as bodyName',
        subjectEvidence([{ kind: 'task', idColumn: 't.id' }], input.asOfEnd).as('evidence'),
      ])
      .where('t.created_at', '<', input.asOfEnd)
      // Closed after the audit's day: still open then.
      .where(sql<boolean>`(t.closed_at is null or t.closed_at >= ${input.asOfEnd})`)
      .where(sql<boolean>`t.due_on < ${input.asOf}::date`)
      .where(questionReadableOn(input.asOf, 'q'))
      .where(bodyInScope(input.scope, 'b'))
      .where(bodyActiveAt(input.asOfEnd, 'b'))
      .orderBy('t.id')
      .execute()
    return rows.map(
      (row): FindingDraft => ({
        rule: rule.id,
        bodyId: row.bodyId,
        subject: { kind: 'task', id: row.taskId },
        severity: 'violation',
        since: daysAfter(row.dueOn, 1),
        evidence: evidenceIds(row.evidence),
        message: `Task #${row.taskId} set by ${row.bodyName} to carry out a decision fell due on ${row.dueOn} and is still open (${rule.id}).`,
      }),
    )
  },
}
