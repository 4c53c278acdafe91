import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { AUDIT_CHECKS } from '../audit/checks.ts'
import type { AuditSnapshotSummary } from '../audit/take-audit-snapshots.ts'
import { ManualClock } from '../shared/clock.ts'
import { createDemoOrganisation, type DemoSummary } from './create-demo.ts'
import { DEMO_REGIONS } from './demo-tree.ts'

interface StoredFinding {
  id: string
  kind: string
  severity: string
  body_id: number
  body_path: string
  region_id: number
  subject_kind: string
  subject_id: number
  message: string
}

// The whole demo is built once for the file (as demo-deliberation.test.ts does): the audit must
// find each story of SPEC.md's demo organisation whose capability exists, in the stored findings
// the demo leaves behind.
describe('the demo audit', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let summary: DemoSummary
  let findings: StoredFinding[]
  let regionIds: Map<string, number>

  beforeAll(async () => {
    database = await createTestDatabase()
    summary = await createDemoOrganisation(database, new ManualClock('2026-01-01T00:00:00Z'))
    findings = await database.db
      .selectFrom('audit_findings')
      .select([
        'id',
        'kind',
        'severity',
        'body_id',
        'body_path',
        'region_id',
        'subject_kind',
        'subject_id',
        'message',
      ])
      .execute()
    const regions = await database.db
      .selectFrom('bodies')
      .select(['id', 'name'])
      .where('level', '=', 'region')
      .execute()
    regionIds = new Map(
      DEMO_REGIONS.map((plan) => [plan.key, regions.find((region) => region.name === plan.name)?.id ?? -1]),
    )
  }, 600_000)
  afterAll(async () => database?.drop())

  const audited = (kind: string) => AUDIT_CHECKS.some((check) => check.kind === kind)
  const ofKind = (kind: string) => findings.filter((finding) => finding.kind === kind)
  const about = (kind: string, subjectKind: string, subjectId: number) =>
    findings.find((f) => f.kind === kind && f.subject_kind === subjectKind && f.subject_id === subjectId)

  it('finds 80 of the 130 unit secretaries of Yekaterinoslav appointed, and says so in the headline', async () => {
    expect(audited('post.appointed')).toBe(true)
    const region = regionIds.get('yekaterinoslav') as number
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from audit_findings f join mandates m on m.id = f.subject_id
      where f.kind = 'post.appointed' and f.subject_kind = 'mandate' and m.post = 'unit-secretary'
        and f.region_id = ${region}`.execute(database.db)
    expect(Number(rows[0]?.n)).toBe(80)
    expect(summary.audit.reportRegion).toMatchObject({ appointed: 80, held: 130 })
    expect(summary.audit.headline).toMatch(
      /^Audit: [\d,]+ findings — 80 of 130 unit secretaries in Yekaterinoslav appointed; /,
    )
    expect(summary.audit.findings).toBe(findings.length)
    // Those appointed under the Twelfth Congress's six months and past them are violations.
    const violations = ofKind('post.appointed').filter(
      (f) => f.region_id === region && f.severity === 'violation',
    )
    expect(violations.length).toBeGreaterThanOrEqual(30)
  })

  it('finds the Petrograd discussion that ran past its maximum', () => {
    expect(audited('discussion.overrun')).toBe(true)
    const finding = about(
      'discussion.overrun',
      'question',
      summary.deliberation.pastRecords.overrunQuestionId,
    )
    expect(finding?.region_id).toBe(regionIds.get('petrograd'))
  })

  it('finds the Yekaterinoslav decision taken without discussion', () => {
    expect(audited('decision.without-discussion')).toBe(true)
    const finding = about(
      'decision.without-discussion',
      'decision',
      summary.deliberation.pastRecords.undiscussedDecisionId,
    )
    expect(finding?.body_id).toBe(regionIds.get('yekaterinoslav'))
    expect(finding?.severity).toBe('violation')
  })

  it('shows the urgent decision awaiting ratification', () => {
    expect(audited('urgent.unratified')).toBe(true)
    const finding = about('urgent.unratified', 'decision', summary.deliberation.urgent.decisionId)
    expect(finding?.body_id).toBe(summary.deliberation.urgent.bodyId)
  })

  it('finds the factory unit’s two overdue tasks, and not the one done', () => {
    expect(audited('task.overdue')).toBe(true)
    const { tasks } = summary.deliberation
    for (const taskId of tasks.overdueTaskIds) expect(about('task.overdue', 'task', taskId)).toBeDefined()
    expect(about('task.overdue', 'task', tasks.doneTaskId)).toBeUndefined()
  })

  it('finds inactive units mostly in the border regions, and most units elsewhere meeting', async () => {
    expect(audited('unit.inactive')).toBe(true)
    const units = await database.db
      .selectFrom('bodies')
      .select(['id', 'region_id'])
      .where('level', '=', 'unit')
      .where('status', '=', 'active')
      .execute()
    const border = new Set(DEMO_REGIONS.filter((r) => r.border).map((r) => regionIds.get(r.key)))
    const inactive = new Set(ofKind('unit.inactive').map((f) => f.body_id))
    const share = (inBorder: boolean) => {
      const mine = units.filter((unit) => border.has(unit.region_id ?? -1) === inBorder)
      return mine.filter((unit) => inactive.has(unit.id)).length / mine.length
    }
    expect(share(false)).toBeLessThan(0.15)
    expect(share(true)).toBeGreaterThan(0.3)
    const inactiveUnits = units.filter((unit) => inactive.has(unit.id))
    const inBorder = inactiveUnits.filter((unit) => border.has(unit.region_id ?? -1)).length
    expect(inBorder / inactiveUnits.length).toBeGreaterThan(0.5)
  })

  it('dates every lapse from a meeting in the books, citing the bulk entry that recorded it', async () => {
    const recorded = await database.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'meetings.recorded')
      .execute()
    expect(recorded).toHaveLength(1)
    const lapses = ofKind('unit.inactive')
    expect(lapses.length).toBeGreaterThan(0)
    // No body is "never met": the demo's bodies are entered today, so that would show for two weeks only.
    for (const finding of lapses) expect(finding.message).toMatch(/has been held since 1923-/)
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from audit_findings
      where kind = 'unit.inactive' and ${recorded[0]?.id ?? -1}::int8 = any(evidence)`.execute(database.db)
    expect(Number(rows[0]?.n)).toBe(lapses.length)
  })

  it('keeps attendance lists in the books that agree with the counts, drawn from each body’s roll', async () => {
    const { rows } = await sql<{ meetings: string; disagree: string; outside: string }>`
      with bulk as (
        select (payload->>'firstMeetingId')::int8 as first, (payload->>'lastMeetingId')::int8 as last
        from events where type = 'meetings.recorded'
      ), books as (
        select mt.* from meetings mt join bulk on mt.id between bulk.first and bulk.last
      ), came as (
        select ma.meeting_id, count(*) as n,
          count(*) filter (where case when b.level = 'unit' then p.unit_id <> b.id
            else not exists (select 1 from mandates h where h.body_id = b.id and h.member_id = p.id) end) as outside
        from books mt
        join meeting_attendance ma on ma.meeting_id = mt.id
        join members p on p.id = ma.member_id
        join bodies b on b.id = mt.body_id
        group by ma.meeting_id
      )
      select count(*) as meetings,
        count(*) filter (where coalesce(came.n, 0) <> mt.present_count) as disagree,
        coalesce(sum(came.outside), 0) as outside
      from books mt left join came on came.meeting_id = mt.id`.execute(database.db)
    expect(Number(rows[0]?.meetings)).toBe(summary.meetings.held)
    expect(Number(rows[0]?.disagree)).toBe(0)
    expect(Number(rows[0]?.outside)).toBe(0)
  })

  it('finds worker applications pending for months', async () => {
    expect(audited('admission.pending-too-long')).toBe(true)
    const { rows } = await sql<{ n: string; oldest: string }>`
      select count(*) as n, min(p.status_since)::text as oldest from audit_findings f
      join members p on p.id = f.subject_id
      where f.kind = 'admission.pending-too-long' and f.subject_kind = 'member' and p.category = 'worker'`.execute(
      database.db,
    )
    expect(Number(rows[0]?.n)).toBeGreaterThan(20)
    // Applied in the spring or summer: pending for months on the report's day.
    expect(String(rows[0]?.oldest) < '1923-08-01').toBe(true)
  })

  it('keeps a monthly trend of 1923 behind today’s snapshots, and messages without names', async () => {
    const dates = await database.db
      .selectFrom('audit_snapshots')
      .select('on_date')
      .distinct()
      .orderBy('on_date')
      .execute()
    expect(dates.map((row) => String(row.on_date).slice(0, 10))).toEqual([
      ...Array.from({ length: 12 }, (_, m) => `1923-${String(m + 1).padStart(2, '0')}-01`),
      '1923-12-02',
    ])
    // The report region's snapshot of today agrees with the headline: 50 of 130 secretaries elected.
    const region = regionIds.get('yekaterinoslav') as number
    const snapshots = await database.db
      .selectFrom('audit_snapshots')
      .select(['on_date', 'summary'])
      .where('body_id', '=', region)
      .orderBy('on_date')
      .execute()
    expect(snapshots).toHaveLength(13)
    const secretaries = (summary: unknown) =>
      (summary as AuditSnapshotSummary).ratios.electedPosts.posts.find(
        (post) => post.post === 'unit-secretary',
      )
    expect(secretaries(snapshots.at(-1)?.summary)).toMatchObject({ elected: 50, appointed: 80, total: 130 })
    const names = await database.db.selectFrom('members').select('full_name').limit(2000).execute()
    const messages = findings.map((f) => f.message).join('\n')
    for (const { full_name } of names) expect(messages).not.toContain(full_name)
  })
})
