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

interface GrantRoleFormProps {
  readonly body: Body
  readonly onClose: () => void
}

/** Grants a role to an existing account, named by e-mail (POST /bodies/:id/access). */
export function GrantRoleForm({ body, onClose }: GrantRoleFormProps) {
  const [email, setEmail] = useState('')
  const [target, setTarget] = useState<RoleTargetValue>(INITIAL_TARGET)
  const [granted, setGranted] = useState<string | null>(null)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const bodyId = targetBodyId(body, target)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (bodyId === null) return
    setGranted(null)
    const where = target.where === 'here' ? body.name : (target.below?.name ?? '')
    const ok = await submission.run(() =>
      apiSend('POST', `/bodies/${bodyId}/access`, { email: email.trim(), role: target.role }),
    )
    if (ok) {
      setGranted(`${email.trim()} is now ${ROLE_LABELS[target.role].toLowerCase()} of ${where}.`)
      setEmail('')
      refresh()
    }
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
      <RoleTarget body={body} value={target} onChange={setTarget} />
      <FormError error={submission.error} labels={ACCESS_FIELD_LABELS} />
      {granted ? (
        <p className="success" role="status">
          {granted}
        </p>
      ) : null}
      <SubmitRow
        label="Grant role"
        sendingLabel="Granting…"
        sending={submission.sending}
        disabled={bodyId === null}
        onCancel={onClose}
      />
    </form>
  )
}
