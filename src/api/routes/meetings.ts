import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Principal } from '../../core/accounts/principal.ts'
import { cancelMeeting } from '../../core/deliberation/cancel-meeting.ts'
import { getMeeting } from '../../core/deliberation/get-meeting.ts'
import { listMeetings } from '../../core/deliberation/list-meetings.ts'
import { bodyCalendar, meetingCalendar } from '../../core/deliberation/meeting-calendar.ts'
import { loadMeeting } from '../../core/deliberation/meeting-lookups.ts'
import { recordAttendance } from '../../core/deliberation/record-attendance.ts'
import { recordMinutes } from '../../core/deliberation/record-minutes.ts'
import { scheduleMeeting } from '../../core/deliberation/schedule-meeting.ts'
import { can } from '../../core/policy/policy.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import type { BodyRow } from '../../db/schema.ts'
import { authoriseBody, inTransaction } from '../auth.ts'
import type { AppEnv } from '../env.ts'
import {
  AttendanceSchema,
  calendarContent,
  MeetingListQuery,
  MeetingPageSchema,
  MeetingSchema,
  MeetingSummarySchema,
  MinutesSchema,
  NewMeetingSchema,
} from '../meeting-schemas.ts'
import { errors, IdParams, jsonBody, jsonContent } from '../schemas.ts'

const manage = 'Admins and secretaries whose subtree holds the body (deliberation.manage).'
const read =
  'Whoever reads the body: its members and the officers over it. A confidential agenda item shows only that it ' +
  'exists to a caller outside its audience, and the meeting’s own title, place and minutes are withheld from that ' +
  'caller (null, withheld: true).'

const scheduleRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/meetings',
  summary: 'Schedule a meeting of the body with an agenda of its questions',
  description:
    `${manage} startsAt before endsAt (VALIDATION_FAILED naming endsAt); every agenda question must be the body’s ` +
    '(404 QUESTION_NOT_FOUND for an unknown id; VALIDATION_FAILED naming agendaQuestionIds.N for another body’s).',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(NewMeetingSchema) },
  responses: { 201: jsonContent(MeetingSchema, 'Scheduled'), ...errors(400, 401, 403, 404, 409, 413) },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/meetings',
  summary: 'A body’s meetings, latest start first',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams, query: MeetingListQuery },
  responses: { 200: jsonContent(MeetingPageSchema, 'A page'), ...errors(400, 401, 403, 404) },
})

const getRoute = createRoute({
  method: 'get',
  path: '/api/meetings/{id}',
  summary: 'A meeting: agenda, attendance with the quorum, minutes, and what the caller may do',
  description: read,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(MeetingSchema, 'The meeting'), ...errors(400, 401, 403, 404) },
})

const attendanceRoute = createRoute({
  method: 'put',
  path: '/api/meetings/{id}/attendance',
  summary: 'Record who attended (replaces the earlier list) and compute the quorum',
  description:
    `${manage} The quorum counts the body’s deciding members on the meeting’s date; other attendees (candidates, ` +
    'guests) are recorded but do not count. A cancelled meeting is 409 MEETING_WRONG_STATE.',
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(AttendanceSchema) },
  responses: { 200: jsonContent(MeetingSchema, 'Recorded'), ...errors(400, 401, 403, 404, 409, 413) },
})

const minutesRoute = createRoute({
  method: 'put',
  path: '/api/meetings/{id}/minutes',
  summary: 'Record the minutes: the meeting is then held',
  description: `${manage} Only a scheduled meeting that has started (409 MEETING_WRONG_STATE otherwise).`,
  security: [{ session: [] }],
  request: { params: IdParams, body: jsonBody(MinutesSchema) },
  responses: { 200: jsonContent(MeetingSchema, 'Held'), ...errors(400, 401, 403, 404, 409, 413) },
})

const cancelRoute = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/cancel',
  summary: 'Cancel a scheduled meeting',
  description:
    `${manage} A held or cancelled meeting is 409 MEETING_WRONG_STATE; one where a vote or decision was taken ` +
    'is 409 CONFLICT.',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: jsonContent(MeetingSchema, 'Cancelled'), ...errors(400, 401, 403, 404, 409) },
})

const meetingIcsRoute = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/calendar.ics',
  summary: 'One meeting as iCalendar',
  description:
    `${read} The agenda in DESCRIPTION reads “Confidential question” for items the caller may not read; ` +
    'then SUMMARY is “Meeting of <body>” and there is no LOCATION.',
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: calendarContent, ...errors(400, 401, 403, 404) },
})

const bodyIcsRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/meetings.ics',
  summary: 'The body’s upcoming and recent meetings (the last 90 days on) as an iCalendar feed',
  description: `${read} Cancelled meetings stay in the feed with STATUS:CANCELLED so calendars strike them.`,
  security: [{ session: [] }],
  request: { params: IdParams },
  responses: { 200: calendarContent, ...errors(400, 401, 403, 404) },
})

/** The domain of calendar UIDs: this server's host name when it is a plain one. */
function uidDomain(c: Context<AppEnv>): string {
  const host = new URL(c.req.url).hostname
  return /^[A-Za-z0-9.-]{1,253}$/.test(host) ? host : 'charter'
}

function calendarResponse(c: Context<AppEnv>, text: string, fileName: string) {
  return c.body(text, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${fileName}"`,
  })
}

/** Loads a meeting and checks `action` on its body (404 MEETING_NOT_FOUND, 403 FORBIDDEN). */
async function authoriseMeeting(
  c: Context<AppEnv>,
  meetingId: number,
  action: 'body.read' | 'deliberation.manage',
) {
  const meeting = await loadMeeting(c.var.deps.database.db, meetingId)
  const { principal, body } = await authoriseBody(c, meeting.body_id, action)
  return { principal, body, meeting }
}

/** The meeting as the caller reads it, with what they may do. */
async function present(c: Context<AppEnv>, principal: Principal, body: BodyRow, meetingId: number) {
  const { database, clock } = c.var.deps
  const now = clock.now()
  const view = await getMeeting(database.db, {
    meetingId,
    viewerMemberId: principal.memberId,
    today: toIsoDate(now),
  })
  const manager =
    body.status === 'active' && can(principal, 'deliberation.manage', { kind: 'body', path: body.path })
  return MeetingSchema.parse({
    ...view,
    permissions: {
      canManage: manager,
      canRecordAttendance: manager && view.state !== 'cancelled',
      canRecordMinutes: manager && view.state === 'scheduled' && new Date(view.startsAt) <= now,
      canCancel: manager && view.state === 'scheduled',
    },
  })
}

export function registerMeetingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(scheduleRoute, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const { principal, body } = await authoriseBody(c, id, 'deliberation.manage')
    const meeting = await inTransaction(c, (ctx) => scheduleMeeting(ctx, { ...input, bodyId: id }))
    return c.json(await present(c, principal, body, meeting.id), 201)
  })

  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const { principal, body } = await authoriseBody(c, id, 'body.read')
    const page = await listMeetings(c.var.deps.database.db, {
      bodyId: id,
      limit: query.limit,
      viewerMemberId: principal.memberId,
      today: toIsoDate(c.var.deps.clock.now()),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.after ? { after: query.after } : {}),
    })
    return c.json(
      {
        items: page.items.map((item) => MeetingSummarySchema.parse(item)),
        nextCursor: page.nextCursor,
        permissions: {
          canSchedule:
            body.status === 'active' &&
            can(principal, 'deliberation.manage', { kind: 'body', path: body.path }),
        },
      },
      200,
    )
  })

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal, body } = await authoriseMeeting(c, id, 'body.read')
    return c.json(await present(c, principal, body, id), 200)
  })

  app.openapi(attendanceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { memberIds } = c.req.valid('json')
    const { principal, body } = await authoriseMeeting(c, id, 'deliberation.manage')
    await inTransaction(c, (ctx) => recordAttendance(ctx, { meetingId: id, memberIds }))
    return c.json(await present(c, principal, body, id), 200)
  })

  app.openapi(minutesRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { minutes } = c.req.valid('json')
    const { principal, body } = await authoriseMeeting(c, id, 'deliberation.manage')
    await inTransaction(c, (ctx) => recordMinutes(ctx, { meetingId: id, minutes }))
    return c.json(await present(c, principal, body, id), 200)
  })

  app.openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal, body } = await authoriseMeeting(c, id, 'deliberation.manage')
    await inTransaction(c, (ctx) => cancelMeeting(ctx, { meetingId: id }))
    return c.json(await present(c, principal, body, id), 200)
  })

  app.openapi(meetingIcsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal } = await authoriseMeeting(c, id, 'body.read')
    const text = await meetingCalendar(c.var.deps.database.db, {
      meetingId: id,
      viewerMemberId: principal.memberId,
      today: toIsoDate(c.var.deps.clock.now()),
      uidDomain: uidDomain(c),
    })
    return calendarResponse(c, text, `meeting-${id}.ics`)
  })

  app.openapi(bodyIcsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { principal } = await authoriseBody(c, id, 'body.read')
    const text = await bodyCalendar(c.var.deps.database.db, {
      bodyId: id,
      viewerMemberId: principal.memberId,
      today: toIsoDate(c.var.deps.clock.now()),
      uidDomain: uidDomain(c),
    })
    return calendarResponse(c, text, `meetings-${id}.ics`)
  })
}
