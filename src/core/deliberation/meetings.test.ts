import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { charterInForce } from '../charter/charter-in-force.ts'
import { cancelMeeting } from './cancel-meeting.ts'
import { getMeeting } from './get-meeting.ts'
import { raiseTestQuestion } from './meeting-test-support.ts'
import { recordAttendance } from './record-attendance.ts'
import { recordMinutes } from './record-minutes.ts'
import { scheduleMeeting } from './schedule-meeting.ts'
import { type DeliberationTest, NOW, openDeliberationTest } from './test-fixture.ts'
import { writeDecision } from './write-decision.ts'

let t: DeliberationTest
beforeAll(async () => {
  t = await openDeliberationTest()
})
afterAll(async () => {
  await t.database.drop()
})

const question = (bodyId: number, title = 'Canteen hours') =>
  t.run((ctx) => raiseTestQuestion(ctx, bodyId, title))

const meetingOf = (
  bodyId: number,
  agendaQuestionIds: number[] = [],
  startsAt = '1923-12-08T18:00:00+03:00',
) =>
  t.run((ctx) =>
    scheduleMeeting(ctx, {
      bodyId,
      title: 'General meeting',
      startsAt,
      endsAt: new Date(new Date(startsAt).getTime() + 2 * 3_600_000).toISOString(),
      place: 'Mill canteen',
      agendaQuestionIds,
    }),
  )

/** Runs `work` with the clock at the meeting's start (attendance is taken once it sits), then puts it back. */
async function duringMeeting<T>(meeting: { readonly starts_at: Date }, work: () => Promise<T>): Promise<T> {
  t.clock.set(new Date(meeting.starts_at))
  try {
    return await work()
  } finally {
    t.clock.set(NOW)
  }
}

const meetingCount = async () => (await t.db.selectFrom('meetings').select('id').execute()).length
const eventCount = async () => (await t.db.selectFrom('events').select('id').execute()).length

describe('scheduling a meeting', () => {
  it('keeps its agenda in order and logs meeting.scheduled', async () => {
    const first = await question(t.tree.unitA1.id, 'First')
    const second = await question(t.tree.unitA1.id, 'Second')
    const meeting = await meetingOf(t.tree.unitA1.id, [second.id, first.id])
    expect(meeting).toMatchObject({ state: 'scheduled', sequence: 0, place: 'Mill canteen' })
    expect(new Date(meeting.starts_at).toISOString()).toBe('1923-12-08T15:00:00.000Z')
    const agenda = await t.db
      .selectFrom('meeting_agenda')
      .select(['position', 'question_id'])
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .execute()
    expect(agenda).toEqual([
      { position: 1, question_id: second.id },
      { position: 2, question_id: first.id },
    ])
    const events = await t.eventsOf('meeting', meeting.id)
    expect(events.map((e) => e.type)).toEqual(['meeting.scheduled'])
    expect(events[0]?.payload).toMatchObject({ meetingId: meeting.id, agenda: [second.id, first.id] })
  })

  it('refuses another body’s question (naming the agenda entry), an unknown one, and bad times or titles', async () => {
    const own = await question(t.tree.unitA1.id)
    const foreign = await question(t.tree.unitA2.id)
    const [meetings, events] = [await meetingCount(), await eventCount()]
    const base = {
      bodyId: t.tree.unitA1.id,
      title: 'M',
      startsAt: '1923-12-08T18:00:00Z',
      endsAt: '1923-12-08T19:00:00Z',
    }
    const error = await t.refusal((ctx) =>
      scheduleMeeting(ctx, { ...base, agendaQuestionIds: [own.id, foreign.id] }),
    )
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details).toMatchObject({ issues: [{ path: 'agendaQuestionIds.1' }] })
    const unknown = await t.refusal((ctx) => scheduleMeeting(ctx, { ...base, agendaQuestionIds: [987_654] }))
    expect(unknown.code).toBe('QUESTION_NOT_FOUND')
    const backwards = await t.refusal((ctx) =>
      scheduleMeeting(ctx, {
        ...base,
        startsAt: '1923-12-08T19:00:00Z',
        endsAt: '1923-12-08T18:00:00Z',
        agendaQuestionIds: [],
      }),
    )
    expect(backwards.code).toBe('VALIDATION_FAILED')
    expect(backwards.details).toMatchObject({ issues: [{ path: 'endsAt' }] })
    const untitled = await t.refusal((ctx) =>
      scheduleMeeting(ctx, { ...base, title: '   ', agendaQuestionIds: [] }),
    )
    expect(untitled.details).toMatchObject({ issues: [{ path: 'title' }] })
    const localTime = await t.refusal((ctx) =>
      scheduleMeeting(ctx, { ...base, startsAt: '1923-12-08T18:00:00', agendaQuestionIds: [] }),
    )
    expect(localTime.details).toMatchObject({ issues: [{ path: 'startsAt' }] })
    const nowhere = await t.refusal((ctx) =>
      scheduleMeeting(ctx, { ...base, bodyId: 999_999, agendaQuestionIds: [] }),
    )
    expect(nowhere.code).toBe('BODY_NOT_FOUND')
    expect([await meetingCount(), await eventCount()]).toEqual([meetings, events])
  })
})

describe('recording attendance', () => {
  it('refuses attendance before the meeting starts, naming its start, and changes nothing', async () => {
    const meeting = await meetingOf(t.tree.unitA1.id)
    const events = await eventCount()
    const early = await t.refusal((ctx) =>
      recordAttendance(ctx, { meetingId: meeting.id, memberIds: [t.vera.id, t.nina.id] }),
    )
    expect(early).toMatchObject({
      code: 'MEETING_WRONG_STATE',
      details: { meetingId: meeting.id, state: 'scheduled', startsAt: '1923-12-08T15:00:00.000Z' },
    })
    const row = await t.db
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ present_count: null, quorum_required: null, sequence: 0 })
    expect(
      await t.db
        .selectFrom('meeting_attendance')
        .select('member_id')
        .where('meeting_id', '=', meeting.id)
        .execute(),
    ).toEqual([])
    expect(await eventCount()).toBe(events)
  })

  it('computes the quorum from the deciding members who came; a candidate and an outsider do not count', async () => {
    const meeting = await meetingOf(t.tree.unitA1.id)
    const [recorded, corrected] = await duringMeeting(meeting, async () => [
      await t.run((ctx) =>
        recordAttendance(ctx, { meetingId: meeting.id, memberIds: [t.vera.id, t.kolya.id, t.boris.id] }),
      ),
      await t.run((ctx) =>
        recordAttendance(ctx, { meetingId: meeting.id, memberIds: [t.vera.id, t.nina.id, t.kolya.id] }),
      ),
    ])
    // Four full members in A1 decide; half of them (2) make the quorum; only vera counts at first.
    expect(recorded).toMatchObject({
      deciding_members: 4,
      quorum_required: 2,
      present_count: 1,
      quorum_rule_id: 'deliberation.quorum',
      sequence: 1,
    })
    expect(corrected).toMatchObject({ present_count: 2, quorum_required: 2, sequence: 2 })
    const view = await getMeeting(t.db, {
      meetingId: meeting.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
    })
    expect(view.attendance.map((a) => [a.fullName, a.counts])).toEqual([
      ['Kolya Candidate', false],
      ['Nina Third', true],
      ['Vera Veteran', true],
    ])
    expect(view.quorum).toEqual({
      decidingMembers: 4,
      required: 2,
      present: 2,
      quorate: true,
      ruleId: 'deliberation.quorum',
    })
    const events = await t.eventsOf('meeting', meeting.id)
    expect(events.map((e) => [e.type, (e.payload as { quorate?: boolean }).quorate])).toEqual([
      ['meeting.scheduled', undefined],
      ['meeting.attendance_recorded', false],
      ['meeting.attendance_recorded', true],
    ])
  })

  it('refuses an unknown member or meeting, and a cancelled meeting, changing nothing', async () => {
    const meeting = await meetingOf(t.tree.unitA1.id)
    await duringMeeting(meeting, async () => {
      await t.run((ctx) => recordAttendance(ctx, { meetingId: meeting.id, memberIds: [t.vera.id] }))
      const events = await eventCount()
      const ghost = await t.refusal((ctx) =>
        recordAttendance(ctx, { meetingId: meeting.id, memberIds: [t.nina.id, 999_999] }),
      )
      expect(ghost).toMatchObject({ code: 'MEMBER_NOT_FOUND', details: { memberIds: [999_999] } })
      const twice = await t.refusal((ctx) =>
        recordAttendance(ctx, { meetingId: meeting.id, memberIds: [t.nina.id, t.nina.id] }),
      )
      expect(twice.code).toBe('VALIDATION_FAILED')
      const nowhere = await t.refusal((ctx) => recordAttendance(ctx, { meetingId: 999_999, memberIds: [] }))
      expect(nowhere.code).toBe('MEETING_NOT_FOUND')
      const after = await getMeeting(t.db, { meetingId: meeting.id, viewerMemberId: null, today: t.today() })
      expect(after.attendance.map((a) => a.memberId)).toEqual([t.vera.id])
      expect(after.sequence).toBe(1)
      await t.run((ctx) => cancelMeeting(ctx, { meetingId: meeting.id }))
      const cancelled = await t.refusal((ctx) =>
        recordAttendance(ctx, { meetingId: meeting.id, memberIds: [] }),
      )
      expect(cancelled).toMatchObject({ code: 'MEETING_WRONG_STATE', details: { state: 'cancelled' } })
      expect(await eventCount()).toBe(events + 1)
    })
  })
})

describe('minutes and cancellation', () => {
  it('holds a meeting with its minutes once it has started, and only then', async () => {
    const meeting = await meetingOf(t.tree.unitA1.id, [], '1923-12-02T10:00:00Z')
    const early = await t.refusal((ctx) => recordMinutes(ctx, { meetingId: meeting.id, minutes: 'We met.' }))
    expect(early).toMatchObject({
      code: 'MEETING_WRONG_STATE',
      details: { startsAt: '1923-12-02T10:00:00.000Z' },
    })
    t.clock.set('1923-12-02T12:30:00Z')
    try {
      const tooLong = await t.refusal((ctx) =>
        recordMinutes(ctx, { meetingId: meeting.id, minutes: 'x'.repeat(50_001) }),
      )
      expect(tooLong.details).toMatchObject({ issues: [{ path: 'minutes' }] })
      const empty = await t.refusal((ctx) => recordMinutes(ctx, { meetingId: meeting.id, minutes: ' \n ' }))
      expect(empty.code).toBe('VALIDATION_FAILED')
      const held = await t.run((ctx) =>
        recordMinutes(ctx, { meetingId: meeting.id, minutes: 'We met and agreed.' }),
      )
      expect(held).toMatchObject({ state: 'held', minutes: 'We met and agreed.', sequence: 1 })
      const again = await t.refusal((ctx) => recordMinutes(ctx, { meetingId: meeting.id, minutes: 'Again.' }))
      expect(again).toMatchObject({ code: 'MEETING_WRONG_STATE', details: { state: 'held' } })
      const cancel = await t.refusal((ctx) => cancelMeeting(ctx, { meetingId: meeting.id }))
      expect(cancel.code).toBe('MEETING_WRONG_STATE')
      expect((await t.eventsOf('meeting', meeting.id)).map((e) => e.type)).toEqual([
        'meeting.scheduled',
        'meeting.minutes_recorded',
      ])
    } finally {
      t.clock.set(NOW)
    }
  })

  it('cancels a scheduled meeting and bumps its sequence', async () => {
    const meeting = await meetingOf(t.tree.unitA1.id)
    const cancelled = await t.run((ctx) => cancelMeeting(ctx, { meetingId: meeting.id }))
    expect(cancelled).toMatchObject({ state: 'cancelled', sequence: 1 })
    expect((await t.eventsOf('meeting', meeting.id)).map((e) => e.type)).toEqual([
      'meeting.scheduled',
      'meeting.cancelled',
    ])
    expect((await t.refusal((ctx) => cancelMeeting(ctx, { meetingId: meeting.id }))).code).toBe(
      'MEETING_WRONG_STATE',
    )
  })

  it('refuses to cancel a meeting at which a decision was taken', async () => {
    const q = await question(t.tree.unitA1.id, 'Decided at the meeting')
    const meeting = await meetingOf(t.tree.unitA1.id, [q.id])
    await t.run(async (ctx) => {
      const version = await charterInForce(ctx.db, t.today())
      return writeDecision(ctx, {
        question: q,
        kind: 'vote',
        outcome: 'adopted',
        exception: null,
        discussionCompleted: true,
        charterVersionId: version.versionId,
        decidedAt: ctx.clock.now(),
        meetingId: meeting.id,
      })
    })
    const refused = await t.refusal((ctx) => cancelMeeting(ctx, { meetingId: meeting.id }))
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { meetingId: meeting.id } })
    expect((await t.eventsOf('meeting', meeting.id)).map((e) => e.type)).toEqual(['meeting.scheduled'])
  })
})
