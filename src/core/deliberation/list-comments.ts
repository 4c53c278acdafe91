import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { CommentKind, HideReason, QuestionRow } from '../../db/schema-deliberation.ts'
import { decodeCursor, encodeCursor } from '../members/schemas.ts'
import { amendmentDiff, type DiffPart } from './amendment-diff.ts'
import { loadComment } from './criticism-lookups.ts'
import { assertCanReadQuestion, loadQuestion } from './question-lookups.ts'

/** Who is reading a thread: their member (for "mine" and authorship) and whether they audit the body. */
export interface CommentViewer {
  readonly viewerMemberId: number | null
  /** `deliberation.audit` on the question's body: reads hidden text, the note, and who hid it. */
  readonly viewerMayAudit: boolean
  readonly today: string
}

/** A hide as the viewer sees it: everyone sees the reason and date; the author and auditors also the rest. */
export interface HiddenView {
  readonly reason: HideReason
  readonly hiddenAt: string
  readonly note?: string | null
  readonly hiddenBy?: { readonly accountId: number; readonly name: string } | null
}

/** One piece of criticism as a viewer sees it. `body` is null when hidden from this viewer. */
export interface CommentView {
  readonly id: number
  readonly questionId: number
  readonly parentId: number | null
  /** 0 for a comment on the question, 1 for a reply to it, and so on. */
  readonly depth: number
  readonly author: { readonly memberId: number; readonly name: string }
  readonly kind: CommentKind
  readonly body: string | null
  readonly amendedProposal: string | null
  /** Amendments whose text the viewer reads: word-level changes to the question's proposal. */
  readonly diff: DiffPart[] | null
  readonly postedAt: string
  readonly support: { readonly count: number; readonly supportedByMe: boolean }
  readonly hidden: HiddenView | null
}

export interface CommentPage {
  readonly questionId: number
  /** Support for the proposal itself. */
  readonly proposalSupport: { readonly count: number; readonly supportedByMe: boolean }
  readonly items: CommentView[]
  readonly nextCursor: string | null
}

const cursorShape = z.tuple([z.number().int().nonnegative()])

function commentRows(db: Executor, questionId: number, viewerMemberId: number | null) {
  return db
    .selectFrom('question_comments as c')
    .innerJoin('members as m', 'm.id', 'c.author_member_id')
    .leftJoin('accounts as a', 'a.id', 'c.hidden_by_account_id')
    .selectAll('c')
    .select(['m.full_name as author_name', 'a.display_name as hidden_by_name'])
    .select((eb) => [
      eb
        .selectFrom('comment_supports as s')
        .whereRef('s.comment_id', '=', 'c.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('support_count'),
      eb
        .exists(
          eb
            .selectFrom('comment_supports as s')
            .select('s.member_id')
            .whereRef('s.comment_id', '=', 'c.id')
            .where('s.member_id', '=', viewerMemberId ?? -1),
        )
        .as('supported_by_me'),
    ])
    .where('c.question_id', '=', questionId)
}

type Row = Awaited<ReturnType<ReturnType<typeof commentRows>['execute']>>[number]

/** Each comment's depth in its thread, walking up the parents of the given comments only. */
async function depthsOf(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map()
  // A parent always predates its reply (it must exist to be replied to), so the walk ends.
  const { rows } = await sql<{ id: number | string; depth: number | string }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from question_comments where id in (${sql.join(ids)})
      union all
      select chain.id, c.parent_id, chain.depth + 1
        from chain join question_comments c on c.id = chain.parent_id
    )
    select id, max(depth) as depth from chain group by id`.execute(db)
  return new Map(rows.map((row) => [Number(row.id), Number(row.depth)]))
}

function present(row: Row, depth: number, question: QuestionRow, viewer: CommentViewer): CommentView {
  const hiddenAt = row.hidden_at
  const hidden = hiddenAt !== null && row.hidden_reason !== null
  // The author and auditors read hidden criticism in full; everyone else sees that it was hidden and why.
  const privileged = viewer.viewerMayAudit || viewer.viewerMemberId === row.author_member_id
  const readable = !hidden || privileged
  let hiddenView: HiddenView | null = null
  if (hidden) {
    hiddenView = privileged
      ? {
          reason: row.hidden_reason as HideReason,
          hiddenAt: hiddenAt.toISOString(),
          note: row.hidden_note,
          hiddenBy:
            row.hidden_by_account_id === null
              ? null
              : { accountId: row.hidden_by_account_id, name: row.hidden_by_name ?? '' },
        }
      : { reason: row.hidden_reason as HideReason, hiddenAt: hiddenAt.toISOString() }
  }
  const amended = readable ? row.amended_proposal : null
  return {
    id: row.id,
    questionId: row.question_id,
    parentId: row.parent_id,
    depth,
    author: { memberId: row.author_member_id, name: row.author_name },
    kind: row.kind,
    body: readable ? row.body : null,
    amendedProposal: amended,
    diff: amended === null ? null : amendmentDiff(question.proposal, amended),
    postedAt: row.posted_at.toISOString(),
    support: { count: Number(row.support_count ?? 0), supportedByMe: Boolean(row.supported_by_me) },
    hidden: hiddenView,
  }
}

async function presentAll(
  db: Executor,
  question: QuestionRow,
  rows: readonly Row[],
  viewer: CommentViewer,
): Promise<CommentView[]> {
  const depths = await depthsOf(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => present(row, depths.get(row.id) ?? 0, question, viewer))
}

/**
 * A question's criticism in posting order, a page at a time (the client builds the tree from
 * `parentId`), with authors (criticism is signed), support counts, amendments' diffs against the
 * proposal, and hidden comments shown as hidden with their reason. A confidential question the
 * viewer may not read is CONFIDENTIAL: not its comments, not even their count.
 */
export async function listComments(
  db: Executor,
  input: CommentViewer & { readonly questionId: number; readonly after?: string; readonly limit: number },
): Promise<CommentPage> {
  const question = await loadQuestion(db, input.questionId)
  await assertCanReadQuestion(db, question, input.viewerMemberId, input.today)
  const limit = Math.max(1, Math.min(500, Math.floor(input.limit)))
  const [afterId] = input.after ? decodeCursor(input.after, cursorShape) : [0]
  const rows = await commentRows(db, question.id, input.viewerMemberId)
    .where('c.id', '>', afterId)
    .orderBy('c.id')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  const support = await db
    .selectFrom('question_supports')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      eb.fn.count<string>(sql`case when member_id = ${input.viewerMemberId ?? -1} then 1 end`).as('mine'),
    ])
    .where('question_id', '=', question.id)
    .executeTakeFirstOrThrow()
  return {
    questionId: question.id,
    proposalSupport: { count: Number(support.n), supportedByMe: Number(support.mine) > 0 },
    items: await presentAll(db, question, page, input),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  }
}

/** One comment as the viewer sees it (after posting or hiding it); CONFIDENTIAL as for the list. */
export async function getComment(
  db: Executor,
  input: CommentViewer & { readonly commentId: number },
): Promise<CommentView> {
  const comment = await loadComment(db, input.commentId)
  const question = await loadQuestion(db, comment.question_id)
  await assertCanReadQuestion(db, question, input.viewerMemberId, input.today)
  const rows = await commentRows(db, question.id, input.viewerMemberId)
    .where('c.id', '=', input.commentId)
    .execute()
  const [view] = await presentAll(db, question, rows, input)
  if (!view) throw new Error(`comment ${input.commentId} vanished`)
  return view
}
