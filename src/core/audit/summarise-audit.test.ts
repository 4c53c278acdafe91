import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideUrgently } from '../deliberation/decide-urgently.ts'
import { decisionSteps } from '../deliberation/decision-test-helpers.ts'
import { recordPastDeliberation } from '../deliberation/record-past-deliberation.ts'
import { appointToPost } from '../mandates/appoint-to-post.ts'
import { recordElectedMandate } from '../mandates/record-elected-mandate.ts'
import { changeMemberStatus } from '../members/change-member-status.ts'
import { registerMember } from '../members/register-member.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { type AuditTest, openAuditTest } from './audit-test-fixture.ts'
import { ABSENT_CHECKS } from './checks.ts'
import { listAuditTrend } from './list-audit-trend.ts'
import { findingsOfScope, listFindings } from './list-findings.ts'
import { everyUnitCheck } from './rollup-test-check.ts'
import { summariseAudit } from './summarise-audit.ts'
import { backfillAuditSnapshots, takeAuditSnapshots } from './take-audit-snapshots.ts'

// A check of the tests' own: no real check is needed to test the roll-ups.
const checks = [everyUnitCheck]

let t: AuditTest
const past = (ctx: UseCaseContext, bodyId: number, topic: string, discussed: boolean, decidedOn: string) =>
  recordPastDeliberation(ctx, {
    bodyId,
    title: `Past question on ${topic}`,
    text: 'As the minutes say.',
    proposal: 'As adopted.',
    topic,
    source: 'Minutes of the unit',
    raisedOn: daysBefore(decidedOn, 20),
    ...(discussed
      ? { discussion: { openedOn: daysBefore(decidedOn, 15), closedOn: daysBefore(decidedOn, 2) } }
      : {}),
    decision: { decidedOn, outcome: 'adopted' },
  })
const daysBefore = (date: string, days: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() - days * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  t = await openAuditTest()
  const { unitA1, unitA2, unitB1, districtA } = t.tree
  // The shared tree dates its dissolved unit's dissolution in 2020, after this 1923 world's dates;
  // dissolved before them, it is no column of district A and has no findings. No use case re-dates
  // a dissolution (dissolveBody refuses a body already dissolved, and the tree inserts it so).
  await t.db
    .updateTable('bodies')
    .set({ dissolved_at: new Date('1923-01-01T00:00:00Z') })
    .where('id', '=', t.tree.dissolvedUnit.id)
    .execute()
  await t.run(async (ctx) => {
    // Posts: A1's secretary appointed from October, its bureau member elected; A2's and B1's secretaries elected.
    await recordElectedMandate(ctx, {
      memberId: t.semyon.id,
      bodyId: unitA1.id,
      post: 'unit-bureau-member',
      startsOn: '1923-03-01',
      electionId: null,
    })
    await recordElectedMandate(ctx, {
      memberId: t.anton.id,
      bodyId: unitA2.id,
      post: 'unit-secretary',
      startsOn: '1923-06-01',
      electionId: null,
    })
    await recordElectedMandate(ctx, {
      memberId: t.boris.id,
      bodyId: unitB1.id,
      post: 'unit-secretary',
      startsOn: '1923-03-01',
      electionId: null,
    })
    await appointToPost(ctx, {
      memberId: t.vera.id,
      bodyId: unitA1.id,
      post: 'unit-secretary',
      appointedByBodyId: districtA.id,
      justification: 'no-literate-candidate',
      startsOn: '1923-10-01',
    })
    // Decisions on major questions: one after discussion and one without in A1, one without in A2
    // long ago (outside the year), and a minor one (not counted).
    await past(ctx, unitA1.id, 'party-policy', true, '1923-10-12')
    await past(ctx, unitA1.id, 'economic-policy', false, '1923-11-01')
    await past(ctx, unitA2.id, 'party-policy', false, '1922-06-01')
    await past(ctx, unitA1.id, 'canteen', false, '1923-11-05')
    // Worker admissions: 30 and 111 days in A1, 10 days after a readmission in A2, 20 in B1; a
    // peasant's 4 days are not a worker's.
    const admit = async (
      unitId: number,
      joinedOn: string,
      decidedOn: string,
      category = 'worker' as const,
    ) => {
      const member = await registerMember(ctx, {
        unitId,
        fullName: `Applicant ${joinedOn}`,
        joinedOn,
        category,
        status: 'applicant',
      })
      await changeMemberStatus(ctx, { memberId: member.id, to: 'candidate', onDate: decidedOn })
    }
    await admit(unitA1.id, '1923-09-01', '1923-10-01')
    await admit(unitA1.id, '1923-08-01', '1923-11-20')
    await admit(unitB1.id, '1923-10-01', '1923-10-21')
    const peasant = await registerMember(ctx, {
      unitId: unitA1.id,
      fullName: 'Peasant',
      joinedOn: '1923-09-01',
      category: 'peasant',
      status: 'applicant',
    })
    await changeMemberStatus(ctx, { memberId: peasant.id, to: 'candidate', onDate: '1923-09-05' })
    const returning = await registerMember(ctx, {
      unitId: unitA2.id,
      fullName: 'Returning',
      joinedOn: '1921-01-01',
      category: 'worker',
      status: 'applicant',
    })
    await changeMemberStatus(ctx, { memberId: returning.id, to: 'left', onDate: '1921-06-01' })
    await changeMemberStatus(ctx, { memberId: returning.id, to: 'applicant', onDate: '1923-11-01' })
    await changeMemberStatus(ctx, { memberId: returning.id, to: 'candidate', onDate: '1923-11-11' })
  })
  // An urgent decision on a major question in B1, today.
  const question = await decisionSteps(t).raise({ topic: 'party-policy', bodyId: unitB1.id })
  await t.run((ctx) =>
    decideUrgently(ctx, {
      questionId: question.id,
      justification: 'The harvest cannot wait for the discussion.',
    }),
  )
})
afterAll(async () => t?.database.drop())

describe('summariseAudit', () => {
  it('counts findings by kind and severity, live, for the body and each direct child', async () => {
    const summary = await summariseAudit(t.db, t.clock, { bodyId: t.tree.central.id, checks })
    expect(summary).toMatchObject({
      asOf: '1923-12-02',
      source: 'live',
      body: { id: t.tree.central.id, name: 'Central Committee', level: 'central' },
      charter: { name: 'Test charter for mandates', effectiveFrom: '1920-01-01' },
      totals: { violation: 1, warning: 0, notice: 2, total: 3 },
      byKind: [{ kind: 'unit.inactive', title: 'Every unit (test)', violation: 1, notice: 2, total: 3 }],
    })
    expect(summary.children.map((child) => [child.body.name, child.totals])).toEqual([
      ['Region A', { violation: 1, warning: 0, notice: 1, total: 2 }],
      ['Region B', { violation: 0, warning: 0, notice: 1, total: 1 }],
    ])
    expect(summary.absent).toEqual(ABSENT_CHECKS)
    expect(summary.ratios.reportPunctuality).toEqual({
      value: null,
      notMeasured: expect.stringContaining('not built yet'),
    })
    expect(summary.ratios.conferenceRegularity.value).toBeNull()
  })

  it('reads elective posts held on the date, elected against appointed, overall and per post', async () => {
    const region = await summariseAudit(t.db, t.clock, { bodyId: t.tree.regionA.id, checks })
    expect(region.ratios.electedPosts).toEqual({
      elected: 2,
      appointed: 1,
      total: 3,
      share: 0.6667,
      posts: [
        {
          post: 'unit-secretary',
          title: 'Unit secretary',
          level: 'unit',
          elected: 1,
          appointed: 1,
          total: 2,
          share: 0.5,
        },
        {
          post: 'unit-bureau-member',
          title: 'Member of the unit bureau',
          level: 'unit',
          elected: 1,
          appointed: 0,
          total: 1,
          share: 1,
        },
      ],
    })
    const district = await summariseAudit(t.db, t.clock, { bodyId: t.tree.districtA.id, checks })
    // The dissolved unit is no column; A1 and A2 side by side.
    expect(
      district.children.map((child) => [
        child.body.name,
        child.ratios.electedPosts.elected,
        child.ratios.electedPosts.appointed,
      ]),
    ).toEqual([
      ['Unit A1', 1, 1],
      ['Unit A2', 1, 0],
    ])
    // Before the appointment, A1's secretary was not yet held.
    const september = await summariseAudit(t.db, t.clock, {
      bodyId: t.tree.regionA.id,
      asOf: '1923-09-01',
      checks,
    })
    expect(september.ratios.electedPosts).toMatchObject({ elected: 2, appointed: 0, share: 1 })
    expect(september.source).toBe('live')
  })

  it('splits decisions on major questions of the past year by how they were reached', async () => {
    const root = await summariseAudit(t.db, t.clock, { bodyId: t.tree.central.id, checks })
    expect(root.ratios.discussedDecisions).toEqual({
      from: '1922-12-03',
      to: '1923-12-02',
      total: 3,
      afterDiscussion: 1,
      byException: 1,
      urgent: 1,
      confidential: 0,
      withoutDiscussion: 1,
      share: 0.3333,
    })
    const [regionA, regionB] = root.children
    expect(regionA?.ratios.discussedDecisions).toMatchObject({
      total: 2,
      afterDiscussion: 1,
      withoutDiscussion: 1,
    })
    expect(regionB?.ratios.discussedDecisions).toMatchObject({ total: 1, urgent: 1 })
    // A year earlier, A2's decision without discussion is in the window and the others are not.
    const earlier = await summariseAudit(t.db, t.clock, {
      bodyId: t.tree.central.id,
      asOf: '1922-07-01',
      checks,
    })
    expect(earlier.ratios.discussedDecisions).toMatchObject({ total: 1, withoutDiscussion: 1, share: 0 })
  })

  it('gives the median days from a worker’s application to admission, per child too', async () => {
    const root = await summariseAudit(t.db, t.clock, { bodyId: t.tree.central.id, checks })
    expect(root.ratios.workerAdmission).toEqual({
      from: '1922-12-03',
      to: '1923-12-02',
      decided: 4,
      medianDays: 25,
    })
    expect(
      root.children.map((child) => [
        child.body.name,
        child.ratios.workerAdmission.decided,
        child.ratios.workerAdmission.medianDays,
      ]),
    ).toEqual([
      ['Region A', 3, 30],
      ['Region B', 1, 20],
    ])
    const before = await summariseAudit(t.db, t.clock, {
      bodyId: t.tree.central.id,
      asOf: '1923-09-30',
      checks,
    })
    expect(before.ratios.workerAdmission).toMatchObject({ decided: 0, medianDays: null })
  })

  it('refuses a date that does not exist or lies in the future', async () => {
    for (const asOf of ['1923-02-30', '1923-12-03', 'yesterday']) {
      const error = await summariseAudit(t.db, t.clock, { bodyId: t.tree.central.id, asOf }).catch((e) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('VALIDATION_FAILED')
    }
    const missing = await summariseAudit(t.db, t.clock, { bodyId: 987654 }).catch((e) => e)
    expect((missing as AppError).code).toBe('BODY_NOT_FOUND')
  })
})

describe('stored findings, snapshots and trends', () => {
  it('reads stored findings once the follower has made today’s full run, and snapshots bodies with children', async () => {
    const pass = await t.follow(checks)
    expect(pass.mode).toBe('full')
    // Remove B1's stored finding, as if a change had come after the follower's last pass and it
    // had not run since: a stored read shows it gone, a live one (or a past date) does not.
    await t.db.deleteFrom('audit_findings').where('body_id', '=', t.tree.unitB1.id).execute()
    const stored = await summariseAudit(t.db, t.clock, { bodyId: t.tree.central.id, checks })
    expect(stored.source).toBe('stored')
    expect(stored.totals).toEqual({ violation: 1, warning: 0, notice: 1, total: 2 })
    const live = await summariseAudit(t.db, t.clock, { bodyId: t.tree.central.id, checks, live: true })
    expect(live.totals.total).toBe(3)
    // The follower's full run took today's snapshots of the five bodies with children.
    const snapshots = await t.db.selectFrom('audit_snapshots').select(['body_id', 'on_date']).execute()
    expect(snapshots.map((row) => row.body_id).sort((a, b) => a - b)).toEqual(
      [t.tree.central, t.tree.regionA, t.tree.regionB, t.tree.districtA, t.tree.districtB]
        .map((b) => b.id)
        .sort((a, b) => a - b),
    )
    expect(await takeAuditSnapshots(t.db, t.clock)).toBe(5)
    const trend = await listAuditTrend(t.db, t.clock, {
      bodyId: t.tree.districtA.id,
      from: '1923-01-01',
      to: t.today(),
    })
    expect(trend.points).toHaveLength(1)
    expect(trend.points[0]).toMatchObject({
      onDate: '1923-12-02',
      totals: { violation: 1, notice: 1, total: 2 },
      ratios: { electedPosts: { elected: 2, appointed: 1 }, workerAdmission: { decided: 3, medianDays: 30 } },
    })
    expect(trend.points[0]).not.toHaveProperty('children')
  })

  it('backfills snapshots as of past dates for the trend', async () => {
    const written = await backfillAuditSnapshots(t.db, {
      from: '1923-08-01',
      to: '1923-11-30',
      everyDays: 30,
      clock: t.clock,
    })
    expect(written).toBe(5 * 5)
    const trend = await listAuditTrend(t.db, t.clock, {
      bodyId: t.tree.regionA.id,
      from: '1923-08-01',
      to: '1923-12-02',
    })
    expect(trend.points.map((point) => [point.onDate, point.ratios.electedPosts.appointed])).toEqual([
      ['1923-08-01', 0],
      ['1923-08-31', 0],
      ['1923-09-30', 0],
      ['1923-10-30', 1],
      ['1923-11-29', 1],
      ['1923-12-02', 1],
    ])
    const bad = await listAuditTrend(t.db, t.clock, {
      bodyId: t.tree.regionA.id,
      from: '1923-12-02',
      to: '1923-01-01',
    }).catch((e) => e)
    expect((bad as AppError).code).toBe('VALIDATION_FAILED')
  })

  it('lists findings in report order, keyset-paged, stored and live alike, filtered by severity', async () => {
    await t.refreshAll(checks)
    const read = async (live: boolean) => {
      const ids: string[] = []
      let after: string | null = null
      do {
        const page = await listFindings(t.db, t.clock, {
          bodyId: t.tree.central.id,
          checks,
          live,
          limit: 1,
          after,
        })
        expect(page.source).toBe(live ? 'live' : 'stored')
        ids.push(...page.items.map((finding) => finding.id))
        after = page.nextCursor
      } while (after)
      return ids
    }
    const stored = await read(false)
    expect(stored).toHaveLength(3)
    expect(stored[0]).toBe(`unit.inactive:body:${t.tree.unitA1.id}`)
    expect(await read(true)).toEqual(stored)
    const notices = await findingsOfScope(t.db, t.clock, {
      bodyId: t.tree.regionA.id,
      checks,
      severity: 'notice',
    })
    expect(notices.findings.map((finding) => [finding.bodyName, finding.severity, finding.evidence])).toEqual(
      [['Unit A2', 'notice', []]],
    )
    const bad = await listFindings(t.db, t.clock, {
      bodyId: t.tree.central.id,
      checks,
      after: 'nonsense',
    }).catch((e) => e)
    expect((bad as AppError).code).toBe('VALIDATION_FAILED')
  })
})
