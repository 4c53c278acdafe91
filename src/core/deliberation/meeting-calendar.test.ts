import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cancelMeeting } from './cancel-meeting.ts'
import { bodyCalendar, meetingCalendar } from './meeting-calendar.ts'
import { parseIcs, raiseTestQuestion } from './meeting-test-support.ts'
import { recordAttendance } from './record-attendance.ts'
import { scheduleMeeting } from './schedule-meeting.ts'
import { type DeliberationTest, NOW, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
beforeAll(async () => {
  t = await openDeliberationTest()
})
afterAll(async () => {
  await t.database.drop()
})

const question = (bodyId: number, title = 'Canteen hours') =>
  t.run((ctx) => raiseTestQuestion(ctx, bodyId, title))

describe('the iCalendar export', () => {
  it('gives each meeting a stable UID, UTC times, and a SEQUENCE that grows with each change', async () => {
    const q = await question(t.tree.unitB1.id, 'Harvest, and; the mill')
    const meeting = await t.run((ctx) =>
      scheduleMeeting(ctx, {
        bodyId: t.tree.unitB1.id,
        title: 'Village meeting',
        startsAt: '1923-12-09T19:30:00+05:00',
        endsAt: '1923-12-09T21:00:00+05:00',
        place: 'School, room 2',
        agendaQuestionIds: [q.id],
      }),
    )
    const read = async () =>
      parseIcs(
        await bodyCalendar(t.db, {
          bodyId: t.tree.unitB1.id,
          viewerMemberId: null,
          today: t.today(),
          uidDomain: 'charter.example',
        }),
      )
    const before = await read()
    expect(before.calendar).toMatchObject({ VERSION: '2.0', 'X-WR-CALNAME': 'Unit B1' })
    expect(before.events).toHaveLength(1)
    expect(before.events[0]).toMatchObject({
      UID: `meeting-${meeting.id}@charter.example`,
      SEQUENCE: '0',
      STATUS: 'CONFIRMED',
      DTSTART: '19231209T143000Z',
      DTEND: '19231209T160000Z',
      SUMMARY: 'Village meeting',
      LOCATION: 'School, room 2',
      DESCRIPTION: 'Agenda:\n1. Harvest, and; the mill',
    })
    expect(before.lines).toContain('LOCATION:School\\, room 2')

    // Attendance is taken once the meeting sits; then the clock goes back to the test's day.
    t.clock.set(new Date(meeting.starts_at))
    await t.run((ctx) => recordAttendance(ctx, { meetingId: meeting.id, memberIds: [t.boris.id] }))
    await t.run((ctx) => cancelMeeting(ctx, { meetingId: meeting.id }))
    t.clock.set(NOW)
    const after = await read()
    expect(after.events[0]).toMatchObject({
      UID: `meeting-${meeting.id}@charter.example`,
      SEQUENCE: '2',
      STATUS: 'CANCELLED',
    })

    const single = parseIcs(
      await meetingCalendar(t.db, { meetingId: meeting.id, viewerMemberId: null, today: t.today() }),
    )
    expect(single.events[0]?.UID).toBe(`meeting-${meeting.id}@charter`)
    const nowhere = await t.refusal((ctx) =>
      meetingCalendar(ctx.db, { meetingId: 999_999, viewerMemberId: null, today: t.today() }),
    )
    expect(nowhere.code).toBe('MEETING_NOT_FOUND')
  })
})
