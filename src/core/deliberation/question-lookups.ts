import type { Executor } from '../../db/client.ts'
import type { QuestionRow, QuestionState } from '../../db/schema-deliberation.ts'
import type { EventPlacement } from '../events/append-event.ts'
import { AppError } from '../shared/errors.ts'
import { canReadQuestion } from './question-visibility.ts'

/** Shared reads and guards of the deliberation use cases, and the scheduler's job kinds. */

/** The scheduled transitions of deliberation; handlers in deliberation-jobs.ts. */
export const DELIBERATION_JOB_KINDS = {
  /** A discussion reaches its maximum: it closes by itself. */
  closeDiscussion: 'deliberation.close-discussion',
  /** A confidential question reaches its declassification date (visibility follows the date; the job logs it). */
  declassify: 'deliberation.declassify',
  /** An urgent decision's ratification deadline passes. */
  ratificationDue: 'deliberation.ratification-due',
  /** A task's deadline passes. */
  taskDue: 'deliberation.task-due',
} as const

/**
 * Loads a question, or QUESTION_NOT_FOUND. `lock: 'update'` for every change of its state (the
 * scheduler's close and a person's early close serialise on it); `share` for acts that only need
 * the state to hold until they commit (a comment, a signature, a vote).
 */
export async function loadQuestion(
  db: Executor,
  questionId: number,
  lock?: 'update' | 'share',
): Promise<QuestionRow> {
  let query = db.selectFrom('questions').selectAll().where('id', '=', questionId)
  if (lock === 'update') query = query.forUpdate()
  if (lock === 'share') query = query.forShare()
  const question = await query.executeTakeFirst()
  if (!question) throw new AppError('QUESTION_NOT_FOUND', `No question with id ${questionId}`, { questionId })
  return question
}

/** CONFIDENTIAL unless the member may read the question's words today. */
export async function assertCanReadQuestion(
  db: Executor,
  question: QuestionRow,
  viewerMemberId: number | null,
  today: string,
): Promise<void> {
  if (await canReadQuestion(db, question, viewerMemberId, today)) return
  throw new AppError(
    'CONFIDENTIAL',
    'This question is confidential: only its named audience may see or act on it',
    {
      questionId: question.id,
    },
  )
}

/** QUESTION_WRONG_PHASE unless the question is in one of `expected`. */
export function assertQuestionState(question: QuestionRow, expected: readonly QuestionState[]): void {
  if (expected.includes(question.state)) return
  throw new AppError(
    'QUESTION_WRONG_PHASE',
    `The question is ${question.state}; this needs it to be ${expected.join(' or ')}`,
    { questionId: question.id, state: question.state, expected },
  )
}

/** Where a question's events go: its body, its region, and the question as subject. */
export function questionPlacement(
  question: Pick<QuestionRow, 'id' | 'body_id' | 'region_id'>,
): EventPlacement {
  return {
    bodyId: question.body_id,
    regionId: question.region_id,
    subject: { kind: 'question', id: question.id },
  }
}
