import type { Context } from 'hono'
import type { Principal } from '../core/accounts/principal.ts'
import { loadQuestion } from '../core/deliberation/question-lookups.ts'
import { canReadQuestion } from '../core/deliberation/question-visibility.ts'
import type { BodyAction } from '../core/policy/policy.ts'
import { toIsoDate } from '../core/shared/clock.ts'
import type { BodyRow } from '../db/schema.ts'
import type { QuestionRow } from '../db/schema-deliberation.ts'
import { authoriseBody } from './auth.ts'
import type { AppEnv } from './env.ts'

/** A question as a route sees it: the caller, the question, its body, today, and whether its words are readable. */
export interface AuthorisedQuestion {
  readonly principal: Principal
  readonly question: QuestionRow
  readonly body: BodyRow
  readonly today: string
  /** False for a confidential question the caller is not in the audience of (before declassification). */
  readonly readable: boolean
}

/**
 * Loads a question and checks `action` on its body (404 QUESTION_NOT_FOUND, 403 FORBIDDEN), and
 * says whether the caller may read its words. Routes that show words must present the redacted
 * shape when `readable` is false; routes that act refuse with CONFIDENTIAL (the use cases do).
 */
export async function authoriseQuestion(
  c: Context<AppEnv>,
  questionId: number,
  action: BodyAction = 'body.read',
): Promise<AuthorisedQuestion> {
  const { database, clock } = c.var.deps
  const question = await loadQuestion(database.db, questionId)
  const { principal, body } = await authoriseBody(c, question.body_id, action)
  const today = toIsoDate(clock.now())
  const readable = await canReadQuestion(database.db, question, principal.memberId, today)
  return { principal, question, body, today, readable }
}
