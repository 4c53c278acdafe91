import { useState } from 'react'
import type { Body } from '../../api/types.ts'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { TaskListItem } from './TaskListItem.tsx'
import type { TaskListPage, TaskSummary } from './task-types.ts'
import './decisions.css'

/**
 * The open tasks a body decided or owns, earliest deadline first, or only the overdue ones; each
 * with its owner, deadline and progress, linking to its page.
 */
export function TasksSection({ body }: { readonly body: Body }) {
  const { version } = useRefresh()
  const [overdue, setOverdue] = useState(false)
  const pages = useKeysetPages<TaskSummary, TaskListPage>(
    `/bodies/${body.id}/tasks?limit=20&${overdue ? 'overdue=true' : 'open=true'}`,
    nextCursor,
    version,
  )
  return (
    <section aria-labelledby="tasks-title" className="card tasks">
      <h2 id="tasks-title">Tasks</h2>
      <p className="list-filter">
        <label className="checkbox">
          <input type="checkbox" checked={overdue} onChange={(event) => setOverdue(event.target.checked)} />
          Overdue
        </label>
      </p>
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">
          {overdue ? 'No task is overdue.' : `No open task is decided by or set for ${body.name}.`}
        </p>
      ) : null}
      <ul className="plain-list" aria-label={overdue ? 'Overdue tasks' : 'Open tasks'}>
        {pages.items.map((task) => (
          <TaskListItem key={task.id} task={task} showDecision />
        ))}
      </ul>
      <PagesFooter pages={pages} loadingLabel="Loading the tasks…" />
    </section>
  )
}
