import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
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
    await refreshFindings(ctx.db, t.clock, { scope: { kind: 'all' }, checks: [everyUnitCheck] })
    await ctx.db
      .insertInto('audit_follower')
      .values({ id: 1, last_event_id: 0, full_run_on: TODAY, updated_at: t.clock.now() })
      .execute()
    await takeAuditSnapshots(ctx.db, t.clock, TODAY)
  })
  outsider = await t.signInAs('boris@example.org')
})
afterAll(async () => t?.database.drop())

const as = (cookie: string, path: string) => t.app.request(path, { headers: { cookie } })

describe('GET /api/bodies/{id}/audit', () => {
  it('summarises the subtree from the stored findings: counts, ratios, children, charter, absent checks', async () => {
    const summary = await t.ok<Summary>(t.get(`/api/bodies/${t.tree.root.id}/audit`, 'anna'))
    expect(summary).toMatchObject({
      asOf: TODAY,
      source: 'stored',
      totals: { violation: 1, warning: 0, notice: 1, total: 2 },
      charter: { name: 'Test charter for mandates' },
    })
    expect(summary.byKind).toContainEqual(expect.objectContaining({ kind: 'unit.inactive', total: 2 }))
    expect(summary.children.map((child) => [child.body.name, child.totals.total])).toEqual([
      ['Region A', 1],
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

  it('is open to members on their path and officers over the body, 403 to anyone outside', async () => {
    expect((await t.get(`/api/bodies/${t.tree.unitA.id}/audit`, 'galina')).status).toBe(200)
    expect((await t.get(`/api/bodies/${t.tree.unitA.id}/audit`, 'auditor')).status).toBe(200)
    expect((await t.get(`/api/bodies/${t.tree.regionA.id}/audit`, 'secretary')).status).toBe(200)
    expect((await as(outsider, `/api/bodies/${t.tree.root.id}/audit`)).status).toBe(200)
    for (const path of ['audit', 'audit/findings', 'audit/findings.csv', 'audit/trend', 'audit/report']) {
      const refused = await t.refused(as(outsider, `/api/bodies/${t.tree.unitA.id}/${path}`), 403)
      expect(refused.code).toBe('FORBIDDEN')
      expect(
        (await t.refused(t.get(`/api/bodies/${t.tree.regionB.id}/${path}`, 'secretary'), 403)).code,
      ).toBe('FORBIDDEN')
      expect((await t.refused(t.get(`/api/bodies/987654/${path}`, 'admin'), 404)).code).toBe('BODY_NOT_FOUND')
      expect((await t.refused(t.get(`/api/bodies/${t.tree.root.id}/${path}`, null), 401)).code).toBe(
        'UNAUTHENTICATED',
      )
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
    expect(ids).toEqual([`unit.inactive:body:${t.tree.unitA.id}`, `unit.inactive:body:${t.tree.unitB.id}`])
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

  it('exports every finding of the scope as CSV', async () => {
    const res = await t.get(`/api/bodies/${t.tree.regionA.id}/audit/findings.csv`, 'secretary')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = (await res.text()).trim().split('\n')
    expect(lines[0]).toBe(FINDING_CSV_COLUMNS.join(','))
    expect(lines.slice(1)).toHaveLength(1)
    expect(lines[1]).toContain(
      `unit.inactive:body:${t.tree.unitA.id},unit.inactive,violation,deliberation.unit-meetings,1923-11-01`,
    )
  })

  it('gives the trend from the snapshots', async () => {
    const trend = await t.ok<{ points: { onDate: string; totals: { total: number } }[] }>(
      t.get(`/api/bodies/${t.tree.root.id}/audit/trend`, 'anna'),
    )
    expect(trend.points).toEqual([
      expect.objectContaining({ onDate: TODAY, totals: expect.objectContaining({ total: 2 }) }),
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
    'audit/report?asOf=1924-01-01',
  ])('%s', async (path) => {
    const refused = await t.refused(t.get(`/api/bodies/${t.tree.root.id}/${path}`, 'admin'), 400)
    expect(refused).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: expect.anything(),
    })
  })
})
