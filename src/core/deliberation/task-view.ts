import type { Executor } from '../../db/client.ts'
import type { TaskRow } from '../../db/schema-deliberation.ts'
import { contentVisibleSql, type RedactedQuestion, redactQuestion } from './question-visibility.ts'

/** How a task reads to one viewer: shared by the task list and the single task. */

export type TaskOwner =
  | { readonly kind: 'member'; readonly memberId: number; readonly name: string }
  | { readonly kind: 'body'; readonly bodyId: number; readonly name: string }

export interface TaskReportView {
  readonly id: number
  /** Null when the viewer may not read the decision's question (a confidential one). */
  readonly text: string | null
  readonly progress: number
  readonly closes: boolean
  readonly reportedAt: string
  readonly authorMemberId: number | null
  readonly authorName: string | null
}

export interface TaskView {
  readonly id: number
  readonly decisionId: number
  /** The deciding body. */
  readonly bodyId: number
  readonly bodyName: string
  /** The decision's question, or only that a confidential one exists. */
  readonly question:
    | { readonly id: number; readonly title: string; readonly redacted: false }
    | RedactedQuestion
  /** Null (and `redacted`) when the viewer may not read the decision's question. */
  readonly title: string | null
  readonly redacted: boolean
  readonly owner: TaskOwner
  readonly dueOn: string
  readonly state: 'open' | 'done'
  readonly progress: number
  /** Open and due before today. */
  readonly overdue: boolean
  readonly createdAt: string
  readonly closedAt: string | null
  readonly latestReport: TaskReportView | null
}

/**
 * Tasks with everything shown beside them (the deciding body, the owner's name, the question and
 * whether the viewer may read it). The caller adds its own filters and order to this query.
 */
export function taskQuery(db: Executor, viewerMemberId: number | null, today: string) {
  return db
    .selectFrom('decision_tasks as t')
    .innerJoin('decisions as d', 'd.id', 't.decision_id')
    .innerJoin('questions', 'questions.id', 'd.question_id')
    .innerJoin('bodies as b', 'b.id', 't.body_id')
    .leftJoin('members as om', 'om.id', 't.owner_member_id')
    .leftJoin('bodies as ob', 'ob.id', 't.owner_body_id')
    .selectAll('t')
    .select([
      'b.name as body_name',
      'om.full_name as owner_member_name',
      'ob.name as owner_body_name',
      'questions.id as question_id',
      'questions.body_id as question_body_id',
      'questions.raised_at as question_raised_at',
      'questions.title as question_title',
      contentVisibleSql(viewerMemberId, today).as('readable'),
    ])
}

type TaskQueryRow = TaskRow & {
  readonly body_name: string
  readonly owner_member_name: string | null
  readonly owner_body_name: string | null
  readonly question_id: number
  readonly question_body_id: number
  readonly question_raised_at: Date | string
  readonly question_title: string
  readonly readable: boolean
}

/** Reports of some tasks, oldest first, with their authors' names. */
export async function loadReports(
  db: Executor,
  taskIds: readonly number[],
  options: { readonly latestOnly: boolean },
) {
  if (taskIds.length === 0) return []
  let query = db
    .selectFrom('task_reports as r')
    .leftJoin('members as m', 'm.id', 'r.author_member_id')
    .selectAll('r')
    .select('m.full_name as author_name')
    .where('r.task_id', 'in', [...taskIds])
  if (options.latestOnly) {
    query = query.where((eb) =>
      eb(
        'r.id',
        '=',
        eb
          .selectFrom('task_reports as l')
          .select((l) => l.fn.max('l.id').as('id'))
          .whereRef('l.task_id', '=', 'r.task_id'),
      ),
    )
  }
  return query.orderBy('r.task_id').orderBy('r.id').execute()
}

type ReportRow = Awaited<ReturnType<typeof loadReports>>[number]

/** A report as one viewer may read it. */
export function presentReport(report: ReportRow, readable: boolean): TaskReportView {
  return {
    id: report.id,
    text: readable ? report.text : null,
    progress: report.progress,
    closes: report.closes,
    reportedAt: new Date(report.reported_at).toISOString(),
    authorMemberId: report.author_member_id,
    authorName: report.author_name,
  }
}

/** A task row (from taskQuery) as one viewer may read it. */
export function presentTask(row: TaskQueryRow, latest: ReportRow | undefined, today: string): TaskView {
  const owner: TaskOwner =
    row.owner_member_id !== null
      ? { kind: 'member', memberId: row.owner_member_id, name: row.owner_member_name ?? '' }
      : { kind: 'body', bodyId: row.owner_body_id ?? 0, name: row.owner_body_name ?? '' }
  const question = { id: row.question_id, body_id: row.question_body_id, raised_at: row.question_raised_at }
  return {
    id: row.id,
    decisionId: row.decision_id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    question: row.readable
      ? { id: row.question_id, title: row.question_title, redacted: false }
      : redactQuestion({ ...question, raised_at: new Date(question.raised_at) }),
    title: row.readable ? row.title : null,
    redacted: !row.readable,
    owner,
    dueOn: row.due_on,
    state: row.state,
    progress: row.progress,
    overdue: row.state === 'open' && row.due_on < today,
    createdAt: new Date(row.created_at).toISOString(),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at).toISOString(),
    latestReport: latest ? presentReport(latest, row.readable) : null,
  }
}
