import { sql } from 'kysely'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import {
  capitalise,
  dateOf,
  evidenceIds,
  mentionQuestion,
  questionReadableOn,
  subjectEvidence,
} from './check-sql.ts'

const DAY_MS = 86_400_000

/**
 * Decisions taken after a discussion shorter than its minimum. Reads the limits rule each
 * question's discussion opened under (`questions.limits_rule_id` and its `minimum_days`, copied
 * when the discussion opened; the earliest close they gave is `discussion_earliest_close_at`). A
 * decision taken by the audit's day after a discussion that closed before its minimum is a
 * violation from the day it was taken, unless an exception let the body cut the discussion short:
 * urgent (its own finding if unratified) or confidential (whether declassified since or not; the
 * readable-question filter every deliberation check shares is kept here too).
 *
 * Live use refuses an early close (DISCUSSION_TOO_EARLY), so the finding comes from records of
 * past practice: an act done, which stays a finding.
 */
export const discussionTooShortCheck: AuditCheck = {
  kind: 'discussion.too-short',
  family: 'deliberation',
  title: 'Discussion shorter than its minimum',
  triggers: ['decision.taken', 'question.recorded'],
  async find(db, input): Promise<readonly FindingDraft[]> {
    const rows = await db
      .selectFrom('decisions as d')
      .innerJoin('questions as q', 'q.id', 'd.question_id')
      .innerJoin('bodies as b', 'b.id', 'd.body_id')
      .select([
        'd.id as decisionId',
        'd.body_id as bodyId',
        'd.decided_at as decidedAt',
        'q.id as questionId',
        'q.limits_rule_id as ruleId',
        'q.minimum_days as minimumDays',
        'q.discussion_opened_at as openedAt',
        'q.discussion_closed_at as closedAt',
        'b.name as bodyName',
        subjectEvidence(
          [
            { kind: 'question', idColumn: 'q.id' },
            { kind: 'decision', idColumn: 'd.id' },
          ],
          input.asOfEnd,
        ).as('evidence'),
      ])
      .where('d.decided_at', '<', input.asOfEnd)
      .where('d.exception', 'is', null)
      .where('q.confidential', '=', false)
      .where(questionReadableOn(input.asOf, 'q'))
      .where('q.limits_rule_id', 'is not', null)
      .where('q.discussion_opened_at', 'is not', null)
      .where(sql<boolean>`q.discussion_closed_at < q.discussion_earliest_close_at`)
      .where(bodyInScope(input.scope, 'b'))
      .where(bodyActiveAt(input.asOfEnd, 'b'))
      .orderBy('d.id')
      .execute()
    return rows.flatMap((row): FindingDraft[] => {
      if (row.ruleId === null || row.openedAt === null || row.closedAt === null) return []
      const decided = dateOf(row.decidedAt)
      const held = Math.floor((new Date(row.closedAt).getTime() - new Date(row.openedAt).getTime()) / DAY_MS)
      const heldText = held === 1 ? '1 day' : `${held} days`
      return [
        {
          rule: row.ruleId,
          bodyId: row.bodyId,
          subject: { kind: 'decision', id: row.decisionId },
          severity: 'violation',
          since: decided,
          evidence: evidenceIds(row.evidence),
          message: `${capitalise(mentionQuestion(row))} was decided on ${decided} after a discussion of ${heldText}, fewer than the ${row.minimumDays} days the charter requires (${row.ruleId}).`,
        },
      ]
    })
  },
}
