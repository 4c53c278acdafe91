import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../../db/client.ts'
import type { CharterDocument, DeliberationRule } from '../../charter/document-schema.ts'
import { toIsoDate } from '../../shared/clock.ts'
import type { CheckInput } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'

/**
 * The pieces the checks share: the charter's rules as a small table to join, dates on the
 * organisation's calendar, evidence, what a finding may say of a question, and the two
 * predicates several checks must agree on (a question members may read on the date; an election
 * called and still pending).
 */

/** One column of a rules table: its name and its SQL type (a constant written in the check). */
export type ValuesColumn = readonly [name: string, type: 'text' | 'int' | 'date']

/**
 * The rules a check read from the charter, as a small inline table to join with: `(values (…), …)
 * as alias(columns)`. The charter holds tens of rules, so the table is tiny and the join stays one
 * hash join however large the data; each value is a bound parameter with its type cast, so both
 * backends read it the same way. Callers return early when there are no rows (an empty VALUES is
 * not valid SQL).
 */
export function valuesTable(
  alias: string,
  columns: readonly ValuesColumn[],
  rows: readonly (readonly (string | number | null)[])[],
): RawBuilder<unknown> {
  if (rows.length === 0) throw new Error('valuesTable needs at least one row')
  const tuples = rows.map(
    (row) =>
      sql`(${sql.join(
        columns.map(([, type], index) => sql`${row[index] ?? null}::${sql.raw(type)}`),
        sql`, `,
      )})`,
  )
  return sql`(values ${sql.join(tuples, sql`, `)}) as ${sql.raw(alias)}(${sql.raw(
    columns.map(([name]) => name).join(', '),
  )})`
}

/** A mandate (by alias) held at the end of `asOf`: begun by then and not ended by then. */
export function mandateHeldOn(asOf: string, alias = 'm'): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`)
  return sql<boolean>`(${ref('starts_on')} <= ${asOf}::date and (${ref('ended_on')} is null or ${ref('ended_on')} > ${asOf}::date))`
}

/** The instant a calendar date (a SQL date expression) begins, midnight UTC, whatever the session's zone. */
function dateStart(date: RawBuilder<unknown>): RawBuilder<Date> {
  return sql<Date>`((${date})::timestamp at time zone 'UTC')`
}

/** The UTC calendar date of an instant (a SQL timestamptz expression). */
export function utcDate(instant: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`((${instant}) at time zone 'UTC')::date`
}

/** The calendar date (UTC, the organisation's calendar) of a timestamp column's value. */
export function dateOf(value: Date | string): string {
  return toIsoDate(new Date(value))
}

/** The later of two dates (YYYY-MM-DD compare as text). */
export function laterOf(a: string, b: string): string {
  return a > b ? a : b
}

/** Event ids from an int8 array column: numbers, ascending (drivers differ on int8[] elements). */
export function evidenceIds(values: readonly (number | string)[] | null): number[] {
  return (values ?? []).map(Number).sort((a, b) => a - b)
}

/** A sentence's first letter in upper case (titles, body names and mentions are written as they come). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A subject whose events are evidence: its kind as events place it, and the SQL column of its id. */
export interface EvidenceSubject {
  readonly kind: 'question' | 'decision' | 'task'
  readonly idColumn: string
}

/** A decision's evidence with its question's: where the question's record is part of the departure. */
export const QUESTION_AND_DECISION: readonly EvidenceSubject[] = [
  { kind: 'question', idColumn: 'q.id' },
  { kind: 'decision', idColumn: 'd.id' },
]

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

/**
 * A question (by alias) that every member in the body's scope could read at the end of the
 * audit's day: not confidential, or declassified by then (`question-visibility.ts`'s rule without
 * the named audience, since the audit is read by all members in scope). Every deliberation check
 * except `confidential.undeclassified` keeps to such questions: a finding about a classified
 * question's decision, tasks, discussion or urgency would tell everyone its phase (that it was
 * decided, urgently, when, that it is late), which the redacted view hides. Once declassified, it
 * is audited like any other, its findings dated from the departure itself (an audit as of a day
 * before the declassification still leaves it out).
 */
export function questionReadableOn(asOf: string, alias = 'q'): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`)
  return sql<boolean>`(not ${ref('confidential')} or ${ref('declassify_on')} <= ${asOf}::date)`
}

/**
 * The decisions taken by the end of the audit's day (`d`, with their question `q` and body `b`)
 * on questions readable then (`questionReadableOn`), in bodies in scope and active then, oldest
 * first: the rows the decision checks judge, each with the ids a finding names (`decisionId`,
 * `bodyId`, `decidedAt`, `questionId`, `bodyName`) and its evidence, the events of `evidenceOf`
 * (the decision's, and its question's where the question's record is part of the departure).
 * A check adds its own columns and conditions.
 */
export function decisionsOnReadableQuestions(
  db: Executor,
  input: CheckInput,
  evidenceOf: readonly EvidenceSubject[],
) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('questions as q', 'q.id', 'd.question_id')
    .innerJoin('bodies as b', 'b.id', 'd.body_id')
    .select([
      'd.id as decisionId',
      'd.body_id as bodyId',
      'd.decided_at as decidedAt',
      'q.id as questionId',
      'b.name as bodyName',
      subjectEvidence(evidenceOf, input.asOfEnd).as('evidence'),
    ])
    .where('d.decided_at', '<', input.asOfEnd)
    .where(questionReadableOn(input.asOf, 'q'))
    .where(bodyInScope(input.scope, 'b'))
    .where(bodyActiveAt(input.asOfEnd, 'b'))
    .orderBy('d.id')
}

/** A finding about a decision row of `decisionsOnReadableQuestions`: its body, subject and evidence. */
export function decisionFinding(
  row: {
    readonly decisionId: number
    readonly bodyId: number
    readonly evidence: readonly (number | string)[] | null
  },
  finding: Omit<FindingDraft, 'bodyId' | 'subject' | 'evidence'>,
): FindingDraft {
  return {
    rule: finding.rule,
    bodyId: row.bodyId,
    subject: { kind: 'decision', id: row.decisionId },
    severity: finding.severity,
    since: finding.since,
    evidence: evidenceIds(row.evidence),
    message: finding.message,
  }
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
  readonly bodyName: string
}

/** A question readable in scope, as a finding names it: "question #12 of Unit A1", never its words. */
export function mentionQuestion(question: QuestionMention): string {
  return `question #${question.questionId} of ${question.bodyName}`
}

/**
 * A question still classified, as `confidential.undeclassified` names it: "a confidential question
 * of Unit A1 raised on 1923-09-01", what the redacted view shows of it (that it exists, where and
 * when). Its number is no secret (the finding's id carries it, and the redacted view shows it).
 */
export function mentionSecret(question: {
  readonly bodyName: string
  readonly raisedAt: Date | string
}): string {
  return `a confidential question of ${question.bodyName} raised on ${dateOf(question.raisedAt)}`
}

/** The SQL of a body, a post and a date a mandate row gives the election helper. */
export interface ElectionCallsFor {
  /** The body whose elections count (a SQL column, e.g. `m.body_id`). */
  readonly bodyId: RawBuilder<unknown>
  /** The post an election must have a contest for (a SQL column, e.g. `m.post`). */
  readonly post: RawBuilder<unknown>
  /** Elections called from the start of this date (a SQL date expression) count. */
  readonly since: RawBuilder<unknown>
  readonly asOfEnd: Date
  /** Only the calls still pending at the end of the audit's day (neither cancelled nor closed). */
  readonly pendingOnly: boolean
}

/**
 * The elections of a body with a contest for a post, called from a date to the end of the audit's
 * day, as a subquery (`id`, `created_at`, and `outcome`: 'pending', 'cancelled' or 'closed' by
 * then). One rule for `election.overdue` and `post.appointed`: a call counts as the repair under
 * way only while pending; an election cancelled, or closed without producing a successor (one
 * that did is seen as the successor's mandate), is no longer a call the body is acting on. Served
 * by `elections_body` and the contests' unique `(election_id, post)`.
 */
export function electionCallsSince(input: ElectionCallsFor): RawBuilder<unknown> {
  const { asOfEnd } = input
  const outcome = sql`case when el.cancelled_at < ${asOfEnd} then 'cancelled'
    when el.closed_at < ${asOfEnd} then 'closed' else 'pending' end`
  const pending = input.pendingOnly
    ? sql`and (el.cancelled_at is null or el.cancelled_at >= ${asOfEnd})
        and (el.closed_at is null or el.closed_at >= ${asOfEnd})`
    : sql``
  return sql`select el.id, el.created_at, ${outcome} as outcome
    from elections el
    join election_contests c on c.election_id = el.id and c.post = ${input.post}
    where el.body_id = ${input.bodyId}
      and el.created_at >= ${dateStart(input.since)} and el.created_at < ${asOfEnd} ${pending}`
}
