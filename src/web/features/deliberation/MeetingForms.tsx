import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import { parseMemberIds } from './format.ts'
import type { Meeting } from './meeting-types.ts'
import { TEXT_LIMITS } from './text-limits.ts'

interface MeetingFormProps {
  readonly meeting: Meeting
  readonly onDone: () => void
  readonly onCancel: () => void
}

/**
 * Attendance (PUT /meetings/:id/attendance): everyone who came, by member id, replacing the
 * earlier list; the page then shows who counts toward the quorum (the body's deciding members).
 */
export function MeetingAttendanceForm({ meeting, onDone, onCancel }: MeetingFormProps) {
  const [text, setText] = useState(() => meeting.attendance.map((a) => a.memberId).join(', '))
  const [bad, setBad] = useState<string | null>(null)
  const submission = useSubmit()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const parsed = parseMemberIds(text)
    setBad(parsed.bad)
    if (parsed.bad !== null) return
    const ok = await submission.run(() =>
      apiSend('PUT', `/meetings/${meeting.id}/attendance`, { memberIds: parsed.ids }),
    )
    if (ok) onDone()
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Record attendance">
      <Field
        label="Members present (ids)"
        hint="Member ids, separated by commas; this replaces the list recorded before."
        wide
      >
        {(id, hint) => (
          <textarea
            id={id}
            aria-describedby={hint}
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      {bad !== null ? (
        <p className="error" role="alert">
          “{bad}” is not a member id.
        </p>
      ) : null}
      <DecisionRefusal error={submission.error} labels={{ memberIds: 'Members present' }} />
      <SubmitRow label="Record attendance" sending={submission.sending} onCancel={onCancel} />
    </form>
  )
}

/** Minutes (PUT /meetings/:id/minutes), once the meeting has started: the meeting is then held. */
export function MeetingMinutesForm({ meeting, onDone, onCancel }: MeetingFormProps) {
  const [minutes, setMinutes] = useState(meeting.minutes ?? '')
  const submission = useSubmit()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() => apiSend('PUT', `/meetings/${meeting.id}/minutes`, { minutes }))
    if (ok) onDone()
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Record the minutes">
      <Field label="Minutes" hint="Recording the minutes marks the meeting as held." wide>
        {(id, hint) => (
          <textarea
            id={id}
            aria-describedby={hint}
            required
            rows={8}
            maxLength={TEXT_LIMITS.meeting.minutes}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </Field>
      <DecisionRefusal error={submission.error} labels={{ minutes: 'Minutes' }} />
      <SubmitRow label="Record the minutes" sending={submission.sending} onCancel={onCancel} />
    </form>
  )
}

/** Cancels a scheduled meeting (POST /meetings/:id/cancel); calendars then strike it. */
export function MeetingCancelForm({ meeting, onDone, onCancel }: MeetingFormProps) {
  const submission = useSubmit()
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() => apiSend('POST', `/meetings/${meeting.id}/cancel`, {}))
    if (ok) onDone()
  }
  return (
    <form className="action-form" onSubmit={submit} aria-label="Cancel the meeting">
      <p>The meeting stays on record as cancelled, and subscribed calendars strike it.</p>
      <DecisionRefusal error={submission.error} />
      <SubmitRow label="Cancel the meeting" sending={submission.sending} onCancel={onCancel} danger />
    </form>
  )
}
