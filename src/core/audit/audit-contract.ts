import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FindingSeverity } from '../../db/schema-audit.ts'
import type { AuditCheck } from './audit-check.ts'
import { type AuditTest, openAuditTest } from './audit-test-fixture.ts'
import type { FindingSubject } from './finding.ts'
import { refreshFindings } from './refresh-findings.ts'

/** The finding a scenario's violation must produce. */
export interface ExpectedFinding {
  readonly bodyId: number
  readonly subject: FindingSubject
  readonly severity: FindingSeverity
  readonly rule: string
  /** A date before the violation began: an audit as of then finds nothing. */
  readonly notBefore: string
}

/**
 * How one check is put through the contract, with the use cases a body would use:
 * - `clean`: data that comes close to the violation but keeps the rule (the fixture's own data
 *   is made clean here too, e.g. units that meet);
 * - `violate`: one departure from the rule, and the finding it must produce;
 * - `repair`: what a body does to put it right (an election replacing an appointment, a
 *   ratification, …). A few findings record acts that cannot be undone (a decision taken without
 *   discussion stays taken); for them `repair` says why, and the contract checks instead that the
 *   finding stays when its body is rechecked, through later days' full runs and later audits.
 */
export interface CheckScenario {
  readonly clean: (t: AuditTest) => Promise<void>
  readonly violate: (t: AuditTest) => Promise<ExpectedFinding>
  readonly repair: ((t: AuditTest, found: ExpectedFinding) => Promise<void>) | { readonly permanent: string }
}

/** The finding of `check` about the expected subject in a list, or undefined. */
function findingFor<F extends { kind: string; subject: FindingSubject }>(
  findings: readonly F[],
  check: AuditCheck,
  expected: ExpectedFinding,
): F | undefined {
  return findings.find(
    (finding) =>
      finding.kind === check.kind &&
      finding.subject.kind === expected.subject.kind &&
      finding.subject.id === expected.subject.id,
  )
}

/**
 * The one contract every audit check runs (like the counting methods' shared suite): no finding
 * on clean data; the finding, fully formed, on violating data; gone once repaired, through the
 * follower's incremental pass and not a full run; and absent as of a date before the violation.
 */
export function auditCheckContract(check: AuditCheck, scenario: CheckScenario): void {
  describe(`audit check ${check.kind} (contract)`, () => {
    let t: AuditTest
    beforeEach(async () => {
      t = await openAuditTest()
      await scenario.clean(t)
    })
    afterEach(async () => {
      await t.database.drop()
    })

    it('finds nothing on clean data', async () => {
      expect(await t.audit([check])).toEqual([])
    })

    it('finds the violation: its rule, body, subject, severity, date, evidence and a plain message', async () => {
      const expected = await scenario.violate(t)
      const findings = await t.audit([check])
      const finding = findingFor(findings, check, expected)
      expect(
        finding,
        `no ${check.kind} finding about ${expected.subject.kind} ${expected.subject.id}`,
      ).toBeDefined()
      if (!finding) return
      expect(finding).toMatchObject({
        kind: check.kind,
        rule: expected.rule,
        bodyId: expected.bodyId,
        severity: expected.severity,
      })
      expect(finding.id).toBe(`${check.kind}:${expected.subject.kind}:${expected.subject.id}`)
      // The rule is one of the charter in force, and the finding is dated within the audit.
      const rules = await t.charterRules()
      expect(rules.map((rule) => rule.id)).toContain(finding.rule)
      expect(finding.since > expected.notBefore && finding.since <= t.today()).toBe(true)
      // Evidence: real events of the log, oldest first.
      const events = await t.db
        .selectFrom('events')
        .select('id')
        .where('id', 'in', finding.evidence.length ? [...finding.evidence] : [-1])
        .execute()
      expect(events.length).toBe(finding.evidence.length)
      expect([...finding.evidence]).toEqual([...finding.evidence].sort((a, b) => a - b))
      // A sentence a member reads, naming the body; no member's name.
      expect(finding.message).toMatch(/^[A-Z].{20,}[.)]$/s)
      expect(finding.message).toContain(finding.bodyName)
      for (const name of await t.memberNames()) expect(finding.message).not.toContain(name)
      // Only findings of this check's kind, in the body asked about when scoped to it.
      const scoped = await t.audit([check], undefined, { kind: 'bodies', bodyIds: [expected.bodyId] })
      expect(findingFor(scoped, check, expected)).toBeDefined()
    })

    it('finds nothing as of a date before the violation', async () => {
      const expected = await scenario.violate(t)
      expect(findingFor(await t.audit([check], expected.notBefore), check, expected)).toBeUndefined()
    })

    if (typeof scenario.repair === 'function') {
      const repair = scenario.repair
      it('clears the finding once repaired, in an incremental pass over the bodies the repair touched', async () => {
        const expected = await scenario.violate(t)
        await t.follow([check])
        const id = `${check.kind}:${expected.subject.kind}:${expected.subject.id}`
        expect((await t.stored([check.kind])).has(id)).toBe(true)
        await repair(t, expected)
        const pass = await t.follow([check])
        expect(pass.mode).toBe('incremental')
        if (pass.mode !== 'incremental') return
        const bodies = await t.db.selectFrom('bodies').select('id').execute()
        const rechecked = pass.refreshed.find((entry) => entry.kind === check.kind)
        expect(rechecked?.bodies).toBeGreaterThan(0)
        expect(rechecked?.bodies).toBeLessThan(bodies.length)
        expect((await t.stored([check.kind])).has(id)).toBe(false)
        // The stored findings equal a live audit: the increment lost nothing.
        const live = await t.audit([check])
        expect([...(await t.stored([check.kind])).keys()].sort()).toEqual(live.map((f) => f.id).sort())
      })
    } else {
      const reason = scenario.repair.permanent
      it(`keeps the finding: ${reason}`, async () => {
        const expected = await scenario.violate(t)
        await t.follow([check])
        const id = `${check.kind}:${expected.subject.kind}:${expected.subject.id}`
        // Rechecking its body, as a follower pass does after any event there, keeps it…
        await t.db.transaction().execute((trx) =>
          refreshFindings(trx, t.clock, {
            scope: { kind: 'bodies', bodyIds: [expected.bodyId] },
            checks: [check],
          }),
        )
        expect((await t.stored([check.kind])).has(id)).toBe(true)
        // …and so do the full runs of later days.
        t.clock.advanceDays(40)
        expect((await t.follow([check])).mode).toBe('full')
        expect((await t.stored([check.kind])).has(id)).toBe(true)
        expect(findingFor(await t.audit([check]), check, expected)).toBeDefined()
      })
    }
  })
}
