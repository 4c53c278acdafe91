import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { meetingHref } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import type { Decision, Ratification } from './decision-types.ts'
import { MeetingSelect, useMeetingChoices } from './MeetingSelect.tsx'
import type { MeetingSummary } from './meeting-types.ts'

/** Where an urgent decision's ratification stands, in a sentence. */
function describe(ratification: Ratification): string {
  const by = formatLongDate(ratification.ratifyBy)
  const on = ratification.ratifiedAt ? formatLongDate(ratification.ratifiedAt) : ''
  switch (ratification.state) {
    case 'pending':
      return `Awaiting ratification by the body until ${by}.`
    case 'overdue':
      return `Overdue: the body should have ratified it by ${by}.`
    case 'ratified':
      return `Ratified on ${on}${ratification.late ? `, late (the deadline was ${by})` : ''}.`
    case 'rejected':
      return `Rejected by the body on ${on}${ratification.late ? `, late (the deadline was ${by})` : ''}.`
  }
}

interface RatifyFormProps {
  readonly decision: Decision
  readonly outcome: 'ratified' | 'rejected'
  readonly onDone: () => void
  readonly onCancel: () => void
}

/** How a meeting stands for ratifying: whether its attendance was taken and made the quorum. */
function quorumNote(meeting: MeetingSummary): string {
  if (!meeting.quorum) return 'attendance not recorded'
  return meeting.quorum.quorate ? 'quorate' : 'short of its quorum'
}

/**
 * Ratify or reject (POST /decisions/:id/ratification) at one of the body's meetings: the body
 * ratifies, so a meeting is required, and it must have begun, with its attendance recorded and
 * its quorum present. The server's refusals are shown with their rule.
 */
function RatifyForm({ decision, outcome, onDone, onCancel }: RatifyFormProps) {
  const [meetingId, setMeetingId] = useState('')
  const submission = useSubmit()
  const choices = useMeetingChoices(decision.bodyId, () => true)
  const verb = outcome === 'ratified' ? 'Ratify' : 'Reject'

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend('POST', `/decisions/${decision.id}/ratification`, { outcome, meetingId: Number(meetingId) }),
    )
    if (ok) onDone()
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`${verb} the decision`}>
      <MeetingSelect
        choices={choices}
        value={meetingId}
        onChange={setMeetingId}
        hint="The body ratifies: choose the meeting that did, once it has sat with its attendance recorded and its quorum present."
        noneNote="The body has no meeting to ratify at. Schedule a meeting, record who attended, then ratify."
        describe={quorumNote}
      />
      <DecisionRefusal error={submission.error} labels={{ meetingId: 'At a meeting' }} />
      <SubmitRow
        label={verb}
        sendingLabel="Saving…"
        sending={submission.sending}
        disabled={meetingId === ''}
        onCancel={onCancel}
        danger={outcome === 'rejected'}
      />
    </form>
  )
}

/** The ratification of an urgent decision: its state, and for officers the Ratify / Reject forms. */
export function DecisionRatification({
  decision,
  onChanged,
}: {
  readonly decision: Decision
  readonly onChanged: () => void
}) {
  const { ratification } = decision
  if (!ratification) return null
  const actions: Action[] = decision.permissions.canRatify
    ? (['ratified', 'rejected'] as const).map((outcome) => ({
        id: outcome,
        label: outcome === 'ratified' ? 'Ratify' : 'Reject',
        render: (close: () => void) => (
          <RatifyForm
            decision={decision}
            outcome={outcome}
            onCancel={close}
            onDone={() => {
              close()
              onChanged()
            }}
          />
        ),
      }))
    : []
  return (
    <section aria-labelledby="ratification-title" className="card">
      <h2 id="ratification-title">Ratification</h2>
      <p className={ratification.state === 'overdue' ? 'warning-note' : undefined}>
        {describe(ratification)}
      </p>
      {ratification.meetingId !== null ? (
        <p>
          <a href={meetingHref(ratification.meetingId)}>The ratifying meeting</a>
        </p>
      ) : null}
      <ActionBar label="Ratification" actions={actions} />
    </section>
  )
}
