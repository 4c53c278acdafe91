import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { humanise } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { MANDATE_FIELD_LABELS } from './mandate-labels.ts'
import { RefusalError } from './RefusalError.tsx'
import type { BodyPost, Mandate } from './types.ts'

interface AppointFormProps {
  readonly bodyId: number
  readonly post: BodyPost
  readonly onDone: () => void
}

/**
 * Appoints a member to the post (POST /bodies/:id/appointments). An elective post may be appointed
 * only with one of the justifications the charter lists; the server checks eligibility and seats.
 */
export function AppointForm({ bodyId, post, onDone }: AppointFormProps) {
  const bodies = post.appointingBodies
  const justifications = post.appointment?.justifications ?? []
  const [memberId, setMemberId] = useState('')
  // The nearest body allowed to appoint is the usual one; the list runs from the root down.
  const [appointedBy, setAppointedBy] = useState(String(bodies.at(-1)?.id ?? ''))
  const [justification, setJustification] = useState(justifications[0]?.id ?? '')
  const [startsOn, setStartsOn] = useState(useOrganisationToday() ?? '')
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const chosen = justifications.find((j) => j.id === justification)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend<Mandate>('POST', `/bodies/${bodyId}/appointments`, {
        memberId: Number(memberId),
        post: post.post,
        appointedByBodyId: Number(appointedBy),
        ...(post.elective && justification ? { justification } : {}),
        ...(startsOn ? { startsOn } : {}),
      }),
    )
    if (ok) {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Appoint a ${post.title}`}>
      {post.elective ? (
        <p className="muted">
          The charter requires this post to be elected. An appointment needs one of the justifications it
          lists, and lasts until an election is due.
        </p>
      ) : null}
      <div className="form-grid">
        <Field label="Member id" hint="The number shown in the member's record">
          {(id, hint) => (
            <input
              id={id}
              type="number"
              min={1}
              required
              aria-describedby={hint}
              value={memberId}
              onChange={(event) => setMemberId(event.target.value)}
            />
          )}
        </Field>
        <Field label="Appointed by">
          {(id) => (
            <select id={id} value={appointedBy} onChange={(event) => setAppointedBy(event.target.value)}>
              {bodies.map((body) => (
                <option key={body.id} value={body.id}>
                  {body.name} ({humanise(body.level)})
                </option>
              ))}
            </select>
          )}
        </Field>
        {post.elective ? (
          <Field
            label="Justification"
            wide
            {...(chosen ? { hint: `An election is due within ${chosen.maxMonths} months.` } : {})}
          >
            {(id, hint) => (
              <select
                id={id}
                required
                aria-describedby={hint}
                value={justification}
                onChange={(event) => setJustification(event.target.value)}
              >
                {justifications.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.text}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Starts on">
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
      <SubmitRow label="Appoint" sending={submission.sending} disabled={memberId === ''} onCancel={onDone} />
    </form>
  )
}
