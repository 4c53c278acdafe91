import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { QUESTION_STATES, type QuestionState } from '../../db/schema-deliberation.ts'
import { decodeCursor, encodeCursor, isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import { presentQuestionSummary, type QuestionListItem } from './present-question.ts'
import { contentVisibleSql, redactQuestion } from './question-visibility.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const listQuestionsInputSchema = z.object({
  bodyId: id,
  /** The reader's own member (null for an account without one: it reads no confidential question). */
  viewerMemberId: id.nullable(),
  today: isoDateSchema,
  state: z.enum(QUESTION_STATES as [QuestionState, ...QuestionState[]]).optional(),
  /** Words to find in the title, text or proposal (case-insensitive, taken literally). */
  q: z.string().trim().max(200).optional(),
  /** Also the questions of every body below. */
  includeSubtree: z.boolean().default(false),
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
})

export type ListQuestionsInput = z.input<typeof listQuestionsInputSchema>

/**
 * How many questions the body holds in each state, counting only those the reader may read;
 * `confidential` counts the others, which exist for the reader and nothing more (not even their state).
 */
export type QuestionCounts = Readonly<Record<QuestionState, number>> & { readonly confidential: number }

export interface QuestionPage {
  readonly items: QuestionListItem[]
  readonly nextCursor: string | null
  readonly counts: QuestionCounts
}

const cursorShape = z.tuple([z.string(), z.number().int()])

/** LIKE's wildcards and its escape character, taken literally. */
function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, '\\$&')}%`
}

/**
 * A body's questions (or its subtree's), latest raised first, one keyset page at a time. Each item
 * is the summary when the reader may read the question, else the redacted shape: that a
 * confidential question exists, its body and its date.
 *
 * Filters never reach into what the reader may not read. The state filter and the search match
 * only readable questions: the search is written `case when <visible> then <match> else false`,
 * so the words of a confidential question are never compared with the reader's (no probing them
 * one guess at a time), and a state filter would otherwise disclose the state the redacted shape
 * withholds. Without filters the page lists unreadable questions too, redacted.
 */
export async function listQuestions(db: Executor, input: ListQuestionsInput): Promise<QuestionPage> {
  const data = parseInput(listQuestionsInputSchema, input, 'questions query')
  const body = await getBody(db, data.bodyId)
  const visible = contentVisibleSql(data.viewerMemberId, data.today)
  const inScope = (): RawBuilder<boolean> =>
    data.includeSubtree ? inSubtree('b.path', body.path) : sql<boolean>`questions.body_id = ${body.id}`

  let query = db
    .selectFrom('questions')
    .innerJoin('bodies as b', 'b.id', 'questions.body_id')
    .selectAll('questions')
    .select(['b.name as body_name', visible.as('readable')])
    .where(inScope())
  if (data.state) query = query.where(visible).where('questions.state', '=', data.state)
  const words = data.q ?? ''
  if (words !== '') {
    const pattern = likePattern(words)
    query = query.where(
      sql<boolean>`case when ${visible} then (questions.title ilike ${pattern}
        or questions.text ilike ${pattern} or questions.proposal ilike ${pattern}) else false end`,
    )
  }
  if (data.after) {
    const [raisedAt, lastId] = decodeCursor(data.after, cursorShape)
    query = query.where(
      sql<boolean>`(questions.raised_at, questions.id) < (${raisedAt}::timestamptz, ${lastId}::int8)`,
    )
  }
  const rows = await query
    .orderBy('questions.raised_at', 'desc')
    .orderBy('questions.id', 'desc')
    .limit(data.limit + 1)
    .execute()
  const page = rows.slice(0, data.limit)
  const last = page[page.length - 1]

  const grouped = await db
    .selectFrom('questions')
    .innerJoin('bodies as b', 'b.id', 'questions.body_id')
    .select(['questions.state', visible.as('readable'), (eb) => eb.fn.countAll<string>().as('n')])
    .where(inScope())
    .groupBy(['questions.state', 'readable'])
    .execute()
  const counts: Record<QuestionState | 'confidential', number> = {
    collecting: 0,
    discussion: 0,
    discussed: 0,
    voting: 0,
    decided: 0,
    withdrawn: 0,
    confidential: 0,
  }
  for (const group of grouped) counts[group.readable ? group.state : 'confidential'] += Number(group.n)

  return {
    items: page.map((row) => (row.readable ? presentQuestionSummary(row) : redactQuestion(row))),
    nextCursor:
      rows.length > data.limit && last
        ? encodeCursor([new Date(last.raised_at).toISOString(), last.id])
        : null,
    counts,
  }
}
