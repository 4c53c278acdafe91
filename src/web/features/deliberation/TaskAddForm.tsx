import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import { addDays } from './decision-format.ts'
import type { Task } from './task-types.ts'
import { TEXT_LIMITS } from './text-limits.ts'

interface TaskAddFormProps {
  readonly decisionId: number
  readonly onAdded: (task: Task) => void
  readonly onCancel: () => void
}

/**
 * "Add a task" carrying out an adopted decision (POST /decisions/:id/tasks): a title, one owner
 * (a member or a body, by id) and a deadline no earlier than the decision.
 */
export function TaskAddForm(props: TaskAddFormProps) {
  // The default deadline is two weeks from the organisation's date, never the browser's.
  const today = useOrganisationToday()
  if (today === null) return <Loading label="Loading the organisation’s date…" />
  return <TaskFields {...props} today={today} />
}

function TaskFields({ decisionId, onAdded, onCancel, today }: TaskAddFormProps & { readonly today: string }) {
  const [title, setTitle] = useState('')
  const [ownerKind, setOwnerKind] = useState<'member' | 'body'>('member')
  const [ownerId, setOwnerId] = useState('')
  const [dueOn, setDueOn] = useState(() => addDays(today, 14))
  const submission = useSubmit()
  const ownerLabel = ownerKind === 'member' ? 'Owner member id' : 'Owner body id'

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    await submission.run(async () => {
      const owner =
        ownerKind === 'member' ? { ownerMemberId: Number(ownerId) } : { ownerBodyId: Number(ownerId) }
      onAdded(await apiSend<Task>('POST', `/decisions/${decisionId}/tasks`, { title, ...owner, dueOn }))
    })
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Add a task">
      <div className="form-grid">
        <Field label="Task" wide>
          {(id) => (
            <input
              id={id}
              required
              maxLength={TEXT_LIMITS.task.title}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="choices">
          <legend>Owned by</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="owner"
              checked={ownerKind === 'member'}
              onChange={() => setOwnerKind('member')}
            />
            A member
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="owner"
              checked={ownerKind === 'body'}
              onChange={() => setOwnerKind('body')}
            />
            A body
          </label>
        </fieldset>
        <Field label={ownerLabel} hint="The number shown on the member’s or body’s page.">
          {(id, hint) => (
            <input
              id={id}
              aria-describedby={hint}
              required
              inputMode="numeric"
              pattern="[0-9]+"
              value={ownerId}
              onChange={(event) => setOwnerId(event.target.value.trim())}
            />
          )}
        </Field>
        <Field label="Deadline">
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={dueOn}
              onChange={(event) => setDueOn(event.target.value)}
            />
          )}
        </Field>
      </div>
      <DecisionRefusal
        error={submission.error}
        labels={{
          title: 'Task',
          ownerMemberId: 'Owner member id',
          ownerBodyId: 'Owner body id',
          dueOn: 'Deadline',
        }}
      />
      <SubmitRow
        label="Add the task"
        sendingLabel="Adding…"
        sending={submission.sending}
        onCancel={onCancel}
      />
    </form>
  )
}
