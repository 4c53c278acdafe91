import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIcs, raiseTestQuestion } from '../../core/deliberation/meeting-test-support.ts'
import { JSON_LIMIT } from '../app.ts'
import { type MeetingApiTest, openMeetingApiTest } from '../meeting-test-fixture.ts'

interface MeetingBody {
  id: number
  title: string | null
  place: string | null
  withheld: boolean
  withheldReason: string | null
  state: string
  sequence: number
  agenda: { position: number; question: { id: number; title?: string; redacted: boolean } }[]
  quorum: {
    decidingMembers: number
    required: number
    present: number
    quorate: boolean
    ruleId: string | null
  } | null
  attendance: { memberId: number; fullName: string; counts: boolean }[]
  minutes: string | null
  permissions: {
    canManage: boolean
    canRecordAttendance: boolean
    canRecordMinutes: boolean
    canCancel: boolean
  }
}
interface ErrorBody {
  code: string
  details: Record<string, unknown>
}

let t: MeetingApiTest
let openId = 0
let secretId = 0
let meetingId = 0

beforeAll(async () => {
  t = await openMeetingApiTest()
  await t.run(async (ctx) => {
    openId = (await raiseTestQuestion(ctx, t.tree.unitA.id, 'Reading room')).id
    secretId = (await raiseTestQuestion(ctx, t.tree.unitA.id, 'Rifles for the Volga', [t.tree.memberA.id])).id
  })
})
afterAll(async () => {
  await t.database.drop()
})

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })
const send = (method: string, path: string, cookie: string, body: unknown) =>
  t.app.request(path, t.json(method, cookie, body))
const meetingInput = (extra: Record<string, unknown> = {}) => ({
  title: 'General meeting',
  startsAt: '1923-12-02T13:00:00+03:00',
  endsAt: '1923-12-02T15:00:00+03:00',
  place: 'Mill canteen',
  agendaQuestionIds: [openId, secretId],
  ...extra,
})

describe('meetings over HTTP', () => {
  it('lets an officer schedule a meeting; a member may not', async () => {
    const refused = await send(
      'POST',
      `/api/bodies/${t.tree.unitA.id}/meetings`,
      t.cookies.anna,
      meetingInput(),
    )
    expect(refused.status).toBe(403)
    const res = await send(
      'POST',
      `/api/bodies/${t.tree.unitA.id}/meetings`,
      t.cookies.secretary,
      meetingInput(),
    )
    expect(res.status).toBe(201)
    const meeting = (await res.json()) as MeetingBody
    meetingId = meeting.id
    // The secretary is outside the confidential item's audience: even the words they wrote are withheld.
    expect(meeting).toMatchObject({
      state: 'scheduled',
      sequence: 0,
      quorum: null,
      title: null,
      withheld: true,
    })
    expect(meeting.permissions).toEqual({
      canManage: true,
      canRecordAttendance: true,
      canRecordMinutes: false,
      canCancel: true,
    })
  })

  it('shows a confidential agenda item to its audience only, and withholds the meeting’s words from others', async () => {
    const insider = (await (await get(`/api/meetings/${meetingId}`, t.cookies.anna)).json()) as MeetingBody
    expect(insider.agenda.map((e) => e.question.title)).toEqual(['Reading room', 'Rifles for the Volga'])
    expect(insider).toMatchObject({
      title: 'General meeting',
      place: 'Mill canteen',
      withheld: false,
      withheldReason: null,
    })
    expect(insider.permissions.canManage).toBe(false)
    const res = await get(`/api/meetings/${meetingId}`, t.cookies.fyodor)
    const text = await res.text()
    expect(res.status).toBe(200)
    expect(text.toLowerCase()).not.toContain('rifles')
    const outsider = JSON.parse(text) as MeetingBody
    expect(outsider.agenda[1]?.question).toEqual({
      id: secretId,
      bodyId: t.tree.unitA.id,
      raisedOn: '1923-12-02',
      confidential: true,
      redacted: true,
    })
    expect(outsider).toMatchObject({
      title: null,
      place: null,
      withheld: true,
      withheldReason: 'the agenda has a confidential item',
      startsAt: '1923-12-02T10:00:00.000Z',
      state: 'scheduled',
    })
    expect(text).not.toContain('General meeting')
    expect(text).not.toContain('Mill canteen')
    const list = await get(`/api/bodies/${t.tree.unitA.id}/meetings`, t.cookies.fyodor)
    expect(list.status).toBe(200)
    const listText = await list.text()
    expect(listText.toLowerCase()).not.toContain('rifles')
    expect(JSON.parse(listText)).toMatchObject({
      items: [{ id: meetingId, title: null, place: null, withheld: true }],
      permissions: { canSchedule: false },
    })
    expect((await get(`/api/meetings/${meetingId}`, t.cookies.boris)).status).toBe(403)
  })

  it('computes the quorum from attendance once the meeting sits: a candidate and an outsider do not count', async () => {
    const attendance = { memberIds: [t.tree.memberA.id, t.fyodor.id, t.kolya.id, t.tree.memberB.id] }
    const early = await send('PUT', `/api/meetings/${meetingId}/attendance`, t.cookies.secretary, attendance)
    expect(early.status).toBe(409)
    expect(await early.json()).toMatchObject({
      code: 'MEETING_WRONG_STATE',
      details: { meetingId, startsAt: '1923-12-02T10:00:00.000Z' },
    })
    t.clock.set('1923-12-02T10:00:00Z')
    const res = await send('PUT', `/api/meetings/${meetingId}/attendance`, t.cookies.secretary, attendance)
    // Back before the start: the next test shows the minutes refused until it.
    t.clock.set('1923-12-02T09:00:00Z')
    expect(res.status).toBe(200)
    const meeting = (await res.json()) as MeetingBody
    expect(meeting.quorum).toEqual({
      decidingMembers: 4,
      required: 2,
      present: 2,
      quorate: true,
      ruleId: 'deliberation.quorum',
    })
    expect(meeting.attendance.map((a) => [a.fullName, a.counts])).toEqual([
      ['Anna A', true],
      ['Boris B', false],
      ['Fyodor F', true],
      ['Kolya Candidate', false],
    ])
    expect(meeting.sequence).toBe(1)
    const member = await send('PUT', `/api/meetings/${meetingId}/attendance`, t.cookies.anna, {
      memberIds: [],
    })
    expect(member.status).toBe(403)
  })

  it('holds the meeting with its minutes once it has started', async () => {
    const early = await send('PUT', `/api/meetings/${meetingId}/minutes`, t.cookies.secretary, {
      minutes: 'Met.',
    })
    expect(early.status).toBe(409)
    expect(((await early.json()) as ErrorBody).code).toBe('MEETING_WRONG_STATE')
    t.clock.set('1923-12-02T10:30:00Z')
    const events = await t.eventCount()
    const huge = await send('PUT', `/api/meetings/${meetingId}/minutes`, t.cookies.secretary, {
      minutes: 'x'.repeat(JSON_LIMIT),
    })
    expect(huge.status).toBe(413)
    const empty = await send('PUT', `/api/meetings/${meetingId}/minutes`, t.cookies.secretary, {
      minutes: ' ',
    })
    expect(empty.status).toBe(400)
    const tooLong = await send('PUT', `/api/meetings/${meetingId}/minutes`, t.cookies.secretary, {
      minutes: 'x'.repeat(50_001),
    })
    expect(tooLong.status).toBe(400)
    expect(await t.eventCount()).toBe(events)
    const res = await send('PUT', `/api/meetings/${meetingId}/minutes`, t.cookies.secretary, {
      minutes: 'Rifles for the Volga: agreed. Reading room: opened.',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ state: 'held', sequence: 2, permissions: { canCancel: false } })
    const outsider = (await (await get(`/api/meetings/${meetingId}`, t.cookies.fyodor)).json()) as MeetingBody
    expect(outsider).toMatchObject({ minutes: null, hasMinutes: true, withheld: true })
    const insider = (await (await get(`/api/meetings/${meetingId}`, t.cookies.anna)).json()) as MeetingBody
    expect(insider.minutes).toBe('Rifles for the Volga: agreed. Reading room: opened.')
    const again = await send('PUT', `/api/meetings/${meetingId}/minutes`, t.cookies.secretary, {
      minutes: 'Again.',
    })
    expect(again.status).toBe(409)
  })

  it('exports iCalendar: stable UID, UTC times, SEQUENCE bumped by changes, CANCELLED', async () => {
    const res = await get(`/api/meetings/${meetingId}/calendar.ics`, t.cookies.fyodor)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await res.text()
    expect(text.toLowerCase()).not.toContain('rifles')
    const { calendar, events } = parseIcs(text)
    expect(calendar).toMatchObject({ VERSION: '2.0', PRODID: '-//Charter//Meetings//EN' })
    expect(events).toEqual([
      expect.objectContaining({
        UID: `meeting-${meetingId}@localhost`,
        SEQUENCE: '2',
        STATUS: 'CONFIRMED',
        DTSTART: '19231202T100000Z',
        DTEND: '19231202T120000Z',
        SUMMARY: `Meeting of ${t.tree.unitA.name}`,
        DESCRIPTION: 'Agenda:\n1. Reading room\n2. Confidential question',
      }),
    ])
    expect(events[0]).not.toHaveProperty('LOCATION')
    expect(text).not.toContain('General meeting')
    expect(text.toLowerCase()).not.toContain('agreed')
    const insider = parseIcs(
      await (await get(`/api/meetings/${meetingId}/calendar.ics`, t.cookies.anna)).text(),
    )
    expect(insider.events[0]).toMatchObject({
      SUMMARY: 'General meeting',
      LOCATION: 'Mill canteen',
      DESCRIPTION: 'Agenda:\n1. Reading room\n2. Rifles for the Volga',
    })

    const next = (await (
      await send(
        'POST',
        `/api/bodies/${t.tree.unitA.id}/meetings`,
        t.cookies.secretary,
        meetingInput({
          startsAt: '1923-12-22T17:00:00Z',
          endsAt: '1923-12-22T19:00:00Z',
          agendaQuestionIds: [],
        }),
      )
    ).json()) as MeetingBody
    const feed = async () =>
      parseIcs(await (await get(`/api/bodies/${t.tree.unitA.id}/meetings.ics`, t.cookies.anna)).text()).events
    expect((await feed()).map((e) => [e.UID, e.SEQUENCE, e.STATUS])).toEqual([
      [`meeting-${meetingId}@localhost`, '2', 'CONFIRMED'],
      [`meeting-${next.id}@localhost`, '0', 'CONFIRMED'],
    ])
    const cancelled = await t.app.request(`/api/meetings/${next.id}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: t.cookies.secretary },
    })
    expect(cancelled.status).toBe(200)
    expect(await cancelled.json()).toMatchObject({ state: 'cancelled', sequence: 1 })
    expect((await feed()).find((e) => e.UID === `meeting-${next.id}@localhost`)).toMatchObject({
      SEQUENCE: '1',
      STATUS: 'CANCELLED',
    })
    expect((await get(`/api/bodies/${t.tree.unitA.id}/meetings.ics`, t.cookies.boris)).status).toBe(403)
  })

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const events = await t.eventCount()
    const meetings = async () => (await t.database.db.selectFrom('meetings').select('id').execute()).length
    const before = await meetings()
    const path = `/api/bodies/${t.tree.unitA.id}/meetings`
    const backwards = await send(
      'POST',
      path,
      t.cookies.secretary,
      meetingInput({ endsAt: '1923-12-02T12:00:00+03:00' }),
    )
    expect(backwards.status).toBe(400)
    expect(((await backwards.json()) as ErrorBody).details).toMatchObject({ issues: [{ path: 'endsAt' }] })
    const untitled = await send('POST', path, t.cookies.secretary, meetingInput({ title: '' }))
    expect(untitled.status).toBe(400)
    const foreign = await t.run((ctx) => raiseTestQuestion(ctx, t.tree.unitB.id, 'Elsewhere'))
    const wrongBody = await send(
      'POST',
      path,
      t.cookies.admin,
      meetingInput({ agendaQuestionIds: [openId, foreign.id] }),
    )
    expect(wrongBody.status).toBe(400)
    expect(((await wrongBody.json()) as ErrorBody).details).toMatchObject({
      issues: [{ path: 'agendaQuestionIds.1' }],
    })
    const eventsAfterRaise = await t.eventCount()
    const unknownQuestion = await send(
      'POST',
      path,
      t.cookies.secretary,
      meetingInput({ agendaQuestionIds: [999_999] }),
    )
    expect(unknownQuestion.status).toBe(404)
    expect((await send('POST', '/api/bodies/999999/meetings', t.cookies.admin, meetingInput())).status).toBe(
      404,
    )
    expect((await get('/api/bodies/999999/meetings', t.cookies.admin)).status).toBe(404)
    expect((await get('/api/meetings/999999', t.cookies.admin)).status).toBe(404)
    expect((await get('/api/meetings/999999/calendar.ics', t.cookies.admin)).status).toBe(404)
    expect((await get('/api/bodies/999999/meetings.ics', t.cookies.admin)).status).toBe(404)
    const ghost = await send('PUT', '/api/meetings/999999/attendance', t.cookies.admin, { memberIds: [] })
    expect(ghost.status).toBe(404)
    const ghostMember = await send('PUT', `/api/meetings/${meetingId}/attendance`, t.cookies.secretary, {
      memberIds: [999_999],
    })
    expect(ghostMember.status).toBe(404)
    expect(((await ghostMember.json()) as ErrorBody).code).toBe('MEMBER_NOT_FOUND')
    expect(await meetings()).toBe(before)
    expect(await t.eventCount()).toBe(eventsAfterRaise)
    expect(eventsAfterRaise).toBeGreaterThan(events)
  })
})
