import { useContext } from 'react'
import type { Body } from '../../api/types.ts'
import { meetingHref } from '../../app/router.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { formatInstant } from '../elections/election-format.ts'
import { formatTime, MEETING_STATE_LABELS, meetingTitle } from './decision-format.ts'
import { MeetingScheduleForm } from './MeetingScheduleForm.tsx'
import type { MeetingListPage, MeetingSummary } from './meeting-types.ts'
import './decisions.css'

function MeetingItem({ meeting }: { readonly meeting: MeetingSummary }) {
  return (
    <li>
      <p className="row-head">
        <a href={meetingHref(meeting.id)} className="row-title">
          {meetingTitle(meeting)}
        </a>
        <span className={`badge meeting-${meeting.state}`}>{MEETING_STATE_LABELS[meeting.state]}</span>
      </p>
      <p className="muted">
        {formatInstant(meeting.startsAt)}–{formatTime(meeting.endsAt)}
        {meeting.place ? ` · ${meeting.place}` : ''} ·{' '}
        {meeting.agenda.length === 1 ? '1 item' : `${meeting.agenda.length} items`} on the agenda
        {meeting.quorum ? ` · ${meeting.quorum.quorate ? 'quorate' : 'not quorate'}` : ''}
      </p>
    </li>
  )
}

/**
 * A body's meetings, upcoming then past (latest start first), each with its state, time, place
 * and agenda size; officers schedule one here, and anyone reading the body may subscribe to the
 * body's iCalendar feed.
 */
export function MeetingsSection({ body }: { readonly body: Body }) {
  const { version } = useRefresh()
  const now = useContext(OrganisationContext)?.now ?? new Date().toISOString()
  const pages = useKeysetPages<MeetingSummary, MeetingListPage>(
    `/bodies/${body.id}/meetings?limit=20`,
    nextCursor,
    version,
  )
  const canSchedule = pages.pages[0]?.permissions.canSchedule === true
  const isPast = (meeting: MeetingSummary) => Date.parse(meeting.endsAt) < Date.parse(now)
  const upcoming = pages.items.filter((meeting) => !isPast(meeting))
  const past = pages.items.filter(isPast)
  return (
    <section aria-labelledby="meetings-title" className="card meetings">
      <h2 id="meetings-title">Meetings</h2>
      {canSchedule ? (
        <ActionBar
          label="Meetings"
          actions={[
            {
              id: 'schedule',
              label: 'Schedule a meeting',
              render: (close) => (
                <MeetingScheduleForm bodyId={body.id} bodyName={body.name} onCancel={close} />
              ),
            },
          ]}
        />
      ) : null}
      <p>
        <a href={`/api/bodies/${body.id}/meetings.ics`} download={`meetings-${body.id}.ics`}>
          Calendar feed of {body.name}’s meetings (.ics)
        </a>
      </p>
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">No meeting of {body.name} is on record.</p>
      ) : null}
      {upcoming.length > 0 ? (
        <>
          <h3>Upcoming</h3>
          <ul className="plain-list" aria-label="Upcoming meetings">
            {upcoming.map((meeting) => (
              <MeetingItem key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        </>
      ) : null}
      {past.length > 0 ? (
        <>
          <h3>Past</h3>
          <ul className="plain-list" aria-label="Past meetings">
            {past.map((meeting) => (
              <MeetingItem key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        </>
      ) : null}
      <PagesFooter pages={pages} loadingLabel="Loading the meetings…" />
    </section>
  )
}
