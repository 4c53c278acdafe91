import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { TEST_CHARTER_YAML } from '../mandates/test-charter.ts'
import { toIsoDate } from '../shared/clock.ts'
import { decisionSteps } from './decision-test-helpers.ts'
import { getDecision } from './get-decision.ts'
import { getDecisionVote } from './get-decision-vote.ts'
import { listDecisions } from './list-decisions.ts'
import { type RecordPastDeliberationInput, recordPastDeliberation } from './record-past-deliberation.ts'
import { DELIBERATION_RULES_YAML, type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
let s: ReturnType<typeof decisionSteps>
beforeAll(async () => {
  t = await openDeliberationTest()
  s = decisionSteps(t)
  await t.run(async (ctx) => {
    const adopt = (source: string, effectiveFrom: string) =>
      adoptCharter(ctx, {
        source: TEST_CHARTER_YAML + source,
        fileName: `charter-${effectiveFrom}.yaml`,
        decision: { kind: 'congress', title: `Congress of ${effectiveFrom}`, decidedOn: effectiveFrom },
        effectiveFrom,
      })
    // From mid-1921 discussions lasted 10 to 40 days (the recorded entries are measured against it).
    await adopt(
      DELIBERATION_RULES_YAML.replace(
        /\{ id: deliberation\.limits,[^}]*\}/,
        '{ id: deliberation.limits-1921, text: Discussions last 10 to 40 days., kind: limits, minimumDays: 10, maximumDays: 40 }',
      ),
      '1921-06-01',
    )
    // From December 1923 military questions are major too: confidential and major at once.
    await adopt(
      DELIBERATION_RULES_YAML.replace(
        'topics: [party-policy, economic-policy]',
        'topics: [party-policy, economic-policy, military]',
      ),
      '1923-12-01',
    )
  })
})
afterAll(async () => {
  await t.database.drop()
})

const SECRET = 'Move the depot to the northern bank'

describe('the confidential exception', () => {
  it('lets the audience decide a major question without a public discussion, and shows outsiders nothing', async () => {
    const question = await s.raise({
      topic: 'military',
      title: SECRET,
      raisedByMemberId: t.vera.id,
      confidential: { audienceMemberIds: [t.semyon.id, t.nina.id] },
    })
    expect(question).toMatchObject({ major: true, major_rule_id: 'deliberation.major', confidential: true })

    // Before the minimum, in discussion: the exception closes the discussion and opens the vote.
    const opened = await s.open(question.id)
    expect(opened.question).toMatchObject({ state: 'voting', discussion_close_reason: 'early' })
    const closedEvents = (await t.eventsOf('question', question.id)).filter(
      (e) => e.type === 'discussion.closed',
    )
    expect(closedEvents).toHaveLength(1)

    // Outside the audience the vote is refused as it would be in any phase: the answer names none.
    const outsider = await s.refused(
      getDecisionVote(t.db, { questionId: question.id, viewerMemberId: t.lidia.id, today: t.today() }),
    )
    expect(outsider).toMatchObject({ code: 'CONFIDENTIAL', details: { questionId: question.id } })
    // Lidia decides for unit A1, but only those of the body in the audience vote on this question.
    expect((await s.refused(s.cast(question.id, t.lidia.id, { choice: 'yes' }))).code).toBe(
      'NOT_IN_ELECTORATE',
    )
    await s.cast(question.id, t.vera.id, { choice: 'yes' })
    await s.cast(question.id, t.semyon.id, { choice: 'yes' })
    const decision = await s.close(question.id)
    expect(decision).toMatchObject({
      outcome: 'adopted',
      exception: 'confidential',
      discussion_completed: false,
      discussion_rule_id: 'deliberation.major',
      // The quorum is the body's: two of unit A1's four deciding members.
      deciding_members: 4,
      quorum_required: 2,
      present: 2,
    })

    const query = (viewerMemberId: number) =>
      listDecisions(t.db, { bodyId: t.tree.unitA1.id, viewerMemberId, today: t.today(), limit: 50 })
    // Outside the audience: that a decision on a confidential question was taken, where and when;
    // not its kind, outcome, exception or quorum.
    const redacted = {
      id: decision.id,
      bodyId: t.tree.unitA1.id,
      decidedOn: t.today(),
      confidential: true,
      redacted: true,
      question: {
        id: question.id,
        bodyId: t.tree.unitA1.id,
        raisedOn: toIsoDate(question.raised_at),
        confidential: true,
        redacted: true,
      },
    }
    const seen = (await query(t.lidia.id)).items.find((d) => d.id === decision.id)
    expect(seen).toEqual(redacted)
    const detail = await getDecision(t.db, {
      decisionId: decision.id,
      viewerMemberId: t.lidia.id,
      today: t.today(),
    })
    expect(detail).toEqual(redacted)

    const insider = (await query(t.nina.id)).items.find((d) => d.id === decision.id)
    expect(insider).toMatchObject({ redacted: false, question: { title: SECRET }, counts: { yes: 2, no: 0 } })
  })
})

const past = (input: Partial<RecordPastDeliberationInput>) =>
  t.run((ctx) =>
    recordPastDeliberation(ctx, {
      bodyId: t.tree.unitA1.id,
      title: 'Grain requisition quotas',
      text: 'The district asked the unit for its quota.',
      proposal: 'Deliver the quota in two parts.',
      topic: 'economic-policy',
      source: 'Minutes of the unit, book 3, p. 41',
      raisedOn: '1921-03-01',
      ...input,
    }),
  )

describe('records of past practice', () => {
  it('stores a major question decided without discussion, flagged, not refused', async () => {
    const { question, decision } = await past({ decision: { decidedOn: '1921-03-05', outcome: 'adopted' } })
    expect(question).toMatchObject({
      state: 'decided',
      major: true,
      major_rule_id: 'deliberation.major',
      discussion_opened_at: null,
      discussion_close_reason: null,
      recorded_source: 'Minutes of the unit, book 3, p. 41',
    })
    expect(decision).toMatchObject({
      kind: 'recorded',
      outcome: 'adopted',
      exception: null,
      discussion_completed: false,
      discussion_rule_id: 'deliberation.major',
      recorded_source: 'Minutes of the unit, book 3, p. 41',
    })
    expect(new Date(decision?.decided_at ?? 0).toISOString()).toBe('1921-03-05T00:00:00.000Z')
    expect((await t.eventsOf('question', question.id)).map((e) => e.type)).toEqual(['question.recorded'])
    expect((await t.eventsOf('question', question.id))[0]?.payload).toEqual({
      questionId: question.id,
      decisionId: decision?.id,
    })
    expect((await t.eventsOf('decision', decision?.id ?? 0)).map((e) => e.type)).toEqual(['decision.taken'])
    const listed = await getDecision(t.db, {
      decisionId: decision?.id ?? 0,
      viewerMemberId: null,
      today: t.today(),
    })
    expect(listed).toMatchObject({
      kind: 'recorded',
      discussionCompleted: false,
      discussionRuleId: 'deliberation.major',
    })
  })

  it('copies the limits in force when the discussion opened, however short it was', async () => {
    const { question, decision } = await past({
      raisedOn: '1921-05-20',
      discussion: { openedOn: '1921-06-02', closedOn: '1921-06-05' },
      decision: { decidedOn: '1921-06-06', outcome: 'rejected' },
    })
    expect(question).toMatchObject({
      limits_rule_id: 'deliberation.limits-1921',
      minimum_days: 10,
      maximum_days: 40,
      discussion_close_reason: 'recorded',
    })
    expect(new Date(question.discussion_earliest_close_at ?? 0).toISOString()).toBe(
      '1921-06-12T00:00:00.000Z',
    )
    expect(decision).toMatchObject({ kind: 'recorded', outcome: 'rejected', discussion_completed: true })

    const discussedOnly = await past({ discussion: { openedOn: '1921-03-02', closedOn: '1921-03-20' } })
    expect(discussedOnly.question).toMatchObject({
      state: 'discussed',
      limits_rule_id: 'deliberation.limits',
    })
    expect(discussedOnly.decision).toBeNull()
  })

  it('refuses dates out of order or in the future, naming each field, and stores nothing', async () => {
    const count = async () => (await t.db.selectFrom('questions').select('id').execute()).length
    const before = await count()
    const error = await s.refused(
      past({
        raisedOn: '1921-03-10',
        discussion: { openedOn: '1921-03-09', closedOn: '1921-03-01' },
        decision: { decidedOn: '1924-01-01', outcome: 'adopted' },
      }),
    )
    expect(error.code).toBe('VALIDATION_FAILED')
    const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path)
    expect(paths).toEqual(['decision.decidedOn', 'discussion.openedOn', 'discussion.closedOn'])
    expect((await s.refused(past({}))).details).toMatchObject({ issues: [{ path: 'decision' }] })
    const today = await s.refused(
      past({ raisedOn: t.today(), decision: { decidedOn: t.today(), outcome: 'adopted' } }),
    )
    expect((today.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'raisedOn',
      'decision.decidedOn',
    ])
    expect(
      (await s.refused(past({ title: ' ', decision: { decidedOn: '1921-03-05', outcome: 'adopted' } }))).code,
    ).toBe('VALIDATION_FAILED')
    const unknown = await s.refused(
      past({ bodyId: 987_654, decision: { decidedOn: '1921-03-05', outcome: 'adopted' } }),
    )
    expect(unknown.code).toBe('BODY_NOT_FOUND')
    const tooEarly = await s.refused(
      past({ raisedOn: '1919-01-01', decision: { decidedOn: '1919-01-02', outcome: 'adopted' } }),
    )
    expect(tooEarly.code).toBe('CHARTER_NOT_ADOPTED')
    expect(await count()).toBe(before)
  })
})
