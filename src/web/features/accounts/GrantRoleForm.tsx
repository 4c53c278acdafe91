import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { RoleGrantFields } from './RoleGrantFields.tsx'
import { useRoleGrant } from './use-role-grant.ts'

interface GrantRoleFormProps {
  readonly body: Body
  readonly onClose: () => void
}

/** Grants a role to an existing account, named by e-mail (POST /bodies/:id/access). */
export function GrantRoleForm({ body, onClose }: GrantRoleFormProps) {
  const [email, setEmail] = useState('')
  const grant = useRoleGrant(body)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await grant.run(
      (bodyId) =>
        apiSend('POST', `/bodies/${bodyId}/access`, { email: email.trim(), role: grant.target.role }),
      (role, where) => `${email.trim()} is now ${role} of ${where}.`,
    )
    if (ok) setEmail('')
  }

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="grant-role-title">
      <h3 id="grant-role-title">Grant a role to an existing account</h3>
      <Field label="Their e-mail" hint="The e-mail they sign in with.">
        {(id, hint) => (
          <input
            id={id}
            type="email"
            required
            autoComplete="off"
            maxLength={320}
            aria-describedby={hint}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <RoleGrantFields
        body={body}
        grant={grant}
        label="Grant role"
        sendingLabel="Granting…"
        onCancel={onClose}
      />
    </form>
  )
}
