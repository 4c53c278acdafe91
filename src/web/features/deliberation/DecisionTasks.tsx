import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import type { Decision } from './decision-types.ts'
import { TaskAddForm } from './TaskAddForm.tsx'
import { TaskListItem } from './TaskListItem.tsx'
import type { TaskListPage, TaskSummary } from './task-types.ts'

/**
 * The tasks carrying out a decision, earliest deadline first, with their owner, deadline,
 * progress and overdue marks; officers of the body add tasks to an adopted decision here.
 */
export function DecisionTasks({
  decision,
  version,
  onChanged,
}: {
  readonly decision: Decision
  readonly version: number
  readonly onChanged: () => void
}) {
  const pages = useKeysetPages<TaskSummary, TaskListPage>(
    `/bodies/${decision.bodyId}/tasks?decisionId=${decision.id}&limit=50`,
    nextCursor,
    version,
  )
  const canAdd =
    pages.pages[0]?.permissions.canManage === true && decision.outcome === 'adopted' && !decision.redacted
  return (
    <section aria-labelledby="decision-tasks-title" className="card">
      <h2 id="decision-tasks-title">Tasks</h2>
      {canAdd ? (
        <ActionBar
          label="Tasks"
          actions={[
            {
              id: 'add',
              label: 'Add a task',
              render: (close) => (
                <TaskAddForm
                  decisionId={decision.id}
                  onCancel={close}
                  onAdded={() => {
                    close()
                    onChanged()
                  }}
                />
              ),
            },
          ]}
        />
      ) : null}
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">
          {decision.outcome === 'adopted' ? 'No task has been set yet.' : 'A rejected decision has no tasks.'}
        </p>
      ) : null}
      <ul className="plain-list" aria-label="Tasks of the decision">
        {pages.items.map((task) => (
          <TaskListItem key={task.id} task={task} />
        ))}
      </ul>
      <PagesFooter pages={pages} loadingLabel="Loading the tasks…" />
    </section>
  )
}
