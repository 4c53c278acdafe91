import { useState } from 'react'
import { apiGet } from '../../api/client.ts'
import { bodyHref, decisionHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { formatInstant } from '../elections/election-format.ts'
import { TaskBadges, TaskOwnerName } from './TaskListItem.tsx'
import { TaskCloseForm, TaskReportForm } from './TaskReportForms.tsx'
import type { Task } from './task-types.ts'
import './decisions.css'

/**
 * One task (#/tasks/:id): what it is, the decision it carries out, its owner, deadline, progress
 * and state, and its reports in order; the owner and the officers report on it and close it.
 */
export function TaskPage({ taskId }: { readonly taskId: number }) {
  const [version, setVersion] = useState(0)
  const task = useAsync(() => apiGet<Task>(`/tasks/${taskId}`), [taskId], version)
  if (task.status === 'loading') return <Loading label="Loading the task…" />
  if (task.status === 'error') return <ErrorMessage error={task.error} onRetry={task.reload} />
  const data = task.data
  const done = (close: () => void) => () => {
    close()
    setVersion((n) => n + 1)
  }
  return (
    <div className="task-page">
      <nav aria-label="Breadcrumb">
        <a href={bodyHref(data.bodyId)}>← {data.bodyName}</a>
      </nav>
      <section className="card" aria-labelledby="task-title">
        <h1 id="task-title">{data.title ?? 'Task of a confidential decision'}</h1>
        <p className="row-head">
          <span className={`badge ${data.state === 'done' ? 'task-done' : 'meeting-scheduled'}`}>
            {data.state === 'done' ? 'Done' : 'Open'}
          </span>
          {data.state === 'done' ? null : <TaskBadges task={data} />}
        </p>
        <dl className="facts-list">
          <dt>Decision</dt>
          <dd>
            <a href={decisionHref(data.decisionId)}>
              {data.question.redacted ? 'A confidential decision' : data.question.title}
            </a>{' '}
            of {data.bodyName}
          </dd>
          <dt>Owner</dt>
          <dd>
            <TaskOwnerName owner={data.owner} />
          </dd>
          <dt>Deadline</dt>
          <dd>
            {formatLongDate(data.dueOn)}
            {data.overdue ? ' — overdue' : ''}
          </dd>
          <dt>Progress</dt>
          <dd>
            {data.progress}%
            <progress className="progress-bar" max={100} value={data.progress} aria-hidden="true" />
          </dd>
          {data.closedAt ? (
            <>
              <dt>Closed</dt>
              <dd>{formatInstant(data.closedAt)}</dd>
            </>
          ) : null}
        </dl>
        {data.permissions.canReport ? (
          <ActionBar
            label="Report on the task"
            actions={[
              {
                id: 'report',
                label: 'Report progress',
                render: (close) => <TaskReportForm task={data} onDone={done(close)} onCancel={close} />,
              },
              {
                id: 'close',
                label: 'Close with a report',
                render: (close) => <TaskCloseForm task={data} onDone={done(close)} onCancel={close} />,
              },
            ]}
          />
        ) : null}
      </section>
      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">Reports</h2>
        {data.reports.length === 0 ? <p className="empty">No report yet.</p> : null}
        <ol className="plain-list" aria-label="Reports">
          {data.reports.map((report) => (
            <li key={report.id}>
              <p className="row-head">
                <strong>{formatInstant(report.reportedAt)}</strong>
                <span className="muted">
                  {report.authorName ?? 'An officer'} · {report.progress}%
                </span>
                {report.closes ? <span className="badge task-done">Closing report</span> : null}
              </p>
              <p className="report-text">{report.text ?? <em className="muted">Confidential.</em>}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
