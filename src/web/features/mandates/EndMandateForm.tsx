import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { END_REASON_LABELS, MANDATE_FIELD_LABELS } from './mandate-labels.ts'
import { RefusalError } from './RefusalError.tsx'
import { END_REASONS, type Mandate, type ManualEndReason } from './types.ts'

interface EndMandateFormProps {
  readonly mandateId: number
  readonly holderName: string
  readonly startsOn: string
  readonly onDone: () => void
}

/** Ends a mandate: the term ran out, the holder resigned, or the body recalled them. */
export function EndMandateForm({ mandateId, holderName, startsOn, onDone }: EndMandateFormProps) {
  const [reason, setReason] = useState<ManualEndReason>('term-ended')
  const [onDate, setOnDate] = useState(useOrganisationToday() ?? '')
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend<Mandate>('POST', `/mandates/${mandateId}/end`, { reason, ...(onDate ? { onDate } : {}) }),
    )
    if (ok) {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`End the mandate of ${holderName}`}>
      <div className="form-grid">
        <Field label="Reason">
          {(id) => (
            <select
              id={id}
              value={reason}
              onChange={(event) => setReason(event.target.value as ManualEndReason)}
            >
              {END_REASONS.map((value) => (
                <option key={value} value={value}>
                  {END_REASON_LABELS[value]}
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
              min={startsOn}
              value={onDate}
              onChange={(event) => setOnDate(event.target.value)}
            />
          )}
        </Field>
      </div>
      <RefusalError error={submission.error} labels={MANDATE_FIELD_LABELS} />
      <SubmitRow label="End the mandate" sending={submission.sending} onCancel={onDone} danger />
    </form>
  )
}
