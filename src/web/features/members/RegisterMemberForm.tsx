import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { MEMBER_STATUSES, type Member, type MemberStatus } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { MEMBER_FIELD_LABELS } from './member-rules.ts'
import { PersonalFields } from './PersonalFields.tsx'
import { EMPTY_PERSONAL, type PersonalValues, personalPayload } from './personal-values.ts'
import { statusLabel } from './StatusBadge.tsx'

interface RegisterMemberFormProps {
  readonly unitId: number
  readonly onClose: () => void
}

/** Registers a member in this unit (POST /members); the form stays open for the next one. */
export function RegisterMemberForm({ unitId, onClose }: RegisterMemberFormProps) {
  const today = useOrganisationToday() ?? ''
  const [personal, setPersonal] = useState<PersonalValues>(EMPTY_PERSONAL)
  const [joinedOn, setJoinedOn] = useState(today)
  const [status, setStatus] = useState<MemberStatus>('applicant')
  const [registered, setRegistered] = useState<Member | null>(null)
  // Bumped after each registration: remounts the fields so uncontrolled inputs start empty too.
  const [round, setRound] = useState(0)
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setRegistered(null)
    await submission.run(async () => {
      const member = await apiSend<Member>('POST', '/members', {
        unitId,
        ...personalPayload(personal),
        joinedOn,
        status,
      })
      setRegistered(member)
      setPersonal(EMPTY_PERSONAL)
      setRound((n) => n + 1)
      refresh()
    })
  }

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="register-title">
      <h3 id="register-title">Register a member</h3>
      <div className="form-grid">
        <PersonalFields key={round} value={personal} onChange={setPersonal} />
        <Field label="Joined on">
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={joinedOn}
              onChange={(event) => setJoinedOn(event.target.value)}
            />
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select
              id={id}
              value={status}
              onChange={(event) => setStatus(event.target.value as MemberStatus)}
            >
              {MEMBER_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {statusLabel(option)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormError error={submission.error} labels={MEMBER_FIELD_LABELS} />
      {registered ? (
        <p className="success" role="status">
          Registered <a href={bodyHref(unitId, registered.id)}>{registered.fullName}</a> as{' '}
          {statusLabel(registered.status).toLowerCase()}.
        </p>
      ) : null}
      <SubmitRow
        label="Register member"
        sendingLabel="Registering…"
        sending={submission.sending}
        onCancel={onClose}
      />
    </form>
  )
}
