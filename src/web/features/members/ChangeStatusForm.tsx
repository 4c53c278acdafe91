import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Member, MemberStatus } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { MEMBER_FIELD_LABELS } from './member-rules.ts'
import { statusLabel } from './StatusBadge.tsx'

interface ChangeStatusFormProps {
  readonly member: Member
  /** The statuses the charter allows next, as GET /members/:id answers them. */
  readonly allowed: readonly MemberStatus[]
  readonly onDone: () => void
}

/** Moves the member to one of the statuses the charter allows next, on a date, with a reason. */
export function ChangeStatusForm({ member, allowed, onDone }: ChangeStatusFormProps) {
  const [to, setTo] = useState<MemberStatus>(allowed[0] ?? member.status)
  const [onDate, setOnDate] = useState(useOrganisationToday() ?? '')
  const [reason, setReason] = useState('')
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend<Member>('POST', `/members/${member.id}/status`, { to, onDate, reason: reason.trim() || null }),
    )
    if (ok) {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Change status">
      <p className="muted">Now {statusLabel(member.status).toLowerCase()}; the charter allows these next.</p>
      <Field label="New status">
        {(id) => (
          <select id={id} value={to} onChange={(event) => setTo(event.target.value as MemberStatus)}>
            {allowed.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="On date">
        {(id) => (
          <input
            id={id}
            type="date"
            required
            min={member.statusSince}
            value={onDate}
            onChange={(event) => setOnDate(event.target.value)}
          />
        )}
      </Field>
      <Field label="Reason" wide>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <FormError error={submission.error} labels={MEMBER_FIELD_LABELS} />
      <SubmitRow label="Change status" sending={submission.sending} onCancel={onDone} />
    </form>
  )
}
