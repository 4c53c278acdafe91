import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { TEST_CHARTER_YAML } from '../mandates/test-charter.ts'
import { decideUrgently } from './decide-urgently.ts'
import { decisionJobHandlers } from './decision-jobs.ts'
import { decisionSteps } from './decision-test-helpers.ts'
import { getDecision } from './get-decision.ts'
import { listDecisions } from './list-decisions.ts'
import { DELIBERATION_JOB_KINDS } from './question-lookups.ts'
import { ratifyDecision } from './ratify-decision.ts'
import { DELIBERATION_RULES_YAML, type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
let s: ReturnType<typeof decisionSteps>
beforeAll(async () => {
  t = await openDeliberationTest()
  s = decisionSteps(t)
})
afterAll(async () => {
  await t.database.drop()
})

const JUSTIFICATION = 'The mill closes on Friday unless the unit answers the trust at once.'

const urgently = (questionId: number, justification = JUSTIFICATION, meetingId?: number) =>
  t.run((ctx) => decideUrgently(ctx, { questionId, justification, ...(meetingId ? { meetingId } : {}) }))

const ratify = (decisionId: number, outcome: 'ratified' | 'rejected' = 'ratified', meetingId?: number) =>
  t.run((ctx) => ratifyDecision(ctx, { decisionId, outcome, ...(meetingId ? { meetingId } : {}) }))

const jobsOf = (kind: string, subjectId: number) =>
  t.db
    .selectFrom('scheduled_jobs')
    .select(['state', 'due_at'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .execute()

const unratified = (viewerMemberId: number | null = t.vera.id) =>
  listDecisions(t.db, {
    bodyId: t.tree.unitA1.id,
    viewerMemberId,
    today: t.today(),
    unratified: true,
    limit: 50,
  })

let first: { id: number; questionId: number }

describe('the urgent exception', () => {
  it('refuses a missing, short, blank or over-long justification and an unknown question, changing nothing', async () => {
    const question = await s.raise({ topic: 'economic-policy' })
    for (const justification of [
      'Too short.',
      ' '.repeat(30),
      'x'.repeat(5_001),
      'Line\u0000break in the reasons given here',
    ]) {
      const error = await s.refused(urgently(question.id, justification))
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.details).toMatchObject({ issues: [{ path: 'justification' }] })
    }
    expect((await s.refused(urgently(987_654))).code).toBe('QUESTION_NOT_FOUND')
    expect((await s.questionRow(question.id)).state).toBe('discussion')
    expect(await s.decisionOf(question.id)).toBeUndefined()
    expect((await jobsOf(DELIBERATION_JOB_KINDS.closeDiscussion, question.id))[0]?.state).toBe('pending')
  })

  it('decides a major question at once, flags the skipped discussion and sets the ratification deadline', async () => {
    const question = await s.raise({ topic: 'economic-policy' })
    const decision = await urgently(question.id)
    expect(decision).toMatchObject({
      kind: 'urgent',
      outcome: 'adopted',
      exception: 'urgent',
      discussion_completed: false,
      discussion_rule_id: 'deliberation.major',
      justification: JUSTIFICATION,
      ratify_by: '1923-12-16',
      ratification: 'pending',
    })
    expect((await s.questionRow(question.id)).state).toBe('decided')
    expect((await jobsOf(DELIBERATION_JOB_KINDS.closeDiscussion, question.id))[0]?.state).toBe('cancelled')
    const due = await jobsOf(DELIBERATION_JOB_KINDS.ratificationDue, decision.id)
    expect(due).toMatchObject([{ state: 'pending' }])
    expect(new Date(due[0]?.due_at ?? 0).toISOString()).toBe('1923-12-17T00:00:00.000Z')
    const again = await s.refused(urgently(question.id))
    expect(again.code).toBe('QUESTION_WRONG_PHASE')
    first = { id: decision.id, questionId: question.id }
  })

  it('ratifies at a quorate meeting of the body only, once, and only urgent decisions', async () => {
    // An initiative still collecting signatures can be decided urgently too.
    const initiative = await s.raise({ topic: 'canteen', origin: 'initiative', raisedByMemberId: t.vera.id })
    expect(initiative.state).toBe('collecting')
    const decision = await urgently(initiative.id)

    // "Ratified by the body": an officer alone, without a meeting, cannot.
    const alone = await s.refused(ratify(decision.id))
    expect(alone).toMatchObject({
      code: 'MEETING_REQUIRED',
      details: { ruleId: 'deliberation.urgent', decisionId: decision.id },
    })
    const unrecorded = await s.meeting([])
    const thin = await s.meeting([])
    const quorate = await s.meeting([])
    const early = await s.refused(ratify(decision.id, 'ratified', quorate.id))
    expect(early).toMatchObject({
      code: 'MEETING_WRONG_STATE',
      details: { meetingId: quorate.id, startsAt: new Date(quorate.starts_at).toISOString() },
    })
    s.sit(quorate)
    await s.attend(thin.id, [t.vera.id, t.kolya.id])
    for (const [meeting, present] of [
      [unrecorded, 0],
      [thin, 1],
    ] as const) {
      const error = await s.refused(ratify(decision.id, 'ratified', meeting.id))
      expect(error.code).toBe('QUORUM_NOT_MET')
      expect(error.details).toMatchObject({
        ruleId: 'deliberation.quorum',
        decidingMembers: 4,
        required: 2,
        present,
        meetingId: meeting.id,
      })
    }
    expect((await s.decisionOf(initiative.id))?.ratification).toBe('pending')

    await s.attend(quorate.id, [t.vera.id, t.semyon.id, t.nina.id])
    const ratified = await ratify(decision.id, 'ratified', quorate.id)
    expect(ratified).toMatchObject({ ratification: 'ratified', ratification_meeting_id: quorate.id })
    expect((await t.eventsOf('decision', decision.id)).map((e) => e.type)).toEqual([
      'decision.taken',
      'decision.ratified',
    ])
    expect((await jobsOf(DELIBERATION_JOB_KINDS.ratificationDue, decision.id))[0]?.state).toBe('cancelled')
    expect((await s.refused(ratify(decision.id, 'rejected'))).code).toBe('NOT_AWAITING_RATIFICATION')

    const voted = await s.discussed('canteen')
    await s.open(voted.id)
    await s.cast(voted.id, t.vera.id, { choice: 'yes' })
    await s.cast(voted.id, t.nina.id, { choice: 'yes' })
    const byVote = await s.close(voted.id)
    expect((await s.refused(ratify(byVote.id))).code).toBe('NOT_AWAITING_RATIFICATION')
    expect((await s.refused(ratify(987_654))).code).toBe('DECISION_NOT_FOUND')
  })

  it('lists unratified decisions, logs one overdue past the deadline, and still takes a late ratification', async () => {
    const before = await unratified()
    expect(before.items.map((d) => [d.id, d.redacted || d.ratification?.state])).toEqual([
      [first.id, 'pending'],
    ])

    await t.tick('1923-12-17T09:00:00Z')
    const overdue = async () =>
      (await t.eventsOf('decision', first.id)).filter((e) => e.type === 'decision.ratification_overdue')
    expect((await overdue()).map((e) => e.payload)).toEqual([
      { decisionId: first.id, ratifyBy: '1923-12-16' },
    ])
    // A retried job finds the event already written.
    const handler = decisionJobHandlers[DELIBERATION_JOB_KINDS.ratificationDue]
    await t.run(async (ctx) => handler?.(ctx, first.id))
    expect(await overdue()).toHaveLength(1)

    const later = await s.raise({ topic: 'canteen' })
    const pending = await urgently(later.id)
    const list = await unratified()
    expect(
      list.items.map((d) => [
        d.id,
        d.redacted || d.ratification?.state,
        d.redacted || d.ratification?.ratifyBy,
      ]),
    ).toEqual([
      [first.id, 'overdue', '1923-12-16'],
      [pending.id, 'pending', '1923-12-31'],
    ])
    expect(list.items[0]?.question).toMatchObject({ title: 'A question on economic-policy', redacted: false })

    const late = await s.meeting([])
    s.sit(late)
    await s.attend(late.id, [t.semyon.id, t.nina.id])
    await ratify(first.id, 'ratified', late.id)
    const detail = await getDecision(t.db, {
      decisionId: first.id,
      viewerMemberId: t.vera.id,
      today: t.today(),
    })
    expect(detail).toMatchObject({
      redacted: false,
      ratification: { state: 'ratified', ratifyBy: '1923-12-16', late: true },
      justification: JUSTIFICATION,
    })
    expect((await unratified()).items.map((d) => d.id)).toEqual([pending.id])

    const subtree = await listDecisions(t.db, {
      bodyId: t.tree.districtA.id,
      viewerMemberId: null,
      today: t.today(),
      includeSubtree: true,
      limit: 2,
    })
    expect(subtree.items).toHaveLength(2)
    expect(subtree.nextCursor).not.toBeNull()
    const next = await listDecisions(t.db, {
      bodyId: t.tree.districtA.id,
      viewerMemberId: null,
      today: t.today(),
      includeSubtree: true,
      limit: 50,
      after: subtree.nextCursor ?? undefined,
    })
    expect(next.items.map((d) => d.id)).not.toContain(subtree.items[0]?.id)
    expect(subtree.items.length + next.items.length).toBe(4)
  })

  it('has no exception to invoke when the charter in force provides none', async () => {
    const major = await s.raise({ topic: 'economic-policy' })
    const minor = await s.raise({ topic: 'canteen' })
    await t.run((ctx) =>
      adoptCharter(ctx, {
        source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML.replace(/^.*kind: urgent.*$/m, ''),
        fileName: 'no-urgency.yaml',
        decision: { kind: 'congress', title: 'Congress without urgency', decidedOn: t.today() },
        effectiveFrom: t.today(),
      }),
    )
    const refusal = await s.refused(urgently(major.id))
    expect(refusal.code).toBe('DISCUSSION_REQUIRED')
    expect(refusal.details).toMatchObject({ ruleId: 'deliberation.major' })
    expect((await s.refused(urgently(minor.id))).code).toBe('VALIDATION_FAILED')
  })
})
