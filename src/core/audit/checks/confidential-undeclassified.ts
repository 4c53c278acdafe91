import { sql } from 'kysely'
import { daysAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import {
  capitalise,
  dateOf,
  deliberationRuleOf,
  evidenceIds,
  laterOf,
  mentionSecret,
  subjectEvidence,
} from './check-sql.ts'

/**
 * Confidential questions kept secret longer than the charter allows. Reads the `confidential`
 * rule in force on the audit's day: a question is declassified within `declassifyWithinDays` of
 * being raised. A confidential question raised by the audit's day, still classified then
 * (`declassify_on` after it), whose declassification date falls later than the rule allows, is a
 * violation once the allowed date has passed, from the day after it, or from the day the version
 * in force took effect if later (the bound is that version's, so an audit as of `since` finds it;
 * the trade-off: a version re-adopted with the same bound moves `since` forward to its own date).
 * It is the one check that speaks of questions still classified: it says no more of them than the
 * redacted view does (`mentionSecret`).
 *
 * Raising a question refuses a date beyond the bound in force, so this arises when a later
 * version shortens the bound (the question keeps the date it was given) or from an entry made
 * otherwise; the body puts it right by declassifying now (declassifyQuestion). The message says
 * only that a confidential question of the body, raised on a date, is kept past the bound: the
 * finding adds nothing to what the redacted view shows. Without a confidential rule in force
 * there is no bound to measure against, and the check is silent.
 */
export const confidentialUndeclassifiedCheck: AuditCheck = {
  kind: 'confidential.undeclassified',
  family: 'deliberation',
  title: 'Kept confidential past its bound',
  triggers: ['question.raised', 'question.declassified'],
  async find(db, input): Promise<readonly FindingDraft[]> {
    const rule = deliberationRuleOf(input.charter.document, 'confidential')
    if (!rule) return []
    // The date the bound allows, on the organisation's calendar (UTC) whatever the session's zone.
    const allowed = sql<string>`((q.raised_at at time zone 'UTC')::date + ${rule.declassifyWithinDays}::int)`
    const rows = await db
      .selectFrom('questions as q')
      .innerJoin('bodies as b', 'b.id', 'q.body_id')
      .select([
        'q.id as questionId',
        'q.body_id as bodyId',
        'q.raised_at as raisedAt',
        'b.name as bodyName',
        subjectEvidence([{ kind: 'question', idColumn: 'q.id' }], input.asOfEnd).as('evidence'),
      ])
      .where('q.confidential', '=', true)
      .where('q.raised_at', '<', input.asOfEnd)
      .where(sql<boolean>`q.declassify_on > ${input.asOf}::date`)
      .where(sql<boolean>`q.declassify_on > ${allowed}`)
      .where(sql<boolean>`${allowed} < ${input.asOf}::date`)
      .where(bodyInScope(input.scope, 'b'))
      .where(bodyActiveAt(input.asOfEnd, 'b'))
      .orderBy('q.id')
      .execute()
    return rows.map((row): FindingDraft => {
      const allowedOn = daysAfter(dateOf(row.raisedAt), rule.declassifyWithinDays)
      return {
        rule: rule.id,
        bodyId: row.bodyId,
        subject: { kind: 'question', id: row.questionId },
        severity: 'violation',
        since: laterOf(daysAfter(allowedOn, 1), input.charter.effectiveFrom),
        evidence: evidenceIds(row.evidence),
        message: `${capitalise(mentionSecret(row))} is still kept from the members in scope, past the ${rule.declassifyWithinDays} days the charter allows (it was due for declassification by ${allowedOn}; ${rule.id}).`,
      }
    })
  },
}
