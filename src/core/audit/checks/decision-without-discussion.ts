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

/**
 * Major questions decided without their discussion. Reads the `major` rule each decision cites
 * (`decisions.discussion_rule_id`, copied from the question's `major_rule_id` when it was
 * decided): a major question is decided only after its discussion is completed, except as urgent
 * (decided at once, ratified later) or confidential (decided by the body alone). A decision taken
 * by the audit's day on a major question, with neither exception and its discussion not
 * completed, is a violation from the day it was taken.
 *
 * Live use refuses such a decision (DISCUSSION_REQUIRED), so the finding comes from records of
 * past practice (recordPastDeliberation): an act done, which stays a finding. A confidential
 * question is never one: its exception covers it, declassified or not (the filter on readable
 * questions every deliberation check shares is kept here too, so the rule holds if the exception
 * changes). Messages name the question by number only.
 */
export const decisionWithoutDiscussionCheck: AuditCheck = {
  kind: 'decision.without-discussion',
  family: 'deliberation',
  title: 'Decided without discussion',
  triggers: ['decision.taken', 'question.recorded'],
  async find(db, input): Promise<readonly FindingDraft[]> {
    const rows = await decisionsOnReadableQuestions(db, input, QUESTION_AND_DECISION)
      .select((eb) => eb.fn.coalesce('d.discussion_rule_id', 'q.major_rule_id').as('ruleId'))
      .where('q.major', '=', true)
      .where('d.exception', 'is', null)
      .where('q.confidential', '=', false)
      .where('d.discussion_completed', '=', false)
      .execute()
    return rows.flatMap((row): FindingDraft[] => {
      if (row.ruleId === null) return []
      const decided = dateOf(row.decidedAt)
      return [
        decisionFinding(row, {
          rule: row.ruleId,
          severity: 'violation',
          since: decided,
          message: `${capitalise(mentionQuestion(row))}, a major question, was decided on ${decided} without the discussion the charter requires first (${row.ruleId}).`,
        }),
      ]
    })
  },
}
