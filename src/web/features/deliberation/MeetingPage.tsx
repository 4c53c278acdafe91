import { useState } from 'react'
import { apiGet } from '../../api/client.ts'
import { bodyHref, questionHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatShortDate } from '../../shared/format.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { formatInstant } from '../elections/election-format.ts'
import { formatTime, MEETING_STATE_LABELS, meetingTitle, WITHHELD_NOTE } from './decision-format.ts'
import { MeetingAttendanceForm, MeetingCancelForm, MeetingMinutesForm } from './MeetingForms.tsx'
import type { Meeting } from './meeting-types.ts'
import { QuorumFacts } from './QuorumFacts.tsx'
import './decisions.css'

/** The minutes, or why there are none to read. */
function Minutes({ meeting }: { readonly meeting: Meeting }) {
  if (meeting.minutes) return <p className="minutes-text">{meeting.minutes}</p>
  if (meeting.withheld && meeting.hasMinutes) {
    return <p className="muted">Minutes withheld — {meeting.withheldReason ?? WITHHELD_NOTE}.</p>
  }
  return (
    <p className="muted">
      {meeting.state === 'scheduled' && !meeting.permissions.canRecordMinutes
        ? 'The minutes are recorded once the meeting has started.'
        : 'No minutes are recorded.'}
    </p>
  )
}

/** The agenda in order; a confidential item the caller may not read shows only that it exists. */
function Agenda({ meeting }: { readonly meeting: Meeting }) {
  if (meeting.agenda.length === 0) return <p className="empty">Nothing is on the agenda.</p>
  return (
    <ol aria-label="Agenda">
      {meeting.agenda.map(({ position, question }) => (
        <li key={position}>
          {question.redacted ? (
            <span>
              Confidential question{' '}
              <span className="muted">(raised {formatShortDate(question.raisedOn)})</span>
            </span>
          ) : (
            <a href={questionHref(question.id)}>{question.title}</a>
          )}
        </li>
      ))}
    </ol>
  )
}

/** Who came, who of them counts toward the quorum, and whether the meeting was quorate. */
function Attendance({ meeting }: { readonly meeting: Meeting }) {
  const { quorum } = meeting
  return (
    <>
      {quorum ? (
        <QuorumFacts quorum={quorum} presentLabel="Present" />
      ) : (
        <p className="muted">Attendance has not been recorded yet.</p>
      )}
      {meeting.attendance.length > 0 ? (
        <ul className="plain-list" aria-label="Present">
          {meeting.attendance.map((person) => (
            <li key={person.memberId}>
              {person.fullName} <span className="muted">#{person.memberId}</span>{' '}
              {person.counts ? (
                <span className="badge meeting-held">Counts toward the quorum</span>
              ) : (
                <span className="muted">· not a deciding member: does not count</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

/**
 * One meeting (#/meetings/:id): its date, place and state, the agenda, the attendance with the
 * quorum, the minutes, and a calendar file; officers record attendance and minutes or cancel it.
 * When the agenda holds a confidential item the caller may not read, the API withholds the
 * meeting's title, place and minutes, and the page says so.
 */
export function MeetingPage({ meetingId }: { readonly meetingId: number }) {
  const [version, setVersion] = useState(0)
  const meeting = useAsync(() => apiGet<Meeting>(`/meetings/${meetingId}`), [meetingId], version)
  if (meeting.status === 'loading') return <Loading label="Loading the meeting…" />
  if (meeting.status === 'error') return <ErrorMessage error={meeting.error} onRetry={meeting.reload} />
  const data = meeting.data
  const done = (close: () => void) => () => {
    close()
    setVersion((n) => n + 1)
  }
  const actions: Action[] = []
  if (data.permissions.canRecordAttendance) {
    actions.push({
      id: 'attendance',
      label: 'Record attendance',
      render: (close) => <MeetingAttendanceForm meeting={data} onDone={done(close)} onCancel={close} />,
    })
  }
  if (data.permissions.canRecordMinutes) {
    actions.push({
      id: 'minutes',
      label: 'Record the minutes',
      render: (close) => <MeetingMinutesForm meeting={data} onDone={done(close)} onCancel={close} />,
    })
  }
  if (data.permissions.canCancel) {
    actions.push({
      id: 'cancel',
      label: 'Cancel the meeting',
      render: (close) => <MeetingCancelForm meeting={data} onDone={done(close)} onCancel={close} />,
    })
  }
  return (
    <div className="meeting-page">
      <nav aria-label="Breadcrumb">
        <a href={bodyHref(data.bodyId)}>← {data.bodyName}</a>
      </nav>
      <section className="card" aria-labelledby="meeting-title">
        <p className="row-head">
          <span className={`badge meeting-${data.state}`}>{MEETING_STATE_LABELS[data.state]}</span>
        </p>
        <h1 id="meeting-title">{meetingTitle(data)}</h1>
        <p>
          {formatInstant(data.startsAt)}–{formatTime(data.endsAt)}
          {data.place ? ` · ${data.place}` : ''}
        </p>
        <p>
          <a href={`/api/meetings/${data.id}/calendar.ics`} download={`meeting-${data.id}.ics`}>
            Add to calendar (.ics)
          </a>
        </p>
        <ActionBar label="Manage the meeting" actions={actions} />
      </section>
      <section className="card" aria-labelledby="agenda-title">
        <h2 id="agenda-title">Agenda</h2>
        <Agenda meeting={data} />
      </section>
      <section className="card" aria-labelledby="attendance-title">
        <h2 id="attendance-title">Attendance and quorum</h2>
        <Attendance meeting={data} />
      </section>
      <section className="card" aria-labelledby="minutes-title">
        <h2 id="minutes-title">Minutes</h2>
        <Minutes meeting={data} />
      </section>
    </div>
  )
}
