import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { ERASURE_REASON_LABELS, type ErasureReason } from './types.ts'

interface EraseMemberFormProps {
  readonly memberId: number
  readonly fullName: string
  readonly onDone: () => void
}

const REASONS = Object.keys(ERASURE_REASON_LABELS) as ErasureReason[]

/** Honours an erasure request after saying plainly what goes and what stays; it cannot be undone. */
export function EraseMemberForm({ memberId, fullName, onDone }: EraseMemberFormProps) {
  const [reason, setReason] = useState<ErasureReason>('member_request')
  const [confirmed, setConfirmed] = useState(false)
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() => apiSend('POST', `/members/${memberId}/erase`, { reason }))
    if (ok) {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form stacked" onSubmit={submit} aria-label="Erase personal data">
      <p className="confirm">
        Removed: the name (it becomes “Erased member”), e-mail, phone and card number, and any sign-in account
        of this member (disabled, its e-mail and name replaced, signed out).
      </p>
      <p>
        Kept: the member’s id, dates (joined, status changes, transfers), status, category, fields of work and
        unit — the organisation’s record of standing and mandates. The event log is not touched; it never held
        these values.
      </p>
      <Field label="Reason">
        {(id) => (
          <select id={id} value={reason} onChange={(event) => setReason(event.target.value as ErasureReason)}>
            {REASONS.map((code) => (
              <option key={code} value={code}>
                {ERASURE_REASON_LABELS[code]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          required
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
        />
        Yes, erase {fullName}’s personal data; this cannot be undone
      </label>
      <FormError error={submission.error} labels={{ reason: 'Reason' }} />
      <SubmitRow
        label="Erase personal data"
        sendingLabel="Erasing…"
        sending={submission.sending}
        disabled={!confirmed}
        onCancel={onDone}
        danger
      />
    </form>
  )
}
