import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adoptCharter } from '../../charter/adopt-charter.ts'
import { DELIBERATION_RULES_YAML } from '../../deliberation/test-fixture.ts'
import { withdrawQuestion } from '../../deliberation/withdraw-question.ts'
import { TEST_CHARTER_YAML } from '../../mandates/test-charter.ts'
import { daysAfter } from '../../shared/clock.ts'
import { type AuditTest, openAuditTest } from '../audit-test-fixture.ts'
import { decisionWithoutDiscussionCheck } from './decision-without-discussion.ts'
import { deliberationAuditSteps } from './deliberation-audit-steps.ts'
import { discussionOverrunCheck } from './discussion-overrun.ts'
import { discussionTooShortCheck } from './discussion-too-short.ts'

// The discussion checks beyond the contract: wording, evidence, scope, exceptions, records of
// past practice measured by the rules of their time, and the scheduler's late close.

let t: AuditTest
let s: ReturnType<typeof deliberationAuditSteps>
beforeEach(async () => {
  t = await openAuditTest()
  s = deliberationAuditSteps(t)
})
afterEach(async () => {
  await t.database.drop()
})

const eventIds = async (...subjects: [string, number][]) =>
  (await Promise.all(subjects.map(([kind, id]) => t.eventsOf(kind, id))))
    .flat()
    .map((event) => event.id)
    .sort((a, b) => a - b)

describe('decision.without-discussion', () => {
  it('names the question by number, cites the major rule, and shows the question’s and decision’s events', async () => {
    const decision = await s.recordedDecision({
      topic: 'party-policy',
      raisedOn: '1923-11-14',
      decidedOn: '1923-11-15',
    })
    const [finding] = await t.audit([decisionWithoutDiscussionCheck])
    expect(finding).toMatchObject({
      rule: 'deliberation.major',
      bodyId: t.tree.unitA1.id,
      subject: { kind: 'decision', id: decision.id },
      severity: 'violation',
      since: '1923-11-15',
      message: `Question #${decision.question_id} of Unit A1, a major question, was decided on 1923-11-15 without the discussion the charter requires first (deliberation.major).`,
    })
    expect(finding?.evidence).toEqual(
      await eventIds(['question', decision.question_id], ['decision', decision.id]),
    )
    expect(finding?.message).not.toContain('recorded question')
  })

  it('keeps to its scope, and leaves the urgent exception alone', async () => {
    await s.recordedDecision({ topic: 'party-policy', raisedOn: '1923-11-14', decidedOn: '1923-11-15' })
    await s.urgentDecision('economic-policy', t.tree.unitB1.id)
    const inRegionA = await t.audit([decisionWithoutDiscussionCheck], undefined, {
      kind: 'subtree',
      path: t.tree.regionA.path,
    })
    expect(inRegionA).toHaveLength(1)
    expect(
      await t.audit([decisionWithoutDiscussionCheck], undefined, {
        kind: 'subtree',
        path: t.tree.regionB.path,
      }),
    ).toEqual([])
    expect(
      await t.audit([decisionWithoutDiscussionCheck], undefined, {
        kind: 'bodies',
        bodyIds: [t.tree.unitA2.id],
      }),
    ).toEqual([])
  })
})

describe('discussion.too-short', () => {
  it('says how long the discussion lasted against the minimum', async () => {
    const decision = await s.recordedDecision({
      topic: 'canteen',
      raisedOn: '1923-11-01',
      discussion: { openedOn: '1923-11-01', closedOn: '1923-11-04' },
      decidedOn: '1923-11-05',
    })
    const findings = await t.audit([discussionTooShortCheck])
    expect(findings.map((f) => [f.subject.id, f.since, f.message])).toEqual([
      [
        decision.id,
        '1923-11-05',
        `Question #${decision.question_id} of Unit A1 was decided on 1923-11-05 after a discussion of 3 days, fewer than the 7 days the charter requires (deliberation.limits).`,
      ],
    ])
    expect(await t.audit([discussionTooShortCheck], '1923-11-04')).toEqual([])
  })

  it('leaves a confidential question alone: its audience may decide before the minimum', async () => {
    const secret = await s.secret()
    await s.open(secret.id)
    await s.cast(secret.id, t.semyon.id, { choice: 'yes' })
    await s.cast(secret.id, t.nina.id, { choice: 'yes' })
    const decision = await s.close(secret.id)
    expect(decision).toMatchObject({ exception: null, discussion_completed: false })
    expect(await t.audit([discussionTooShortCheck])).toEqual([])
  })
})

describe('discussion.overrun', () => {
  it('keeps finding a record of past practice that ran past the maximum of its own time', async () => {
    // The Eleventh Congress (1922) allowed 45 days; Petrograd discussed for 102. The limits were
    // changed back in 1923, and the record is still measured by the rule it ran under.
    await t.run(async (ctx) => {
      const adopt = (rules: string, effectiveFrom: string) =>
        adoptCharter(ctx, {
          source: TEST_CHARTER_YAML + rules,
          fileName: `charter-${effectiveFrom}.yaml`,
          decision: { kind: 'congress', title: `Congress of ${effectiveFrom}`, decidedOn: effectiveFrom },
          effectiveFrom,
        })
      await adopt(
        DELIBERATION_RULES_YAML.replace(
          /\{ id: deliberation\.limits,[^}]*\}/,
          '{ id: deliberation.limits-1922, text: Discussions last 7 to 45 days., kind: limits, minimumDays: 7, maximumDays: 45 }',
        ),
        '1922-04-01',
      )
      await adopt(DELIBERATION_RULES_YAML, '1923-01-01')
    })
    const { question } = await s.record({
      topic: 'economic-policy',
      raisedOn: '1922-06-10',
      discussion: { openedOn: '1922-06-10', closedOn: '1922-09-20' },
      decision: { decidedOn: '1922-09-25', outcome: 'adopted' },
    })
    const expected = {
      rule: 'deliberation.limits-1922',
      subject: { kind: 'question', id: question.id },
      severity: 'violation',
      since: '1922-07-26',
      message: `The discussion of question #${question.id} of Unit A1, opened on 1922-06-10, ran past its maximum of 45 days (deliberation.limits-1922): it should have closed on 1922-07-25 and ended on 1922-09-20.`,
    }
    expect(await t.audit([discussionOverrunCheck])).toMatchObject([expected])
    expect(await t.audit([discussionOverrunCheck], '1922-07-25')).toEqual([])
    // Open past its maximum on 1922-08-01, when the record says it was still going.
    expect(await t.audit([discussionOverrunCheck], '1922-08-01')).toMatchObject([
      { ...expected, message: expect.stringContaining('is still going past its maximum of 45 days') },
    ])
    await t.follow([discussionOverrunCheck])
    t.clock.advanceDays(40)
    await t.follow([discussionOverrunCheck])
    expect([...(await t.stored(['discussion.overrun'])).keys()]).toEqual([
      `discussion.overrun:question:${question.id}`,
    ])
  })

  it('finds a live discussion the scheduler failed to close, and none once it closes it at the maximum', async () => {
    const question = await s.backThen('1923-10-20T09:00:00Z', () => s.raise({ topic: 'canteen' }))
    expect(await t.audit([discussionOverrunCheck], '1923-11-19')).toEqual([])
    expect(await t.audit([discussionOverrunCheck], '1923-11-20')).toMatchObject([
      {
        since: '1923-11-20',
        message: `The discussion of question #${question.id} of Unit A1, opened on 1923-10-20, is still going past its maximum of 30 days (deliberation.limits): it should have closed on 1923-11-19.`,
      },
    ])

    await s.runDue()
    expect(await s.questionRow(question.id)).toMatchObject({
      state: 'discussed',
      discussion_closed_at: new Date('1923-11-19T09:00:00Z'),
      discussion_close_reason: 'maximum',
    })
    // The record now says it ended at its maximum: no overrun, today or on any day before.
    expect(await t.audit([discussionOverrunCheck])).toEqual([])
    expect(await t.audit([discussionOverrunCheck], '1923-11-25')).toEqual([])
  })

  it('counts a withdrawal or an urgent decision as the end of the discussion', async () => {
    const withdrawn = await s.backThen('1923-10-20T09:00:00Z', () => s.raise({ topic: 'canteen' }))
    await s.backThen('1923-11-10T09:00:00Z', () =>
      t.run((ctx) => withdrawQuestion(ctx, { questionId: withdrawn.id })),
    )
    await s.backThen('1923-10-20T09:00:00Z', () => s.urgentDecision('economic-policy'))
    expect(await t.audit([discussionOverrunCheck])).toEqual([])
    // Withdrawn after its maximum: it did run past it.
    const late = await s.backThen('1923-10-01T09:00:00Z', () => s.raise({ topic: 'canteen' }))
    await t.run((ctx) => withdrawQuestion(ctx, { questionId: late.id }))
    expect((await t.audit([discussionOverrunCheck])).map((f) => [f.subject.id, f.since])).toEqual([
      [late.id, daysAfter('1923-10-31', 1)],
    ])
    expect((await t.audit([discussionOverrunCheck]))[0]?.message).toContain('ended on 1923-12-02')
  })

  it('says nothing of a confidential question’s discussion until it is declassified', async () => {
    const secret = await s.backThen('1923-10-20T09:00:00Z', () => s.secret('1924-06-01'))
    expect(await t.audit([discussionOverrunCheck])).toEqual([])
    await s.declassify(secret.id)
    const findings = await t.audit([discussionOverrunCheck])
    expect(findings.map((f) => [f.subject.id, f.since, f.message])).toEqual([
      [
        secret.id,
        '1923-11-20',
        `The discussion of question #${secret.id} of Unit A1, opened on 1923-10-20, is still going past its maximum of 30 days (deliberation.limits): it should have closed on 1923-11-19.`,
      ],
    ])
    expect(findings[0]?.evidence).toEqual(await eventIds(['question', secret.id]))
    expect(await t.audit([discussionOverrunCheck], '1923-12-01')).toEqual([])
  })
})
