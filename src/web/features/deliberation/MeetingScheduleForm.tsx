import { type FormEvent, useState } from 'react'
import { apiGet, apiSend } from '../../api/client.ts'
import { meetingHref, navigate } from '../../app/router.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { fromLocalInput } from '../elections/election-format.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import { addDays } from './decision-format.ts'
import type { Meeting } from './meeting-types.ts'
import { TEXT_LIMITS } from './text-limits.ts'
import type { QuestionListPage, QuestionSummary } from './types.ts'

const OPEN_STATES = ['collecting', 'discussion', 'discussed', 'voting']

interface MeetingScheduleFormProps {
  readonly bodyId: number
  readonly bodyName: string
  readonly onCancel: () => void
}

/**
 * "Schedule a meeting" (POST /bodies/:id/meetings): a title, its start and end on the
 * organisation's clock, a place, and an agenda picked from the body's open questions in the order
 * ticked. Goes to the new meeting's page.
 */
export function MeetingScheduleForm(props: MeetingScheduleFormProps) {
  // The defaults are a week from the organisation's date, never the browser's (a demo runs in 1923).
  const today = useOrganisationToday()
  if (today === null) return <Loading label="Loading the organisation’s date…" />
  return <MeetingScheduleFields {...props} today={today} />
}

function MeetingScheduleFields({
  bodyId,
  bodyName,
  onCancel,
  today,
}: MeetingScheduleFormProps & { readonly today: string }) {
  const [title, setTitle] = useState('')
  const [startsAt, setStartsAt] = useState(`${addDays(today, 7)}T18:00`)
  const [endsAt, setEndsAt] = useState(`${addDays(today, 7)}T20:00`)
  const [place, setPlace] = useState('')
  const [agenda, setAgenda] = useState<readonly number[]>([])
  const submission = useSubmit()
  const questions = useAsync(
    () => apiGet<QuestionListPage>(`/bodies/${bodyId}/questions?limit=200`),
    [bodyId],
  )
  const open =
    questions.status === 'ready'
      ? questions.data.items.filter(
          (q): q is QuestionSummary => !q.redacted && q.bodyId === bodyId && OPEN_STATES.includes(q.state),
        )
      : []

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const answer: { meeting?: Meeting } = {}
    const ok = await submission.run(async () => {
      answer.meeting = await apiSend<Meeting>('POST', `/bodies/${bodyId}/meetings`, {
        title,
        startsAt: fromLocalInput(startsAt),
        endsAt: fromLocalInput(endsAt),
        ...(place.trim() ? { place } : {}),
        agendaQuestionIds: agenda,
      })
    })
    if (ok && answer.meeting) navigate(meetingHref(answer.meeting.id))
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Schedule a meeting of ${bodyName}`}>
      <div className="form-grid">
        <Field label="Title" wide>
          {(id) => (
            <input
              id={id}
              required
              maxLength={TEXT_LIMITS.meeting.title}
              placeholder={`General meeting of ${bodyName}`}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <Field label="Starts">
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              required
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
            />
          )}
        </Field>
        <Field label="Ends">
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              required
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
            />
          )}
        </Field>
        <Field label="Place" wide>
          {(id) => (
            <input
              id={id}
              maxLength={TEXT_LIMITS.meeting.place}
              value={place}
              onChange={(event) => setPlace(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="checkboxes">
          <legend>Agenda</legend>
          {questions.status === 'ready' && open.length === 0 ? (
            <p className="empty">The body has no open question to put on the agenda.</p>
          ) : null}
          {open.map((question) => {
            const place = agenda.indexOf(question.id)
            return (
              <label key={question.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={place >= 0}
                  onChange={(event) =>
                    setAgenda(
                      event.target.checked
                        ? [...agenda, question.id]
                        : agenda.filter((id) => id !== question.id),
                    )
                  }
                />
                {place >= 0 ? `${place + 1}. ` : ''}
                {question.title}
              </label>
            )
          })}
          <span className="hint">Items are taken up in the order you tick them.</span>
        </fieldset>
      </div>
      <DecisionRefusal
        error={submission.error}
        labels={{
          title: 'Title',
          startsAt: 'Starts',
          endsAt: 'Ends',
          place: 'Place',
          agendaQuestionIds: 'Agenda',
        }}
      />
      <SubmitRow
        label="Schedule"
        sendingLabel="Scheduling…"
        sending={submission.sending}
        onCancel={onCancel}
      />
    </form>
  )
}
