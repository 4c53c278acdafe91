import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import type { AuditCheck } from '../../core/audit/audit-check.ts'
import { FINDING_CSV_COLUMNS } from '../../core/audit/export-findings.ts'
import { refreshFindings } from '../../core/audit/refresh-findings.ts'
import { everyUnitCheck } from '../../core/audit/rollup-test-check.ts'
import { takeAuditSnapshots } from '../../core/audit/take-audit-snapshots.ts'
import { renameBody } from '../../core/orgs/rename-body.ts'
import { type DeliberationApiTest, openDeliberationApiTest } from '../deliberation-test-fixture.ts'
import { PASSWORD } from '../test-fixture.ts'

let t: DeliberationApiTest
let outsider: string
const TODAY = '1923-12-02'

interface Summary {
  asOf: string
  source: string
  totals: Record<string, number>
  byKind: { kind: string; total: number }[]
  children: { body: { name: string }; totals: Record<string, number> }[]
  charter: { name: string } | null
  absent: { kind: string; waitsFor: string }[]
  ratios: Record<string, unknown>
}
interface Page {
  source: string
  items: { id: string; severity: string; message: string; evidence: number[]; bodyName: string }[]
  nextCursor: string | null
}

/**
 * A test check whose one finding is about a member (as admission.pending-too-long's are): Anna,
 * a member of Mill A, waiting since 1 October. Listed only to readers who may read Mill A's
 * members; counted for everyone.
 */
const memberCheck: AuditCheck = {
  kind: 'admission.pending-too-long',
  family: 'admission',
  title: 'A member’s application (test)',
  triggers: [],
  async find() {
    return [
      {
        rule: 'admission.decision-deadline',
        bodyId: t.tree.unitA.id,
        subject: { kind: 'member', id: t.tree.memberA.id },
        severity: 'warning' as const,
        since: '1923-10-01',
        evidence: [],
        message: 'A worker’s application to Mill A has waited past the deadline (member test).',
      },
    ]
  },
}
const MEMBER_FINDING = () => `admission.pending-too-long:member:${t.tree.memberA.id}`

beforeAll(async () => {
  t = await openDeliberationApiTest()
  await t.run(async (ctx) => {
    // A name that must be escaped in the HTML report.
    await renameBody(ctx, { bodyId: t.tree.unitB.id, name: 'Farm <B> & "sons"' })
    // Boris, a member of Farm B, reads his own path and nothing of region A.
    const boris = await createAccount(ctx, {
      email: 'boris@example.org',
      displayName: 'Boris',
      password: PASSWORD,
      memberId: t.tree.memberB.id,
    })
    await grantRole(ctx, { accountId: boris.id, role: 'member', bodyId: t.tree.unitB.id })
    // Findings of a test check, stored as the follower stores them, after today's full run.
    await refreshFindings(ctx.db, t.clock, { scope: { kind: 'all' }, checks: [everyUnitCheck, memberCheck] })
    await ctx.db
      .insertInto('audit_follower')
      .values({ id: 1, last_event_id: 0, full_run_on: TODAY, updated_at: t.clock.now() })
      .execute()
    await takeAuditSnapshots(ctx.db, t.clock)
  })
  outsider = await t.signInAs('boris@example.org')
})
afterAll(async () => t?.database.drop())

const as = (cookie: string, path: string) => t.app.request(path, { headers: { cookie } })

describe('GET /api/bodies/{id}/audit', () => {
  it('summarises the subtree from the stored findings: counts, ratios, children, charter, absent checks', async () => {
    const summary = await t.ok<Summary>(t.get(`/api/bodies/${t.tree.root.id}/audit`, 'anna'))
    // The finding about a member is counted for Anna too, though not listed to her (below).
    expect(summary).toMatchObject({
      asOf: TODAY,
      source: 'stored',
      totals: { violation: 1, warning: 1, notice: 1, total: 3 },
      charter: { name: 'Test charter for mandates' },
    })
    expect(summary.byKind).toContainEqual(expect.objectContaining({ kind: 'unit.inactive', total: 2 }))
    expect(summary.children.map((child) => [child.body.name, child.totals.total])).toEqual([
      ['Region A', 2],
      ['Region B', 1],
    ])
    expect(summary.absent.length).toBeGreaterThan(0)
    expect(Object.keys(summary.ratios).sort()).toEqual([
      'conferenceRegularity',
      'discussedDecisions',
      'electedPosts',
      'reportPunctuality',
      'workerAdmission',
    ])
    // A past date runs the checks live (the test check is not registered: nothing found).
    const past = await t.ok<Summary>(t.get(`/api/bodies/${t.tree.root.id}/audit?asOf=1923-06-01`, 'admin'))
    expect(past).toMatchObject({ asOf: '1923-06-01', source: 'live' })
  })

  it('is open to every signed-in account for every body: 401 only without a session, 404 for no body', async () => {
    for (const path of ['audit', 'audit/findings', 'audit/findings.csv', 'audit/trend', 'audit/report']) {
      // Boris, of Region B, reads Mill A's audit; Region A's secretary reads Region B's.
      expect((await as(outsider, `/api/bodies/${t.tree.unitA.id}/${path}`)).status, path).toBe(200)
      expect((await as(outsider, `/api/bodies/${t.tree.root.id}/${path}`)).status, path).toBe(200)
      expect((await t.get(`/api/bodies/${t.tree.regionB.id}/${path}`, 'secretary')).status, path).toBe(200)
      expect((await t.get(`/api/bodies/${t.tree.unitA.id}/${path}`, 'auditor')).status, path).toBe(200)
      expect((await t.refused(t.get(`/api/bodies/987654/${path}`, 'admin'), 404)).code).toBe('BODY_NOT_FOUND')
      expect((await t.refused(t.get(`/api/bodies/${t.tree.root.id}/${path}`, null), 401)).code).toBe(
        'UNAUTHENTICATED',
      )
    }
  })

  it('with latest=true reads what the audit holds as of the last full run, never running the checks', async () => {
    const latest = await t.ok<Summary>(t.get(`/api/bodies/${t.tree.root.id}/audit?latest=true`, 'anna'))
    expect(latest).toMatchObject({ asOf: TODAY, source: 'stored', totals: { total: 3 } })
    const setFullRun = (day: string | null) =>
      t.database.db.updateTable('audit_follower').set({ full_run_on: day }).where('id', '=', 1).execute()
    try {
      // A follower whose last full run was two days ago: the stored findings, said to be of that day.
      await setFullRun('1923-11-30')
      const older = await t.ok<Summary>(t.get(`/api/bodies/${t.tree.regionA.id}/audit?latest=true`, 'anna'))
      expect(older).toMatchObject({ asOf: '1923-11-30', source: 'stored', totals: { total: 2 } })
      // No full run at all: the newest snapshot (bodies with children), else nothing.
      await setFullRun(null)
      const snapshot = await t.ok<Summary>(t.get(`/api/bodies/${t.tree.root.id}/audit?latest=true`, 'anna'))
      expect(snapshot).toMatchObject({ asOf: TODAY, source: 'snapshot', totals: { total: 3 }, children: [] })
      const none = await t.ok<Summary>(t.get(`/api/bodies/${t.tree.unitA.id}/audit?latest=true`, 'anna'))
      expect(none).toMatchObject({ asOf: TODAY, source: 'none', totals: { total: 0 } })
    } finally {
      await setFullRun(TODAY)
    }
  })
})

describe('findings, CSV, trend and report', () => {
  it('pages the findings gravest first and filters them', async () => {
    const ids: string[] = []
    let after: string | null = null
    do {
      const query: string = `limit=1${after ? `&after=${after}` : ''}`
      const page: Page = await t.ok<Page>(
        t.get(`/api/bodies/${t.tree.root.id}/audit/findings?${query}`, 'anna'),
      )
      expect(page.source).toBe('stored')
      ids.push(...page.items.map((item) => item.id))
      after = page.nextCursor
    } while (after)
    // Anna may not read Mill A's member records: the finding about a member is not listed to her.
    expect(ids).toEqual([`unit.inactive:body:${t.tree.unitA.id}`, `unit.inactive:body:${t.tree.unitB.id}`])
    const all = await t.ok<Page>(t.get(`/api/bodies/${t.tree.root.id}/audit/findings`, 'admin'))
    expect(all.items.map((item) => item.id)).toEqual([
      `unit.inactive:body:${t.tree.unitA.id}`,
      MEMBER_FINDING(),
      `unit.inactive:body:${t.tree.unitB.id}`,
    ])
    const notices = await t.ok<Page>(
      t.get(`/api/bodies/${t.tree.root.id}/audit/findings?severity=notice`, 'admin'),
    )
    expect(notices.items).toEqual([
      {
        id: `unit.inactive:body:${t.tree.unitB.id}`,
        kind: 'unit.inactive',
        rule: 'deliberation.unit-meetings',
        severity: 'notice',
        since: '1923-11-01',
        bodyId: t.tree.unitB.id,
        bodyName: 'Farm <B> & "sons"',
        bodyPath: t.tree.unitB.path,
        regionId: t.tree.regionB.id,
        subject: { kind: 'body', id: t.tree.unitB.id },
        evidence: [],
        message: 'Farm <B> & "sons" is found by the test check.',
      },
    ])
    const other = await t.ok<Page>(
      t.get(`/api/bodies/${t.tree.root.id}/audit/findings?kind=post.appointed`, 'admin'),
    )
    expect(other.items).toEqual([])
  })

  it('exports every finding of the scope as CSV, those about members to who may read them', async () => {
    const res = await t.get(`/api/bodies/${t.tree.regionA.id}/audit/findings.csv`, 'secretary')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = (await res.text()).trim().split('\n')
    expect(lines[0]).toBe(FINDING_CSV_COLUMNS.join(','))
    expect(lines.slice(1)).toHaveLength(2)
    expect(lines[1]).toContain(
      `unit.inactive:body:${t.tree.unitA.id},unit.inactive,violation,deliberation.unit-meetings,1923-11-01`,
    )
    expect(lines[2]).toContain(`${MEMBER_FINDING()},admission.pending-too-long,warning`)
    // The fellow member, the auditor (no members.read) and Region B's member: the counts only.
    for (const cookie of [
      await t.signInAs('galina@example.org'),
      await t.signInAs('auditor@example.org'),
      outsider,
    ]) {
      const csv = await (await as(cookie, `/api/bodies/${t.tree.regionA.id}/audit/findings.csv`)).text()
      expect(csv).toContain(`unit.inactive:body:${t.tree.unitA.id}`)
      expect(csv).not.toContain(MEMBER_FINDING())
    }
    // Fyodor, secretary of District A1 over Mill A, reads it.
    const fyodor = await (await t.get(`/api/bodies/${t.tree.root.id}/audit/findings.csv`, 'fyodor')).text()
    expect(fyodor).toContain(MEMBER_FINDING())
  })

  it('gives the trend from the snapshots', async () => {
    const trend = await t.ok<{ points: { onDate: string; totals: { total: number } }[] }>(
      t.get(`/api/bodies/${t.tree.root.id}/audit/trend`, 'anna'),
    )
    expect(trend.points).toEqual([
      expect.objectContaining({ onDate: TODAY, totals: expect.objectContaining({ total: 3 }) }),
    ])
    const leaf = await t.ok<{ points: unknown[] }>(
      t.get(`/api/bodies/${t.tree.unitA.id}/audit/trend?from=1923-01-01`, 'anna'),
    )
    expect(leaf.points).toEqual([])
  })

  it('renders a printable HTML report with charts, findings and escaped text', async () => {
    const res = await t.get(`/api/bodies/${t.tree.root.id}/audit/report`, 'anna')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<svg')
    expect(html).toContain('<polyline')
    expect(html).toContain('@media print')
    expect(html).toContain('Mill A is found by the test check.')
    expect(html).toContain('deliberation.unit-meetings')
    expect(html).toContain('Farm &lt;B&gt; &amp; &quot;sons&quot; is found by the test check.')
    expect(html).not.toContain('<B>')
    expect(html).not.toContain('<script')
    // Anna sees the finding about a member counted, not listed; the admin sees it listed.
    expect(html).not.toContain('(member test)')
    expect(html).toContain('1 finding about members (pending applications) is counted above but not listed')
    const admin = await (await t.get(`/api/bodies/${t.tree.root.id}/audit/report`, 'admin')).text()
    expect(admin).toContain('(member test)')
    expect(admin).not.toContain('counted above but not listed')
  })
})

describe('bad input is 400 with { code, message, details }', () => {
  it.each([
    'audit?asOf=1923-02-30',
    'audit?asOf=1923-12-03',
    'audit?asOf=yesterday',
    'audit/findings?asOf=2100-01-01',
    'audit/findings?kind=nonsense',
    'audit/findings?severity=grave',
    'audit/findings?after=not-a-cursor',
    'audit/findings?limit=0',
    'audit/findings?limit=501',
    'audit/findings.csv?asOf=1923-13-01',
    'audit/trend?from=1923-12-02&to=1923-01-01',
    'audit/trend?to=1923-02-30',
    'audit/trend?to=2100-01-01',
    'audit/trend?from=1000-01-01',
    'audit/trend?from=1920-01-01&to=1923-12-01',
    'audit/report?asOf=1924-01-01',
    'audit?latest=yes',
    'audit?latest=true&asOf=1923-06-01',
    'audit?asof=1923-06-01',
    'audit/findings?nonsense=1',
    'audit/findings.csv?limit=5',
    'audit/trend?asOf=1923-06-01',
    'audit/report?kind=post.appointed',
  ])('%s', async (path) => {
    const refused = await t.refused(t.get(`/api/bodies/${t.tree.root.id}/${path}`, 'admin'), 400)
    expect(refused).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: expect.anything(),
    })
  })
})
