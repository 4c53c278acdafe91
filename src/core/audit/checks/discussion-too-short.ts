import { sql } from 'kysely'
import type { AuditCheck } from '../audit-check.ts'
import type { FindingDraft } from '../finding.ts'
import {
  capitalise,
  dateOf,
  decisionFinding,
  decisionsOnReadableQuestions,
  mentionQuestion,
  QUESTION_AND_DECISION,
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
    const rows = await decisionsOnReadableQuestions(db, input, QUESTION_AND_DECISION)
      .select([
        'q.limits_rule_id as ruleId',
        'q.minimum_days as minimumDays',
        'q.discussion_opened_at as openedAt',
        'q.discussion_closed_at as closedAt',
      ])
      .where('d.exception', 'is', null)
      .where('q.confidential', '=', false)
      .where('q.limits_rule_id', 'is not', null)
      .where('q.discussion_opened_at', 'is not', null)
      .where(sql<boolean>`q.discussion_closed_at < q.discussion_earliest_close_at`)
      .execute()
    return rows.flatMap((row): FindingDraft[] => {
      if (row.ruleId === null || row.openedAt === null || row.closedAt === null) return []
      const decided = dateOf(row.decidedAt)
      const held = Math.floor((new Date(row.closedAt).getTime() - new Date(row.openedAt).getTime()) / DAY_MS)
      const heldText = held === 1 ? '1 day' : `${held} days`
      return [
        decisionFinding(row, {
          rule: row.ruleId,
          severity: 'violation',
          since: decided,
          message: `${capitalise(mentionQuestion(row))} was decided on ${decided} after a discussion of ${heldText}, fewer than the ${row.minimumDays} days the charter requires (${row.ruleId}).`,
        }),
      ]
    })
  },
}
