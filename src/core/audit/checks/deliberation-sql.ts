import { type RawBuilder, sql } from 'kysely'
import type { CharterDocument, DeliberationRule } from '../../charter/document-schema.ts'
import { toIsoDate } from '../../shared/clock.ts'

/** Shared pieces of the deliberation checks: evidence, dates, rules and how a question is named. */

/** A subject whose events are evidence: its kind as events place it, and the SQL column of its id. */
export interface EvidenceSubject {
  readonly kind: 'question' | 'decision' | 'task'
  readonly idColumn: string
}

/**
 * The ids of the events logged about these subjects by the end of the audit's day, oldest first,
 * as one array column of the check's own query: each branch is a range scan of the
 * `events_subject (subject_kind, subject_id, id)` index, so evidence costs a few index probes per
 * finding and never a query of its own. The use cases place every event of a question, a decision
 * or a task with that subject (questionPlacement, decisionPlacement, taskPlacement).
 */
export function subjectEvidence(
  subjects: readonly EvidenceSubject[],
  asOfEnd: Date,
): RawBuilder<readonly (number | string)[]> {
  const branches = subjects.map(
    (subject) =>
      sql`select e.id from events e where e.subject_kind = ${subject.kind}
          and e.subject_id = ${sql.ref(subject.idColumn)} and e.occurred_at < ${asOfEnd}`,
  )
  return sql`array(select ev.id from (${sql.join(branches, sql` union all `)}) ev order by ev.id)`
}

/** Evidence ids as numbers (a bigint array comes back as text from some drivers). */
export function evidenceIds(ids: readonly (number | string)[]): number[] {
  return ids.map(Number)
}

/** The calendar date (UTC, the organisation's calendar) of a timestamp column's value. */
export function dateOf(value: Date | string): string {
  return toIsoDate(new Date(value))
}

/** The first deliberation rule of a kind in the charter in force, or null when it is silent. */
export function deliberationRuleOf<K extends DeliberationRule['kind']>(
  document: CharterDocument,
  kind: K,
): Extract<DeliberationRule, { kind: K }> | null {
  const rule = document.rules.deliberation.find(
    (candidate): candidate is Extract<DeliberationRule, { kind: K }> => candidate.kind === kind,
  )
  return rule ?? null
}

/** What a finding's message may say of a question. */
export interface QuestionMention {
  readonly questionId: number
  readonly confidential: boolean
  readonly raisedAt: Date | string
  readonly bodyName: string
}

/**
 * A question as a finding names it: "question #12 of Unit A1", never its words; a confidential
 * one only as "a confidential question of Unit A1 raised on 1923-09-01" (what anyone in scope may
 * know of it: that it exists, where and when), never its number, so a finding adds nothing to
 * the redacted view.
 */
export function mentionQuestion(question: QuestionMention): string {
  return question.confidential
    ? `a confidential question of ${question.bodyName} raised on ${dateOf(question.raisedAt)}`
    : `question #${question.questionId} of ${question.bodyName}`
}

/** The sentence's first letter in upper case (a mention may open it). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
