import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import type { Task } from './task-types.ts'
import { TEXT_LIMITS } from './text-limits.ts'

interface TaskFormProps {
  readonly task: Task
  readonly onDone: () => void
  readonly onCancel: () => void
}

function ProgressField({
  value,
  onChange,
}: {
  readonly value: string
  readonly onChange: (value: string) => void
}) {
  return (
    <Field label="Progress (%)" hint="0 to 100">
      {(id, hint) => (
        <input
          id={id}
          aria-describedby={hint}
          type="number"
          min={0}
          max={100}
          required
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}

/** A progress report (POST /tasks/:id/reports): what was done, and how far along the task is. */
export function TaskReportForm({ task, onDone, onCancel }: TaskFormProps) {
  const [text, setText] = useState('')
  const [progress, setProgress] = useState(String(task.progress))
  const submission = useSubmit()
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend('POST', `/tasks/${task.id}/reports`, { text, progress: Number(progress) }),
    )
    if (ok) onDone()
  }
  return (
    <form className="action-form" onSubmit={submit} aria-label="Report progress">
      <div className="form-grid">
        <Field label="Report" wide>
          {(id) => (
            <textarea
              id={id}
              required
              rows={4}
              maxLength={TEXT_LIMITS.task.report}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <ProgressField value={progress} onChange={setProgress} />
      </div>
      <DecisionRefusal error={submission.error} labels={{ text: 'Report', progress: 'Progress' }} />
      <SubmitRow label="Send the report" sending={submission.sending} onCancel={onCancel} />
    </form>
  )
}

/**
 * "Close with a report" (POST /tasks/:id/close): a task is closed only with a report of what was
 * done. The field is not marked required in the browser, so an empty report reaches the server
 * and its refusal (REPORT_REQUIRED) is shown as the rule it is.
 */
export function TaskCloseForm({ task, onDone, onCancel }: TaskFormProps) {
  const [report, setReport] = useState('')
  const [progress, setProgress] = useState('100')
  const submission = useSubmit()
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend('POST', `/tasks/${task.id}/close`, { report, progress: Number(progress) }),
    )
    if (ok) onDone()
  }
  return (
    <form className="action-form" onSubmit={submit} aria-label="Close with a report">
      <div className="form-grid">
        <Field label="Closing report" hint="What was done: a task is closed only with a report." wide>
          {(id, hint) => (
            <textarea
              id={id}
              aria-describedby={hint}
              rows={4}
              maxLength={TEXT_LIMITS.task.report}
              value={report}
              onChange={(e) => setReport(e.target.value)}
            />
          )}
        </Field>
        <ProgressField value={progress} onChange={setProgress} />
      </div>
      <DecisionRefusal error={submission.error} labels={{ report: 'Closing report', progress: 'Progress' }} />
      <SubmitRow label="Close the task" sending={submission.sending} onCancel={onCancel} />
    </form>
  )
}
