/** Response shapes of the task routes (src/api/task-schemas.ts), as the web app reads them. */

import type { RedactedQuestion } from './types.ts'

export type TaskState = 'open' | 'done'

export type TaskOwner =
  | { readonly kind: 'member'; readonly memberId: number; readonly name: string }
  | { readonly kind: 'body'; readonly bodyId: number; readonly name: string }

export interface TaskReport {
  readonly id: number
  /** Null for a task of a confidential decision the caller may not read. */
  readonly text: string | null
  readonly progress: number
  readonly closes: boolean
  readonly reportedAt: string
  readonly authorMemberId: number | null
  readonly authorName: string | null
}

/** A task in GET /bodies/:id/tasks. */
export interface TaskSummary {
  readonly id: number
  readonly decisionId: number
  /** The deciding body. */
  readonly bodyId: number
  readonly bodyName: string
  readonly question:
    | { readonly id: number; readonly title: string; readonly redacted: false }
    | RedactedQuestion
  /** Null (redacted) for a confidential decision the caller may not read. */
  readonly title: string | null
  readonly redacted: boolean
  readonly owner: TaskOwner
  readonly dueOn: string
  readonly state: TaskState
  readonly progress: number
  /** Open and due before today. */
  readonly overdue: boolean
  readonly createdAt: string
  readonly closedAt: string | null
  readonly latestReport: TaskReport | null
}

/** GET /tasks/:id. */
export interface Task extends TaskSummary {
  readonly reports: readonly TaskReport[]
  readonly permissions: { readonly canReport: boolean }
}

/** GET /bodies/:id/tasks: earliest deadline first. */
export interface TaskListPage {
  readonly items: readonly TaskSummary[]
  readonly nextCursor: string | null
  readonly permissions: { readonly canManage: boolean }
}
