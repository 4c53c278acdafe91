import { apiGet } from '../../api/client.ts'
import { formatShortDate } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { formatTime, meetingTitle } from './decision-format.ts'
import type { MeetingListPage, MeetingSummary } from './meeting-types.ts'

/** The meetings of a body a form may offer, once loaded. */
export interface MeetingChoices {
  readonly meetings: readonly MeetingSummary[]
  /** Loaded, and none is on offer. */
  readonly none: boolean
  readonly failed: boolean
}

/** The body's meetings that are not cancelled and that `offer` accepts (it is asked at each render). */
export function useMeetingChoices(
  bodyId: number,
  offer: (meeting: MeetingSummary) => boolean,
): MeetingChoices {
  const loaded = useAsync(() => apiGet<MeetingListPage>(`/bodies/${bodyId}/meetings?limit=50`), [bodyId])
  const meetings =
    loaded.status === 'ready'
      ? loaded.data.items.filter((meeting) => meeting.state !== 'cancelled' && offer(meeting))
      : []
  return {
    meetings,
    none: loaded.status === 'ready' && meetings.length === 0,
    failed: loaded.status === 'error',
  }
}

interface MeetingSelectProps {
  readonly choices: MeetingChoices
  readonly value: string
  readonly onChange: (meetingId: string) => void
  readonly hint: string
  /** The label of the empty choice when a meeting is optional; without it one must be chosen. */
  readonly noMeetingLabel?: string
  /** What to say when a meeting is required and none is on offer. */
  readonly noneNote: string
  /** More about each meeting, after its title and date. */
  readonly describe?: (meeting: MeetingSummary) => string
}

/**
 * "At a meeting": a choice among the body's meetings by title, date and time, with a note when
 * there is none to choose and when they could not be loaded. The vote and ratification forms use it.
 */
export function MeetingSelect({
  choices,
  value,
  onChange,
  hint,
  noMeetingLabel,
  noneNote,
  describe,
}: MeetingSelectProps) {
  const required = noMeetingLabel === undefined
  // An optional meeting leaves "no meeting" to choose, so an empty list blocks nothing.
  const blocked = required && choices.none
  return (
    <>
      <Field label="At a meeting" hint={hint} wide>
        {(id, hintId) => (
          <select
            id={id}
            aria-describedby={hintId}
            required={required}
            disabled={blocked}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          >
            {required ? (
              <option value="" disabled>
                Choose the meeting
              </option>
            ) : (
              <option value="">{noMeetingLabel}</option>
            )}
            {choices.meetings.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {meetingTitle(meeting)} · {formatShortDate(meeting.startsAt)} {formatTime(meeting.startsAt)}
                {describe ? ` · ${describe(meeting)}` : null}
              </option>
            ))}
          </select>
        )}
      </Field>
      {blocked ? (
        <p className="warning-note" role="status">
          {noneNote}
        </p>
      ) : null}
      {choices.failed ? <p className="muted">The body’s meetings could not be loaded.</p> : null}
    </>
  )
}
