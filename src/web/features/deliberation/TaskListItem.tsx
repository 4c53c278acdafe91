import { bodyHref, taskHref } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import type { TaskOwner, TaskSummary } from './task-types.ts'

/** The owner as a name (a body links to its page). */
export function TaskOwnerName({ owner }: { readonly owner: TaskOwner }) {
  return owner.kind === 'body' ? <a href={bodyHref(owner.bodyId)}>{owner.name}</a> : owner.name
}

/** A task's state: done, overdue, or open with its progress. */
export function TaskBadges({ task }: { readonly task: TaskSummary }) {
  return (
    <>
      {task.state === 'done' ? <span className="badge task-done">Done</span> : null}
      {task.overdue ? <span className="badge task-overdue">Overdue</span> : null}
    </>
  )
}

/**
 * One task in a list: its title (or that it belongs to a confidential decision), its owner,
 * deadline and progress; an overdue one is marked in words and by a red edge.
 */
export function TaskListItem({
  task,
  showDecision,
}: {
  readonly task: TaskSummary
  readonly showDecision?: boolean
}) {
  return (
    <li className={task.overdue ? 'row-overdue' : undefined}>
      <p className="row-head">
        <a href={taskHref(task.id)} className="row-title">
          {task.title ?? 'Task of a confidential decision'}
        </a>
        <TaskBadges task={task} />
      </p>
      <p className="muted">
        Owner <TaskOwnerName owner={task.owner} /> · due {formatLongDate(task.dueOn)} · {task.progress}% done
        <progress className="progress-bar" max={100} value={task.progress} aria-hidden="true" />
        {showDecision && !task.question.redacted ? ` · on “${task.question.title}”` : ''}
      </p>
    </li>
  )
}
