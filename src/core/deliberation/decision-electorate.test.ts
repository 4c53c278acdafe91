import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeMemberStatus } from '../members/change-member-status.ts'
import { decisionSteps } from './decision-test-helpers.ts'
import { getDecisionVote } from './get-decision-vote.ts'
import { recordPastDeliberation } from './record-past-deliberation.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

/**
 * Who decides and what counts: a confidential question is decided by the body (its audience only
 * narrows who votes), the quorum is one count against today's roll, and the exceptions to a
 * completed discussion are checked before a vote opens, not after ballots are cast.
 */

let t: DeliberationTest
let s: ReturnType<typeof decisionSteps>
beforeAll(async () => {
  t = await openDeliberationTest()
  s = decisionSteps(t)
})
afterAll(async () => {
  await t.database.drop()
})

/** A confidential question of unit A1 (military: minor under the test charter) named to `audience`. */
const secret = (audience: number[]) =>
  s.raise({ topic: 'military', confidential: { audienceMemberIds: audience } })

describe('a confidential question is decided by the body alone', () => {
  it('gives no vote to audience members outside the body, and counts the quorum against the body’s full roll', async () => {
    // A secretary names two friends from other units and one member of the body.
    const question = await secret([t.anton.id, t.boris.id, t.vera.id])
    await s.open(question.id)
    for (const outsider of [t.anton.id, t.boris.id]) {
      const refused = await s.refused(s.cast(question.id, outsider, { choice: 'yes' }))
      expect(refused).toMatchObject({ code: 'NOT_IN_ELECTORATE', details: { memberId: outsider } })
    }
    // A member of the body outside the audience does not vote either.
    expect((await s.refused(s.cast(question.id, t.semyon.id, { choice: 'yes' }))).code).toBe(
      'NOT_IN_ELECTORATE',
    )
    await s.cast(question.id, t.vera.id, { choice: 'yes' })
    const view = await getDecisionVote(t.db, {
      questionId: question.id,
      viewerMemberId: t.anton.id,
      today: t.today(),
    })
    expect(view).toMatchObject({ decidingMembers: 1, me: { mayVote: false } })
    // One of the four deciding members of A1 is in the audience: never a quorum of two.
    const short = await s.refused(s.close(question.id))
    expect(short.code).toBe('QUORUM_NOT_MET')
    expect(short.details).toMatchObject({
      ruleId: 'deliberation.quorum',
      decidingMembers: 4,
      required: 2,
      present: 1,
    })
    expect(view.quorum).toEqual({
      decidingMembers: 4,
      required: 2,
      present: 1,
      ruleId: 'deliberation.quorum',
    })
    expect(await s.decisionOf(question.id)).toBeUndefined()
    expect(await s.ballotCount(question.id)).toBe(1)
  })

  it('decides once a quorum of the body’s roll is in the audience and votes', async () => {
    const question = await secret([t.vera.id, t.nina.id, t.boris.id])
    await s.open(question.id)
    expect((await s.refused(s.cast(question.id, t.boris.id, { choice: 'no' }))).code).toBe(
      'NOT_IN_ELECTORATE',
    )
    await s.cast(question.id, t.vera.id, { choice: 'yes' })
    await s.cast(question.id, t.nina.id, { choice: 'yes' })
    const decision = await s.close(question.id)
    expect(decision).toMatchObject({
      outcome: 'adopted',
      yes_count: 2,
      no_count: 0,
      deciding_members: 4,
      quorum_required: 2,
      present: 2,
    })
  })

  it('closes a confidential minor question’s discussion at once, as a major one’s: the exception applies to both', async () => {
    const question = await secret([t.vera.id, t.nina.id])
    expect(question).toMatchObject({ major: false, state: 'discussion' })
    const opened = await s.open(question.id)
    expect(opened.question).toMatchObject({ state: 'voting', discussion_close_reason: 'early' })
  })
})

describe('the quorum of a vote at a meeting', () => {
  it('counts the attendees who decide today, against today’s roll, the same in the view and at the close', async () => {
    const question = await s.discussed('canteen')
    const meeting = await s.meeting([question.id])
    s.sit(meeting)
    await s.open(question.id, 'yes-no', meeting.id)
    await s.attend(meeting.id, [t.vera.id, t.semyon.id])
    await s.cast(question.id, t.vera.id, { choice: 'yes' })
    // Semyon is suspended after the meeting recorded him: he no longer decides for the unit.
    await t.run((ctx) =>
      changeMemberStatus(ctx, { memberId: t.semyon.id, to: 'suspended', onDate: t.today() }),
    )
    try {
      const view = await getDecisionVote(t.db, {
        questionId: question.id,
        viewerMemberId: t.vera.id,
        today: t.today(),
      })
      const short = await s.refused(s.close(question.id))
      expect(short.code).toBe('QUORUM_NOT_MET')
      // Three deciding members today, two make the quorum; of those present only Vera decides.
      expect(short.details).toMatchObject({
        ruleId: 'deliberation.quorum',
        decidingMembers: 3,
        required: 2,
        present: 1,
        meetingId: meeting.id,
      })
      expect(view.quorum).toEqual({
        decidingMembers: 3,
        required: 2,
        present: 1,
        ruleId: 'deliberation.quorum',
      })
      // The meeting's own record, taken on its day, still says two came who counted.
      const row = await t.db
        .selectFrom('meetings')
        .selectAll()
        .where('id', '=', meeting.id)
        .executeTakeFirstOrThrow()
      expect(row.present_count).toBe(2)
    } finally {
      await t.run((ctx) => changeMemberStatus(ctx, { memberId: t.semyon.id, to: 'full', onDate: t.today() }))
    }
  })
})

describe('a major question’s discussion, checked when the vote opens', () => {
  it('refuses a vote on a recorded discussion shorter than the minimum, citing the major rule, and takes a full one', async () => {
    const record = (closedOn: string) =>
      t.run((ctx) =>
        recordPastDeliberation(ctx, {
          bodyId: t.tree.unitA1.id,
          title: `Fuel prices, discussed until ${closedOn}`,
          text: 'What the unit says on fuel prices.',
          proposal: 'Ask the trust to hold them.',
          topic: 'economic-policy',
          source: 'Minutes of the unit, book 2',
          raisedOn: '1923-11-01',
          discussion: { openedOn: '1923-11-01', closedOn },
        }),
      )
    const cut = (await record('1923-11-03')).question
    expect(cut).toMatchObject({ state: 'discussed', major: true })
    const refused = await s.refused(s.open(cut.id))
    expect(refused.code).toBe('DISCUSSION_REQUIRED')
    expect(refused.details).toMatchObject({
      ruleId: 'deliberation.major',
      questionId: cut.id,
      state: 'discussed',
    })
    expect((await s.questionRow(cut.id)).state).toBe('discussed')
    expect(
      await t.db
        .selectFrom('question_votes')
        .select('question_id')
        .where('question_id', '=', cut.id)
        .execute(),
    ).toEqual([])

    const full = (await record('1923-11-10')).question
    expect((await s.open(full.id)).question.state).toBe('voting')
  })
})
