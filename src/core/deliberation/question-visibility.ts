import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { toIsoDate } from '../shared/clock.ts'

/**
 * The one rule for who may read a question's words. A question is readable in the body's scope
 * unless it is confidential: then only its named audience reads it, until its declassification
 * date, after which it is readable in scope like any other. Everything that shows a question's
 * content (its comments, votes, decision, tasks, its place on a meeting's agenda) asks here; lists
 * filter with the SQL form, single reads with the function form, and both say the same.
 *
 * Officers and auditors are not exempt: "visible only to a named audience" means what it says.
 * What anyone in scope sees of a confidential question is `RedactedQuestion`.
 */

/** SQL predicate over a `questions` row in the query: may this member read its words on `today`? */
export function contentVisibleSql(viewerMemberId: number | null, today: string): RawBuilder<boolean> {
  return sql<boolean>`(not questions.confidential
    or questions.declassify_on <= ${today}::date
    or exists (select 1 from question_audience qa
               where qa.question_id = questions.id and qa.member_id = ${viewerMemberId ?? -1}))`
}

/** The same rule for one loaded row, given whether the viewer is in its audience. */
export function isContentVisible(
  question: Pick<QuestionRow, 'confidential' | 'declassify_on'>,
  inAudience: boolean,
  today: string,
): boolean {
  if (!question.confidential) return true
  if (question.declassify_on !== null && question.declassify_on <= today) return true
  return inAudience
}

/** Whether the member is in the question's named audience. */
export async function isInAudience(
  db: Executor,
  questionId: number,
  memberId: number | null,
): Promise<boolean> {
  if (memberId === null) return false
  const row = await db
    .selectFrom('question_audience')
    .select('member_id')
    .where('question_id', '=', questionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
  return row !== undefined
}

/** Whether the viewer may read this question's words today (one query only for confidential rows). */
export async function canReadQuestion(
  db: Executor,
  question: Pick<QuestionRow, 'id' | 'confidential' | 'declassify_on'>,
  viewerMemberId: number | null,
  today: string,
): Promise<boolean> {
  if (isContentVisible(question, false, today)) return true
  return isInAudience(db, question.id, viewerMemberId)
}

/** All that a member outside the audience learns of a confidential question: it exists, when, where. */
export interface RedactedQuestion {
  readonly id: number
  readonly bodyId: number
  readonly raisedOn: string
  readonly confidential: true
  readonly redacted: true
}

export function redactQuestion(
  question: Pick<QuestionRow, 'id' | 'body_id' | 'raised_at'>,
): RedactedQuestion {
  return {
    id: question.id,
    bodyId: question.body_id,
    raisedOn: toIsoDate(question.raised_at),
    confidential: true,
    redacted: true,
  }
}
