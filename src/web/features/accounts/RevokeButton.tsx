import { useState } from 'react'
import { apiSend, queryString } from '../../api/client.ts'
import { FormError } from '../../shared/forms/FormError.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { type AccessGrant, ROLE_LABELS } from './types.ts'

/** "Revoke", then a confirmation that names who loses what, where. */
export function RevokeButton({ grant }: { readonly grant: AccessGrant }) {
  const [confirming, setConfirming] = useState(false)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const what = `${ROLE_LABELS[grant.role].toLowerCase()} of ${grant.bodyName}`

  async function revoke() {
    const ok = await submission.run(() =>
      apiSend(
        'DELETE',
        `/accounts/${grant.accountId}/roles${queryString({ role: grant.role, bodyId: grant.bodyId })}`,
      ),
    )
    if (ok) {
      setConfirming(false)
      refresh()
    }
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="small"
        aria-label={`Revoke ${grant.displayName} as ${what}`}
        onClick={() => setConfirming(true)}
      >
        Revoke
      </button>
    )
  }
  return (
    <fieldset className="confirm revoke-confirm">
      <legend className="visually-hidden">Confirm revoking</legend>
      <p>
        {grant.displayName} will no longer be {what}.
      </p>
      <div className="actions">
        <button type="button" className="danger small" disabled={submission.sending} onClick={revoke}>
          {submission.sending ? 'Revoking…' : 'Yes, revoke'}
        </button>
        <button type="button" className="small" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </div>
      <FormError error={submission.error} />
    </fieldset>
  )
}
