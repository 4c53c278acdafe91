import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getMeeting } from './get-meeting.ts'
import { listMeetings } from './list-meetings.ts'
import { meetingCalendar } from './meeting-calendar.ts'
import { parseIcs, raiseTestQuestion } from './meeting-test-support.ts'
import { recordMinutes } from './record-minutes.ts'
import { scheduleMeeting } from './schedule-meeting.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
beforeAll(async () => {
  t = await openDeliberationTest()
})
afterAll(async () => {
  await t.database.drop()
})

const question = (bodyId: number, title = 'Canteen hours') =>
  t.run((ctx) => raiseTestQuestion(ctx, bodyId, title))

describe('reading meetings and a confidential agenda item', () => {
  it('shows the confidential item’s title to its audience only, in the agenda, title, minutes and calendar', async () => {
    const secret = await t.run((ctx) =>
      raiseTestQuestion(ctx, t.tree.unitA1.id, 'Rifles for the Volga', [t.vera.id]),
    )
    const open = await question(t.tree.unitA1.id, 'Reading room')
    const meeting = await t.run((ctx) =>
      scheduleMeeting(ctx, {
        bodyId: t.tree.unitA1.id,
        title: 'Closed sitting: rifles for the volga',
        startsAt: '1923-12-02T06:00:00Z',
        endsAt: '1923-12-02T08:00:00Z',
        agendaQuestionIds: [open.id, secret.id],
      }),
    )
    await t.run((ctx) =>
      recordMinutes(ctx, {
        meetingId: meeting.id,
        minutes: 'Item 2, Rifles for the Volga: agreed. Reading room: opened.',
      }),
    )
    const insider = await getMeeting(t.db, {
      meetingId: meeting.id,
      viewerMemberId: t.vera.id,
      today: t.today(),
    })
    expect(insider.agenda.map((e) => (e.question.redacted ? null : e.question.title))).toEqual([
      'Reading room',
      'Rifles for the Volga',
    ])
    expect(insider.minutes).toContain('Rifles for the Volga')

    const outsider = await getMeeting(t.db, {
      meetingId: meeting.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
    })
    expect(outsider.agenda[1]).toEqual({
      position: 2,
      question: {
        id: secret.id,
        bodyId: t.tree.unitA1.id,
        raisedOn: '1923-12-02',
        confidential: true,
        redacted: true,
      },
    })
    expect(outsider.title).toBe('Closed sitting: [Confidential question]')
    expect(outsider.minutes).toBe('Item 2, [Confidential question]: agreed. Reading room: opened.')
    expect(JSON.stringify(outsider).toLowerCase()).not.toContain('rifles')

    const page = await listMeetings(t.db, {
      bodyId: t.tree.unitA1.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
      from: '1923-12-02',
      to: '1923-12-02',
    })
    expect(page.items.map((m) => m.id)).toContain(meeting.id)
    expect(page.items.every((m) => m.startsAt.startsWith('1923-12-02'))).toBe(true)
    expect(JSON.stringify(page).toLowerCase()).not.toContain('rifles')
    expect(page.items.find((m) => m.id === meeting.id)).toMatchObject({ state: 'held', hasMinutes: true })

    const ics = await meetingCalendar(t.db, {
      meetingId: meeting.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
    })
    expect(ics.toLowerCase()).not.toContain('rifles')
    const [event] = parseIcs(ics).events
    expect(event?.DESCRIPTION).toBe('Agenda:\n1. Reading room\n2. Confidential question')
    const insiderIcs = parseIcs(
      await meetingCalendar(t.db, { meetingId: meeting.id, viewerMemberId: t.vera.id, today: t.today() }),
    )
    expect(insiderIcs.events[0]?.DESCRIPTION).toBe('Agenda:\n1. Reading room\n2. Rifles for the Volga')
  })

  it('pages a body’s meetings, latest first', async () => {
    for (const day of ['1923-12-09', '1923-12-05', '1923-12-16']) {
      await t.run((ctx) =>
        scheduleMeeting(ctx, {
          bodyId: t.tree.unitA1.id,
          title: `Meeting of ${day}`,
          startsAt: `${day}T17:00:00Z`,
          endsAt: `${day}T19:00:00Z`,
          agendaQuestionIds: [],
        }),
      )
    }
    const all = await listMeetings(t.db, {
      bodyId: t.tree.unitA1.id,
      viewerMemberId: null,
      today: t.today(),
      limit: 500,
    })
    const first = await listMeetings(t.db, {
      bodyId: t.tree.unitA1.id,
      viewerMemberId: null,
      today: t.today(),
      limit: 2,
    })
    expect(first.items).toHaveLength(2)
    const second = await listMeetings(t.db, {
      bodyId: t.tree.unitA1.id,
      viewerMemberId: null,
      today: t.today(),
      limit: 500,
      after: first.nextCursor ?? '',
    })
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual(all.items.map((m) => m.id))
    expect(all.items).toHaveLength(4)
    const starts = all.items.map((m) => m.startsAt)
    expect([...starts].sort().reverse()).toEqual(starts)
    expect(
      (
        await t.refusal((ctx) =>
          listMeetings(ctx.db, { bodyId: 999_999, viewerMemberId: null, today: t.today() }),
        )
      ).code,
    ).toBe('BODY_NOT_FOUND')
  })
})
