import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerMember } from '../members/register-member.ts'
import type { AuditCheck } from './audit-check.ts'
import { auditReport } from './audit-report.ts'
import { liveAuditRun } from './audit-source.ts'
import { type AuditTest, openAuditTest } from './audit-test-fixture.ts'
import { findingsCsv } from './export-findings.ts'
import type { Finding } from './finding.ts'
import { findingsOfScope, listFindings } from './list-findings.ts'
import { everyUnitCheck } from './rollup-test-check.ts'

let t: AuditTest

/** A finding about a member (as a pending application's is): Olga, the applicant of unit A1. */
const memberCheck: AuditCheck = {
  kind: 'admission.pending-too-long',
  family: 'admission',
  title: 'A member’s application (test)',
  triggers: [],
  async find() {
    return [
      {
        rule: 'admission.decision-deadline',
        bodyId: t.tree.unitA1.id,
        subject: { kind: 'member', id: t.olga.id },
        severity: 'warning' as const,
        since: '1923-10-01',
        evidence: [],
        message: 'An application to Unit A1 has waited past the deadline (test).',
      },
    ]
  },
}
const checks = [everyUnitCheck, memberCheck]
const memberFinding = () => `admission.pending-too-long:member:${t.olga.id}`

beforeAll(async () => {
  t = await openAuditTest()
})
afterAll(async () => t?.database.drop())

describe('findings about members', () => {
  it('are listed only under the reader’s member-reading grants, stored and live alike', async () => {
    await t.refreshAll(checks)
    await t.db
      .insertInto('audit_follower')
      .values({ id: 1, last_event_id: 0, full_run_on: t.today(), updated_at: t.clock.now() })
      .execute()
    const ids = async (live: boolean, under: readonly string[] | null) =>
      (
        await listFindings(t.db, t.clock, {
          bodyId: t.tree.central.id,
          checks,
          live,
          memberSubjectsUnder: under,
        })
      ).items.map((finding) => finding.id)
    for (const live of [false, true]) {
      expect(await ids(live, null)).toContain(memberFinding())
      expect(await ids(live, [t.tree.districtA.path])).toContain(memberFinding())
      expect(await ids(live, [t.tree.regionB.path])).not.toContain(memberFinding())
      const none = await ids(live, [])
      expect(none).not.toContain(memberFinding())
      // Every unit of the tree (its dissolved one too: dissolved after 1923), but not the member.
      expect(none).toHaveLength(4)
    }
    // The report counts it for everyone, and says how many it does not list.
    const report = await auditReport(t.db, t.clock, {
      bodyId: t.tree.central.id,
      checks,
      memberSubjectsUnder: [],
    })
    expect(report.summary.totals.total).toBe(5)
    expect(report.findings).toHaveLength(4)
    expect(report.withheld).toBe(1)
    const scope = await findingsOfScope(t.db, t.clock, {
      bodyId: t.tree.regionA.id,
      checks,
      memberSubjectsUnder: [t.tree.unitA1.path],
    })
    expect(scope.findings.map((finding) => finding.id)).toContain(memberFinding())
  })
})

describe('a live run of a past date', () => {
  it('is shared by the summary and the pages for a while, and run again after a new event', async () => {
    const path = t.tree.central.path
    const first = await liveAuditRun(t.db, t.clock, { asOf: '1923-11-01', path })
    expect(await liveAuditRun(t.db, t.clock, { asOf: '1923-11-01', path })).toBe(first)
    // Another date or subtree, today, or chosen checks: a run of its own.
    expect(await liveAuditRun(t.db, t.clock, { asOf: '1923-10-01', path })).not.toBe(first)
    expect(await liveAuditRun(t.db, t.clock, { asOf: '1923-11-01', path: t.tree.regionA.path })).not.toBe(
      first,
    )
    const today = await liveAuditRun(t.db, t.clock, { asOf: t.today(), path })
    expect(await liveAuditRun(t.db, t.clock, { asOf: t.today(), path })).not.toBe(today)
    expect(await liveAuditRun(t.db, t.clock, { asOf: '1923-11-01', path, checks })).not.toBe(first)
    // A record of the past (here a member joined in 1918, registered now) writes an event: run again.
    await t.run((ctx) =>
      registerMember(ctx, {
        unitId: t.tree.unitA2.id,
        fullName: 'Late Record',
        joinedOn: '1918-03-01',
        category: 'worker',
        status: 'full',
      }),
    )
    expect(await liveAuditRun(t.db, t.clock, { asOf: '1923-11-01', path })).not.toBe(first)
  })
})

describe('the findings CSV', () => {
  it('escapes a cell a spreadsheet would take for a formula, after blanks too', async () => {
    const finding = (bodyName: string): Finding => ({
      id: 'unit.inactive:body:1',
      kind: 'unit.inactive',
      rule: 'deliberation.unit-meetings',
      bodyId: 1,
      bodyName,
      bodyPath: '/1/',
      regionId: 1,
      subject: { kind: 'body', id: 1 },
      severity: 'notice',
      since: '1923-11-01',
      evidence: [],
      message: 'A message.',
    })
    let csv = ''
    for await (const chunk of findingsCsv(
      ['=1+1', ' =HYPERLINK("x")', '\t+1', '  @SUM(A1)', 'Mill -1'].map(finding),
    ))
      csv += chunk
    const names = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[6])
    expect(names).toEqual(["'=1+1", `"' =HYPERLINK(""x"")"`, "'\t+1", "'  @SUM(A1)", 'Mill -1'])
  })
})
