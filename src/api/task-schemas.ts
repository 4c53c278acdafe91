import { z } from '@hono/zod-openapi'
import { TASK_LIMITS } from '../core/deliberation/task-lookups.ts'
import { plainText } from '../core/shared/text.ts'
import { RedactedQuestionSchema } from './question-schemas.ts'

const id = z.number().int()
const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const instant = z.string().openapi({ example: '1923-12-08T15:00:00.000Z' })
const date = z.iso.date().openapi({ example: '1923-12-20' })

export const NewTaskSchema = z
  .object({
    title: plainText(TASK_LIMITS.title).openapi({ example: 'Open the reading room' }),
    ownerMemberId: positiveId
      .optional()
      .openapi({ description: 'The owner, a member (or give ownerBodyId)' }),
    ownerBodyId: positiveId.optional().openapi({ description: 'The owner, a body (or give ownerMemberId)' }),
    dueOn: date.openapi({ description: 'The deadline: no earlier than the decision' }),
  })
  .openapi('NewTask')

export const NewTaskReportSchema = z
  .object({
    text: plainText(TASK_LIMITS.report).openapi({ example: 'The room is found; shelves next week.' }),
    progress: z.number().int().min(0).max(100),
    closes: z.boolean().default(false).openapi({ description: 'This report closes the task (done)' }),
  })
  .openapi('NewTaskReport')

export const TaskCloseSchema = z
  .object({
    report: z.string().max(TASK_LIMITS.report).optional().openapi({
      description: 'The closing report (422 REPORT_REQUIRED without it)',
    }),
    progress: z.number().int().min(0).max(100).default(100),
  })
  .openapi('TaskClose')

export const TaskListQuery = z.object({
  overdue: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: 'Only open tasks past their due day' }),
  open: z.enum(['true', 'false']).default('false').openapi({ description: 'Only tasks still open' }),
  decisionId: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ description: 'Only the tasks carrying out this decision' }),
  includeSubtree: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: 'Also the bodies below (needs an officer’s reach over the body)' }),
  after: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

const ReportSchema = z
  .object({
    id,
    text: z
      .string()
      .nullable()
      .openapi({ description: 'Null for a task of a confidential decision the caller may not read' }),
    progress: id,
    closes: z.boolean(),
    reportedAt: instant,
    authorMemberId: id.nullable(),
    authorName: z.string().nullable(),
  })
  .openapi('TaskReport')

const taskFields = {
  id,
  decisionId: id,
  bodyId: id.openapi({ description: 'The deciding body' }),
  bodyName: z.string(),
  question: z.union([
    z.object({ id, title: z.string(), redacted: z.literal(false) }),
    RedactedQuestionSchema,
  ]),
  title: z
    .string()
    .nullable()
    .openapi({ description: 'Null (redacted) for a confidential decision the caller may not read' }),
  redacted: z.boolean(),
  owner: z.union([
    z.object({ kind: z.literal('member'), memberId: id, name: z.string() }),
    z.object({ kind: z.literal('body'), bodyId: id, name: z.string() }),
  ]),
  dueOn: date,
  state: z.enum(['open', 'done']),
  progress: id,
  overdue: z.boolean().openapi({ description: 'Open and due before today' }),
  createdAt: instant,
  closedAt: instant.nullable(),
  latestReport: ReportSchema.nullable(),
}

export const TaskSummarySchema = z.object(taskFields).openapi('TaskSummary')

export const TaskPermissionsSchema = z
  .object({
    canReport: z
      .boolean()
      .openapi({ description: 'Open, and the caller is the owner or an officer of either body' }),
  })
  .openapi('TaskPermissions')

export const TaskSchema = z
  .object({ ...taskFields, reports: z.array(ReportSchema), permissions: TaskPermissionsSchema })
  .openapi('Task')

export const TaskPageSchema = z
  .object({
    items: z.array(TaskSummarySchema),
    nextCursor: z.string().nullable(),
    permissions: z.object({
      canManage: z.boolean().openapi({ description: 'May set tasks on this body’s decisions' }),
    }),
  })
  .openapi('TaskPage')
