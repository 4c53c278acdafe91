import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Principal } from '../../core/accounts/principal.ts'
import { closeTask } from '../../core/deliberation/close-task.ts'
import { createTask } from '../../core/deliberation/create-task.ts'
import { getTask } from '../../core/deliberation/get-task.ts'
import { listTasks } from '../../core/deliberation/list-tasks.ts'
import { assertCanReadQuestion, loadQuestion } from '../../core/deliberation/question-lookups.ts'
import { reportOnTask } from '../../core/deliberation/report-on-task.ts'
import { loadTask } from '../../core/deliberation/task-lookups.ts'
import { getBody } from '../../core/orgs/get-body.ts'
import { can } from '../../core/policy/policy.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { AppError } from '../../core/shared/errors.ts'
import type { TaskRow } from '../../db/schema-deliberation.ts'
import { authoriseBody, inTransaction, requirePrincipal } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'
import {
  NewTaskReportSchema,
  NewTaskSchema,
  TaskCloseSchema,
  TaskListQuery,
  TaskPageSchema,
  TaskSchema,
  TaskSummarySchema,
} from '../task-schemas.ts'

const reporters =
  'The owner member (through their linked account), or an officer (deliberation.manage) of the owning or the ' +
  'deciding body who may read the decision.'

const createTaskRoute = createRoute({
  method: 'post',
  path: '/api/decisions/{id}/tasks',
  summary: 'Set a task carrying out an adopted decision: one owner (member or body) and a deadline',
  description:
    'Officers over the deciding body (deliberation.manage) who may read the decision. A rejected decision is ' +
    '409 CONFLICT; an unknown owner 404; a deadline before the decision VALIDATION_FAILED naming dueOn.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewTaskSchema) },
  responses: { 201: jsonContent(TaskSchema, 'Set'), ...errors(400, 401, 403, 404, 409, 413) },
})

const listTasksRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/tasks',
  summary:
    'Tasks the body decided and tasks it owns, earliest deadline first (overdue=true: overdue only; open=true: open only; decisionId: one decision’s)',
  description:
    'Whoever reads the body; includeSubtree needs an officer’s reach over it. A task of a confidential decision ' +
    'shows no title or report text to a caller outside the question’s audience.',
  security: [{ session: [] }],
  request: { params: IdParams, query: TaskListQuery },
  responses: { 200: jsonContent(TaskPageSchema, 'A page'), ...errors(400, 401, 403, 404) },
})

const getTaskRoute = createRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  summary: 'A task with all its reports',
  description: 'Whoever reads the deciding or the owning body, and the owner member.',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(TaskSchema, 'The task'), ...errors(400, 401, 403, 404) },
})

const reportRoute = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/reports',
  summary: 'Report progress on a task (closes: true closes it)',
  description: `${reporters} A done task is 409 TASK_CLOSED.`,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewTaskReportSchema) },
  responses: { 201: jsonContent(TaskSchema, 'Reported'), ...errors(400, 401, 403, 404, 409, 413) },
})

const closeRoute = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/close',
  summary: 'Close a task with its closing report',
  description: `${reporters} Without a report 422 REPORT_REQUIRED, and nothing changes; a done task 409 TASK_CLOSED.`,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(TaskCloseSchema) },
  responses: { 200: jsonContent(TaskSchema, 'Closed'), ...errors(400, 401, 403, 404, 409, 413, 422) },
})

function forbidden(action: string): AppError {
  return new AppError('FORBIDDEN', 'You may not do this here', { action })
}

/** Whether the caller may do `action` on the task's deciding body or its owning body. */
async function onEitherBody(
  c: Context<AppEnv>,
  principal: Principal,
  task: TaskRow,
  action: 'body.read' | 'deliberation.manage',
) {
  const db = c.var.deps.database.db
  const deciding = await getBody(db, task.body_id)
  if (can(principal, action, { kind: 'body', path: deciding.path })) return true
  if (task.owner_body_id === null) return false
  const owning = await getBody(db, task.owner_body_id)
  return can(principal, action, { kind: 'body', path: owning.path })
}

/**
 * Who may report on (and close) a task: the owner member, or an officer of the owning or deciding
 * body who may read the decision's question (officers outside a confidential question's audience
 * do not act on it). Loads the task (404) and returns it, or throws FORBIDDEN / CONFIDENTIAL.
 */
async function authoriseReporter(c: Context<AppEnv>, taskId: number) {
  const principal = requirePrincipal(c)
  const { database, clock } = c.var.deps
  const task = await loadTask(database.db, taskId)
  if (principal.memberId !== null && principal.memberId === task.owner_member_id) return { principal, task }
  if (!(await onEitherBody(c, principal, task, 'deliberation.manage'))) throw forbidden('tasks.report')
  const decision = await database.db
    .selectFrom('decisions')
    .select('question_id')
    .where('id', '=', task.decision_id)
    .executeTakeFirstOrThrow()
  const question = await loadQuestion(database.db, decision.question_id)
  await assertCanReadQuestion(database.db, question, principal.memberId, toIsoDate(clock.now()))
  return { principal, task }
}

/** The task as the caller reads it, with what they may do. */
async function present(c: Context<AppEnv>, principal: Principal, taskId: number) {
  const { database, clock } = c.var.deps
  const task = await loadTask(database.db, taskId)
  const view = await getTask(database.db, {
    taskId,
    viewerMemberId: principal.memberId,
    today: toIsoDate(clock.now()),
  })
  const owner = principal.memberId !== null && principal.memberId === task.owner_member_id
  const officer = !view.redacted && (await onEitherBody(c, principal, task, 'deliberation.manage'))
  return TaskSchema.parse({
    ...view,
    permissions: { canReport: task.state === 'open' && (owner || officer) },
  })
}

export function registerTaskRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createTaskRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const { database, clock } = c.var.deps
    const decision = await database.db
      .selectFrom('decisions')
      .select(['id', 'body_id', 'question_id'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!decision) throw new AppError('DECISION_NOT_FOUND', `No decision with id ${id}`, { decisionId: id })
    const { principal } = await authoriseBody(c, decision.body_id, 'deliberation.manage')
    const question = await loadQuestion(database.db, decision.question_id)
    await assertCanReadQuestion(database.db, question, principal.memberId, toIsoDate(clock.now()))
    const task = await inTransaction(c, (ctx) => createTask(ctx, { ...input, decisionId: id }))
    return c.json(await present(c, principal, task.id), 201)
  })

  app.openapi(listTasksRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const includeSubtree = query.includeSubtree === 'true'
    const { principal, body } = await authoriseBody(c, id, includeSubtree ? 'body.readTree' : 'body.read')
    const page = await listTasks(c.var.deps.database.db, {
      bodyId: id,
      overdue: query.overdue === 'true',
      open: query.open === 'true',
      includeSubtree,
      ...(query.decisionId !== undefined ? { decisionId: query.decisionId } : {}),
      viewerMemberId: principal.memberId,
      today: toIsoDate(c.var.deps.clock.now()),
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    })
    return c.json(
      {
        items: page.items.map((item) => TaskSummarySchema.parse(item)),
        nextCursor: page.nextCursor,
        permissions: {
          canManage:
            body.status === 'active' &&
            can(principal, 'deliberation.manage', { kind: 'body', path: body.path }),
        },
      },
      200,
    )
  })

  app.openapi(getTaskRoute, async (c) => {
    const { id } = c.req.valid('param')
    const principal = requirePrincipal(c)
    const task = await loadTask(c.var.deps.database.db, id)
    const owner = principal.memberId !== null && principal.memberId === task.owner_member_id
    if (!owner && !(await onEitherBody(c, principal, task, 'body.read'))) throw forbidden('body.read')
    return c.json(await present(c, principal, id), 200)
  })

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const { principal } = await authoriseReporter(c, id)
    await inTransaction(c, (ctx) => reportOnTask(ctx, { ...input, taskId: id, memberId: principal.memberId }))
    return c.json(await present(c, principal, id), 201)
  })

  app.openapi(closeRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const { principal } = await authoriseReporter(c, id)
    await inTransaction(c, (ctx) =>
      closeTask(ctx, {
        taskId: id,
        report: input.report ?? null,
        progress: input.progress,
        memberId: principal.memberId,
      }),
    )
    return c.json(await present(c, principal, id), 200)
  })
}
