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
  it('shows the confidential item to its audience only; outsiders get no title, place or minutes of the meeting', async () => {
    const secret = await t.run((ctx) =>
      raiseTestQuestion(ctx, t.tree.unitA1.id, 'Rifles for the Volga', [t.vera.id]),
    )
    const open = await question(t.tree.unitA1.id, 'Reading room')
    const meeting = await t.run((ctx) =>
      scheduleMeeting(ctx, {
        bodyId: t.tree.unitA1.id,
        // A paraphrase, not the title: no text matching could have caught it.
        title: 'Closed sitting: guns for the river',
        place: 'Behind the Volga depot',
        startsAt: '1923-12-02T06:00:00Z',
        endsAt: '1923-12-02T08:00:00Z',
        agendaQuestionIds: [open.id, secret.id],
      }),
    )
    await t.run((ctx) =>
      recordMinutes(ctx, {
        meetingId: meeting.id,
        minutes: 'Item 2, the rifles: agreed. Reading room: opened.',
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
    expect(insider).toMatchObject({
      title: 'Closed sitting: guns for the river',
      place: 'Behind the Volga depot',
      minutes: 'Item 2, the rifles: agreed. Reading room: opened.',
      withheld: false,
      withheldReason: null,
    })

    const outsider = await getMeeting(t.db, {
      meetingId: meeting.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
    })
    expect(outsider.agenda).toEqual([
      { position: 1, question: expect.objectContaining({ title: 'Reading room', redacted: false }) },
      {
        position: 2,
        question: {
          id: secret.id,
          bodyId: t.tree.unitA1.id,
          raisedOn: '1923-12-02',
          confidential: true,
          redacted: true,
        },
      },
    ])
    expect(outsider).toMatchObject({
      id: meeting.id,
      bodyName: 'Unit A1',
      title: null,
      place: null,
      minutes: null,
      withheld: true,
      withheldReason: 'the agenda has a confidential item',
      state: 'held',
      hasMinutes: true,
      startsAt: '1923-12-02T06:00:00.000Z',
    })
    expect(JSON.stringify(outsider).toLowerCase()).not.toMatch(/rifles|volga|guns/)

    const page = await listMeetings(t.db, {
      bodyId: t.tree.unitA1.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
      from: '1923-12-02',
      to: '1923-12-02',
    })
    expect(page.items.map((m) => m.id)).toContain(meeting.id)
    expect(page.items.every((m) => m.startsAt.startsWith('1923-12-02'))).toBe(true)
    expect(JSON.stringify(page).toLowerCase()).not.toMatch(/rifles|volga|guns/)
    expect(page.items.find((m) => m.id === meeting.id)).toMatchObject({
      state: 'held',
      hasMinutes: true,
      title: null,
      place: null,
      withheld: true,
    })

    const ics = await meetingCalendar(t.db, {
      meetingId: meeting.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
    })
    expect(ics.toLowerCase()).not.toMatch(/rifles|volga|guns/)
    const [event] = parseIcs(ics).events
    expect(event?.SUMMARY).toBe('Meeting of Unit A1')
    expect(event).not.toHaveProperty('LOCATION')
    expect(event?.DESCRIPTION).toBe('Agenda:\n1. Reading room\n2. Confidential question')
    const [insiderEvent] = parseIcs(
      await meetingCalendar(t.db, { meetingId: meeting.id, viewerMemberId: t.vera.id, today: t.today() }),
    ).events
    expect(insiderEvent).toMatchObject({
      SUMMARY: 'Closed sitting: guns for the river',
      LOCATION: 'Behind the Volga depot',
      DESCRIPTION: 'Agenda:\n1. Reading room\n2. Rifles for the Volga',
    })
  })

  it('gives an officer outside the audience no way to test a guess at the secret title', async () => {
    const secret = await t.run((ctx) =>
      raiseTestQuestion(ctx, t.tree.unitA1.id, 'Powder for the bridge', [t.vera.id]),
    )
    const probe = (title: string) =>
      t.run((ctx) =>
        scheduleMeeting(ctx, {
          bodyId: t.tree.unitA1.id,
          title,
          startsAt: '1923-12-20T06:00:00Z',
          endsAt: '1923-12-20T08:00:00Z',
          agendaQuestionIds: [secret.id],
        }),
      )
    const right = await probe('Powder for the bridge')
    const wrong = await probe('Flour for the mill')
    const seen = async (meetingId: number) => {
      const { id, sequence, createdAt, ...rest } = await getMeeting(t.db, {
        meetingId,
        viewerMemberId: t.semyon.id,
        today: t.today(),
      })
      return rest
    }
    // The right guess and the wrong one read the same: nothing in the answer depends on the title.
    expect(await seen(right.id)).toEqual(await seen(wrong.id))
    expect(await seen(right.id)).toMatchObject({ title: null, withheld: true })
    const ordinary = await t.run((ctx) =>
      scheduleMeeting(ctx, {
        bodyId: t.tree.unitA1.id,
        title: 'Open sitting',
        startsAt: '1923-12-21T06:00:00Z',
        endsAt: '1923-12-21T08:00:00Z',
        agendaQuestionIds: [],
      }),
    )
    expect(
      await getMeeting(t.db, { meetingId: ordinary.id, viewerMemberId: t.semyon.id, today: t.today() }),
    ).toMatchObject({ title: 'Open sitting', place: '', withheld: false, withheldReason: null })
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
    expect(all.items).toHaveLength(7)
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
