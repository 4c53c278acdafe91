import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { MANDATE_FIELD_LABELS } from './mandate-labels.ts'
import { RefusalError } from './RefusalError.tsx'
import type { BodyPost, ElectedMandateResult } from './types.ts'

interface ElectionResultFormProps {
  readonly bodyId: number
  readonly post: BodyPost
  readonly onDone: () => void
}

/**
 * Records who won the post in an election held outside Charter (POST /bodies/:id/elected-mandates).
 * The winner replaces any appointed holder of the post.
 */
export function ElectionResultForm({ bodyId, post, onDone }: ElectionResultFormProps) {
  const [memberId, setMemberId] = useState('')
  const [startsOn, setStartsOn] = useState(useOrganisationToday() ?? '')
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend<ElectedMandateResult>('POST', `/bodies/${bodyId}/elected-mandates`, {
        memberId: Number(memberId),
        post: post.post,
        ...(startsOn ? { startsOn } : {}),
      }),
    )
    if (ok) {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Record the election of a ${post.title}`}>
      <p className="muted">The member elected takes the seat of any appointed holder, whose mandate ends.</p>
      <div className="form-grid">
        <Field label="Member elected (id)">
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              required
              value={memberId}
              onChange={(event) => setMemberId(event.target.value)}
            />
          )}
        </Field>
        <Field label="Mandate starts on">
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={startsOn}
              onChange={(event) => setStartsOn(event.target.value)}
            />
          )}
        </Field>
      </div>
      <RefusalError error={submission.error} labels={MANDATE_FIELD_LABELS} />
      <SubmitRow
        label="Record the result"
        sending={submission.sending}
        disabled={memberId === ''}
        onCancel={onDone}
      />
    </form>
  )
}
