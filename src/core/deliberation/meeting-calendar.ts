import { createEvents, type EventAttributes } from 'ics'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { MeetingRow } from '../../db/schema-deliberation.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { daysAfter } from '../shared/clock.ts'
import { loadMeeting } from './meeting-lookups.ts'
import {
  type AgendaEntry,
  CONFIDENTIAL_TITLE,
  EMPTY_AGENDA,
  loadAgendas,
  type MeetingAgenda,
} from './meeting-view.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const viewerShape = {
  viewerMemberId: id.nullable(),
  today: isoDateSchema,
  /** The domain part of each event's UID (the server's host name); stable per meeting and server. */
  uidDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,253}$/)
    .default('charter'),
}

/** How far back the body's calendar reaches: recent meetings stay (with their changes), older ones drop off. */
export const CALENDAR_PAST_DAYS = 90
/** At most this many meetings in one body's calendar feed. */
export const CALENDAR_LIMIT = 500

const PRODUCT_ID = '-//Charter//Meetings//EN'

/** An instant as iCalendar's UTC form, 19231208T150000Z (the ics package takes this string as is). */
function icsInstant(value: Date | string): string {
  return new Date(value)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

function describe(agenda: readonly AgendaEntry[]): string {
  if (agenda.length === 0) return 'No agenda yet.'
  const lines = agenda.map(
    (entry) => `${entry.position}. ${entry.question.redacted ? CONFIDENTIAL_TITLE : entry.question.title}`,
  )
  return `Agenda:\n${lines.join('\n')}`
}

/**
 * One meeting as a VEVENT for one viewer. When its agenda holds a question the viewer may not
 * read, the meeting's own words are withheld: SUMMARY names only the body, and there is no LOCATION.
 */
function toEvent(
  meeting: MeetingRow,
  agenda: MeetingAgenda,
  bodyName: string,
  uidDomain: string,
): EventAttributes {
  const place = agenda.withheld ? '' : meeting.place
  return {
    uid: `meeting-${meeting.id}@${uidDomain}`,
    // SEQUENCE counts the meeting's changes, so a subscribed calendar replaces its copy.
    sequence: meeting.sequence,
    status: meeting.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    start: icsInstant(meeting.starts_at),
    end: icsInstant(meeting.ends_at),
    title: agenda.withheld ? `Meeting of ${bodyName}` : meeting.title,
    description: describe(agenda.entries),
    ...(place === '' ? {} : { location: place }),
  }
}

async function render(
  db: Executor,
  meetings: readonly MeetingRow[],
  bodyName: string,
  viewer: { viewerMemberId: number | null; today: string; uidDomain: string },
): Promise<string> {
  const agendas = await loadAgendas(
    db,
    meetings.map((m) => m.id),
    viewer.viewerMemberId,
    viewer.today,
  )
  const events = meetings.map((m) =>
    toEvent(m, agendas.get(m.id) ?? EMPTY_AGENDA, bodyName, viewer.uidDomain),
  )
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, calName: bodyName })
  if (error || value === null) throw error ?? new Error('iCalendar export produced nothing')
  return value
}

export const meetingCalendarInputSchema = z.object({ meetingId: id, ...viewerShape })
export type MeetingCalendarInput = z.input<typeof meetingCalendarInputSchema>

/** One meeting as an iCalendar document (text/calendar), for one viewer. */
export async function meetingCalendar(db: Executor, input: MeetingCalendarInput): Promise<string> {
  const data = parseInput(meetingCalendarInputSchema, input, 'calendar query')
  const meeting = await loadMeeting(db, data.meetingId)
  const body = await getBody(db, meeting.body_id)
  return render(db, [meeting], body.name, data)
}

export const bodyCalendarInputSchema = z.object({ bodyId: id, ...viewerShape })
export type BodyCalendarInput = z.input<typeof bodyCalendarInputSchema>

/**
 * A body's upcoming and recent meetings (from CALENDAR_PAST_DAYS ago on, cancelled ones included
 * so subscribers strike them) as one iCalendar feed, for one viewer.
 */
export async function bodyCalendar(db: Executor, input: BodyCalendarInput): Promise<string> {
  const data = parseInput(bodyCalendarInputSchema, input, 'calendar query')
  const body = await getBody(db, data.bodyId)
  const since = new Date(`${daysAfter(data.today, -CALENDAR_PAST_DAYS)}T00:00:00Z`)
  const meetings = await db
    .selectFrom('meetings')
    .selectAll()
    .where('body_id', '=', body.id)
    .where('starts_at', '>=', since)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(CALENDAR_LIMIT)
    .execute()
  return render(db, meetings, body.name, data)
}
