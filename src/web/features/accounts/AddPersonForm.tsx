import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { RoleGrantFields } from './RoleGrantFields.tsx'
import { useRoleGrant } from './use-role-grant.ts'

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
  const grant = useRoleGrant(body)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await grant.run(
      (bodyId) =>
        apiSend('POST', `/bodies/${bodyId}/people`, {
          email: email.trim(),
          displayName: displayName.trim(),
          password,
          role: grant.target.role,
        }),
      (role, where) => `Added ${displayName.trim()} as ${role} of ${where}.`,
    )
    if (ok) {
      setEmail('')
      setDisplayName('')
      setPassword('')
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
      <RoleGrantFields
        body={body}
        grant={grant}
        label="Add person"
        sendingLabel="Adding…"
        onCancel={onClose}
      />
    </form>
  )
}
