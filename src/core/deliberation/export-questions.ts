import { stringify } from 'csv-stringify/sync'
import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import { isoOrNull } from './present-question.ts'
import { contentVisibleSql } from './question-visibility.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const exportQuestionsInputSchema = z.object({
  bodyId: id,
  viewerMemberId: id.nullable(),
  today: isoDateSchema,
  includeSubtree: z.boolean().default(false),
  pageSize: z.number().int().min(1).max(10_000).default(1_000),
})

export type ExportQuestionsInput = z.input<typeof exportQuestionsInputSchema>

/** The CSV's columns, in order. */
export const QUESTION_CSV_COLUMNS = [
  'id',
  'raised_on',
  'body_id',
  'body_name',
  'visibility',
  'state',
  'title',
  'topic',
  'origin',
  'major',
  'major_rule_id',
  'meeting_required',
  'declassify_on',
  'signatures_required',
  'signatures_count',
  'limits_rule_id',
  'discussion_opened_at',
  'discussion_latest_close_at',
  'discussion_closed_at',
  'discussion_close_reason',
  'supports',
  'visible_comments',
  'decision_id',
] as const

/**
 * A body's questions (or its subtree's) as CSV text chunks, oldest first: the header, then one
 * chunk per keyset page. A confidential question the reader may not read is a row of its id, date
 * and body with `confidential` and nothing else: its counts are computed only under the
 * visibility predicate, and its words, read with the row, never reach the output. Cells that a spreadsheet would take
 * for a formula are escaped. Reading questions is not personal data, so no event is written.
 */
export async function* exportQuestions(db: Executor, input: ExportQuestionsInput): AsyncGenerator<string> {
  const data = parseInput(exportQuestionsInputSchema, input, 'questions export')
  const body = await getBody(db, data.bodyId)
  const visible = contentVisibleSql(data.viewerMemberId, data.today)
  const scope: RawBuilder<boolean> = data.includeSubtree
    ? inSubtree('b.path', body.path)
    : sql<boolean>`questions.body_id = ${body.id}`
  const hidden = (value: RawBuilder<unknown>) => sql`case when ${visible} then ${value} end`

  yield stringify([[...QUESTION_CSV_COLUMNS]])
  let after: { raisedAt: string; id: number } | null = null
  for (;;) {
    let page = db
      .selectFrom('questions')
      .innerJoin('bodies as b', 'b.id', 'questions.body_id')
      .selectAll('questions')
      .select([
        'b.name as body_name',
        visible.as('readable'),
        hidden(sql`(select count(*) from question_supports s where s.question_id = questions.id)`).as(
          'supports',
        ),
        hidden(
          sql`(select count(*) from question_comments c where c.question_id = questions.id and c.hidden_at is null)`,
        ).as('visible_comments'),
        hidden(sql`(select d.id from decisions d where d.question_id = questions.id)`).as('decision_id'),
      ])
      .where(scope)
    if (after) {
      page = page.where(
        sql<boolean>`(questions.raised_at, questions.id) > (${after.raisedAt}::timestamptz, ${after.id}::int8)`,
      )
    }
    const rows = await page
      .orderBy('questions.raised_at')
      .orderBy('questions.id')
      .limit(data.pageSize)
      .execute()
    if (rows.length === 0) return
    const records = rows.map((row) => {
      const raisedOn = new Date(row.raised_at).toISOString().slice(0, 10)
      if (!row.readable) {
        const blanks = QUESTION_CSV_COLUMNS.slice(5).map(() => '')
        return [row.id, raisedOn, row.body_id, row.body_name, 'confidential', ...blanks]
      }
      return [
        row.id,
        raisedOn,
        row.body_id,
        row.body_name,
        row.confidential ? 'confidential' : 'open',
        row.state,
        row.title,
        row.topic,
        row.origin,
        row.major ? 'yes' : 'no',
        row.major_rule_id ?? '',
        row.meeting_required ? 'yes' : 'no',
        row.declassify_on ?? '',
        row.signatures_required ?? '',
        row.signatures_count,
        row.limits_rule_id ?? '',
        isoOrNull(row.discussion_opened_at) ?? '',
        isoOrNull(row.discussion_latest_close_at) ?? '',
        isoOrNull(row.discussion_closed_at) ?? '',
        row.discussion_close_reason ?? '',
        Number(row.supports ?? 0),
        Number(row.visible_comments ?? 0),
        row.decision_id ?? '',
      ]
    })
    yield stringify(records, { escape_formulas: true })
    const last = rows[rows.length - 1]
    if (!last || rows.length < data.pageSize) return
    after = { raisedAt: new Date(last.raised_at).toISOString(), id: last.id }
  }
}
