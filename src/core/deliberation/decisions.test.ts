import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decisionSteps } from './decision-test-helpers.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
let s: ReturnType<typeof decisionSteps>
beforeAll(async () => {
  t = await openDeliberationTest()
  s = decisionSteps(t)
})
afterAll(async () => {
  await t.database.drop()
})

const votesRow = (questionId: number) =>
  t.db.selectFrom('question_votes').selectAll().where('question_id', '=', questionId).executeTakeFirst()

describe('opening the body’s vote', () => {
  it('refuses a major question whose discussion is not completed, citing the major rule, and changes nothing', async () => {
    const question = await s.raise({ topic: 'economic-policy' })
    const error = await s.refused(s.open(question.id, 'yes-no'))
    expect(error.code).toBe('DISCUSSION_REQUIRED')
    expect(error.details).toMatchObject({ ruleId: 'deliberation.major', questionId: question.id })
    expect((await s.questionRow(question.id)).state).toBe('discussion')
    expect(await votesRow(question.id)).toBeUndefined()
    expect((await t.eventsOf('question', question.id)).map((e) => e.type)).toEqual([
      'question.raised',
      'discussion.opened',
    ])
  })

  it('closes a minor question’s discussion itself, but not before the minimum', async () => {
    const question = await s.raise({ topic: 'canteen' })
    const early = await s.refused(s.open(question.id, 'yes-no'))
    expect(early.code).toBe('DISCUSSION_TOO_EARLY')
    expect(early.details).toMatchObject({ ruleId: 'deliberation.limits' })
    t.clock.advanceDays(7)
    const opened = await s.open(question.id)
    expect(opened.question).toMatchObject({ state: 'voting', discussion_close_reason: 'early' })
    expect(opened.options).toEqual([{ commentId: null }])
    const types = (await t.eventsOf('question', question.id)).map((e) => e.type)
    expect(types.slice(-2)).toEqual(['discussion.closed', 'decision.vote_opened'])
  })

  it('refuses a choice with no counter-proposal, and a question already voting', async () => {
    const question = await s.discussed('canteen')
    const error = await s.refused(s.open(question.id, 'choice'))
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details).toMatchObject({ issues: [{ path: 'method' }] })
    expect((await s.questionRow(question.id)).state).toBe('discussed')
    await s.open(question.id)
    const again = await s.refused(s.open(question.id))
    expect(again.code).toBe('QUESTION_WRONG_PHASE')
  })

  it('answers an unknown question with QUESTION_NOT_FOUND for every step', async () => {
    for (const work of [
      () => s.open(987_654),
      () => s.cast(987_654, t.vera.id, { choice: 'yes' }),
      () => s.close(987_654),
    ]) {
      expect((await s.refused(work())).code).toBe('QUESTION_NOT_FOUND')
    }
  })
})

describe('voting and deciding with the quorum', () => {
  it('decides a major question after its discussion, once the quorum has voted', async () => {
    const question = await s.discussed('economic-policy')
    await s.open(question.id)
    await s.cast(question.id, t.vera.id, { choice: 'yes' })

    // Four deciding members in unit A1; half of them make the quorum.
    const short = await s.refused(s.close(question.id))
    expect(short.code).toBe('QUORUM_NOT_MET')
    expect(short.details).toMatchObject({
      ruleId: 'deliberation.quorum',
      required: 2,
      present: 1,
      decidingMembers: 4,
    })
    expect((await s.questionRow(question.id)).state).toBe('voting')
    expect(await s.decisionOf(question.id)).toBeUndefined()

    await s.cast(question.id, t.semyon.id, { choice: 'no' })
    await s.cast(question.id, t.nina.id, { choice: 'yes' })
    const decision = await s.close(question.id)
    expect(decision).toMatchObject({
      kind: 'vote',
      outcome: 'adopted',
      method: 'yes-no',
      exception: null,
      discussion_completed: true,
      discussion_rule_id: 'deliberation.major',
      yes_count: 2,
      no_count: 1,
      abstain_count: 0,
      deciding_members: 4,
      quorum_required: 2,
      present: 3,
      quorum_rule_id: 'deliberation.quorum',
      meeting_id: null,
    })
    expect((await s.questionRow(question.id)).state).toBe('decided')
    // The vote's record stays: the roll call is part of the decision.
    expect(await votesRow(question.id)).toBeDefined()
    expect(await s.ballotCount(question.id)).toBe(3)
    const events = await t.eventsOf('decision', decision.id)
    expect(events.map((e) => e.type)).toEqual(['decision.taken'])
    expect(events[0]?.payload).toMatchObject({ discussionCompleted: true, quorumRequired: 2, present: 3 })
  })

  it('rejects the proposal when no more vote yes than no', async () => {
    const question = await s.discussed('canteen')
    await s.open(question.id)
    await s.cast(question.id, t.vera.id, { choice: 'yes' })
    await s.cast(question.id, t.semyon.id, { choice: 'no' })
    await s.cast(question.id, t.lidia.id, { choice: 'abstain' })
    const decision = await s.close(question.id)
    expect(decision).toMatchObject({ outcome: 'rejected', yes_count: 1, no_count: 1, abstain_count: 1 })
  })

  it('lets only deciding members vote, once each, with a ballot that fits the vote', async () => {
    const question = await s.discussed('canteen')
    await s.open(question.id)
    // A candidate, a member of another unit, an account without a member: none decides for unit A1.
    for (const memberId of [t.kolya.id, t.anton.id, t.olga.id, null]) {
      const error = await s.refused(s.cast(question.id, memberId, { choice: 'yes' }))
      expect(error.code).toBe('NOT_IN_ELECTORATE')
    }
    await s.cast(question.id, t.vera.id, { choice: 'yes' })
    const twice = await s.refused(s.cast(question.id, t.vera.id, { choice: 'no' }))
    expect(twice.code).toBe('ALREADY_VOTED')
    for (const ballot of [{ ranking: [0] }, {}, { choice: 'yes' as const, ranking: [0] }]) {
      expect((await s.refused(s.cast(question.id, t.semyon.id, ballot))).code).toBe('INVALID_BALLOT')
    }
    const bad = await s.refused(s.cast(question.id, t.semyon.id, { choice: 'maybe' as unknown as 'yes' }))
    expect(bad.code).toBe('VALIDATION_FAILED')
    const ballots = await t.db
      .selectFrom('decision_ballots')
      .select(['member_id', 'choice'])
      .where('question_id', '=', question.id)
      .execute()
    expect(ballots).toEqual([{ member_id: t.vera.id, choice: 'yes' }])
    const cast = (await t.eventsOf('question', question.id)).filter((e) => e.type === 'decision.vote_cast')
    expect(cast.map((e) => e.payload)).toEqual([{ questionId: question.id, memberId: t.vera.id }])
  })

  it('counts two simultaneous votes of one member once', async () => {
    const question = await s.discussed('canteen')
    await s.open(question.id)
    const results = await Promise.allSettled([
      s.cast(question.id, t.lidia.id, { choice: 'yes' }),
      s.cast(question.id, t.lidia.id, { choice: 'no' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toMatchObject({ code: 'ALREADY_VOTED' })
    expect(await s.ballotCount(question.id)).toBe(1)
  })
})

describe('questions the charter says are decided at a meeting', () => {
  it('needs a meeting of the body with the question on its agenda, citing the rule', async () => {
    const question = await s.discussed('organisation')
    const other = await s.discussed('canteen')
    const withoutIt = await s.meeting([other.id])
    const elsewhere = await s.meeting([], t.tree.unitA2.id)
    for (const meetingId of [undefined, withoutIt.id, elsewhere.id]) {
      const error = await s.refused(s.open(question.id, 'yes-no', meetingId))
      expect(error.code).toBe('MEETING_REQUIRED')
      expect(error.details).toMatchObject({ ruleId: 'deliberation.major-organisation' })
    }
    expect((await s.refused(s.open(question.id, 'yes-no', 987_654))).code).toBe('MEETING_NOT_FOUND')
    expect((await s.questionRow(question.id)).state).toBe('discussed')

    const sitting = await s.meeting([question.id])
    // Not before the meeting sits: a vote at a meeting is cast by those present.
    const early = await s.refused(s.open(question.id, 'yes-no', sitting.id))
    expect(early).toMatchObject({
      code: 'MEETING_WRONG_STATE',
      details: { meetingId: sitting.id, startsAt: new Date(sitting.starts_at).toISOString() },
    })
    expect((await s.questionRow(question.id)).state).toBe('discussed')
    s.sit(sitting)
    const opened = await s.open(question.id, 'yes-no', sitting.id)
    expect(opened.meetingId).toBe(sitting.id)

    // Attendance: one deciding member present is short of the quorum of two.
    await s.attend(sitting.id, [t.vera.id, t.kolya.id])
    await s.cast(question.id, t.vera.id, { choice: 'yes' })
    const absent = await s.refused(s.cast(question.id, t.semyon.id, { choice: 'yes' }))
    expect(absent.code).toBe('NOT_IN_ELECTORATE')
    expect(absent.details).toMatchObject({ meetingId: sitting.id })
    const short = await s.refused(s.close(question.id))
    expect(short.code).toBe('QUORUM_NOT_MET')
    expect(short.details).toMatchObject({ ruleId: 'deliberation.quorum', required: 2, present: 1 })

    await s.attend(sitting.id, [t.vera.id, t.semyon.id, t.kolya.id])
    await s.cast(question.id, t.semyon.id, { choice: 'yes' })
    const decision = await s.close(question.id)
    expect(decision).toMatchObject({
      outcome: 'adopted',
      meeting_id: sitting.id,
      present: 2,
      quorum_required: 2,
    })
    expect((await t.eventsOf('decision', decision.id))[0]?.payload).toMatchObject({ meetingId: sitting.id })
  })
})
