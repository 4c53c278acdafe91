import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { INITIAL_TARGET, RoleTarget, type RoleTargetValue, targetBodyId } from './RoleTarget.tsx'
import { ACCESS_FIELD_LABELS, ROLE_LABELS } from './types.ts'

interface AddPersonFormProps {
  readonly body: Body
  readonly onClose: () => void
}

const MIN_PASSWORD = 10

/** Creates an account with a role here or below (POST /bodies/:id/people): both or neither. */
export function AddPersonForm({ body, onClose }: AddPersonFormProps) {
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [target, setTarget] = useState<RoleTargetValue>(INITIAL_TARGET)
  const [added, setAdded] = useState<string | null>(null)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const bodyId = targetBodyId(body, target)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (bodyId === null) return
    setAdded(null)
    const where = target.where === 'here' ? body.name : (target.below?.name ?? '')
    const ok = await submission.run(() =>
      apiSend('POST', `/bodies/${bodyId}/people`, {
        email: email.trim(),
        displayName: displayName.trim(),
        password,
        role: target.role,
      }),
    )
    if (ok) {
      setAdded(`Added ${displayName.trim()} as ${ROLE_LABELS[target.role].toLowerCase()} of ${where}.`)
      setEmail('')
      setDisplayName('')
      setPassword('')
      refresh()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="add-person-title">
      <h3 id="add-person-title">Add a person</h3>
      <div className="form-grid">
        <Field label="E-mail">
          {(id) => (
            <input
              id={id}
              type="email"
              required
              autoComplete="off"
              maxLength={320}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Name">
          {(id) => (
            <input
              id={id}
              type="text"
              required
              maxLength={200}
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Initial password"
          hint={`At least ${MIN_PASSWORD} characters; give it to them in person.`}
        >
          {(id, hint) => (
            <input
              id={id}
              type="text"
              required
              minLength={MIN_PASSWORD}
              autoComplete="new-password"
              aria-describedby={hint}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
      </div>
      <RoleTarget body={body} value={target} onChange={setTarget} />
      <FormError error={submission.error} labels={ACCESS_FIELD_LABELS} />
      {added ? (
        <p className="success" role="status">
          {added}
        </p>
      ) : null}
      <SubmitRow
        label="Add person"
        sendingLabel="Adding…"
        sending={submission.sending}
        disabled={bodyId === null}
        onCancel={onClose}
      />
    </form>
  )
}
