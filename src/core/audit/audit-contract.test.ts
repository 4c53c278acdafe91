import { describe, expect, it } from 'vitest'
import { auditCheckContract } from './audit-contract.ts'
import { CHECK_SCENARIOS } from './check-scenarios.ts'
import { ABSENT_CHECKS, AUDIT_CHECKS } from './checks.ts'
import { FINDING_KINDS } from './finding.ts'

// One contract suite for every check there is (like the counting methods' common suite).
for (const check of AUDIT_CHECKS) {
  const scenario = CHECK_SCENARIOS[check.kind]
  if (scenario) auditCheckContract(check, scenario)
}

describe('the audit checks', () => {
  it('put every check through the contract', () => {
    const missing = AUDIT_CHECKS.filter((check) => !CHECK_SCENARIOS[check.kind]).map((check) => check.kind)
    expect(missing).toEqual([])
  })

  it('account for every finding kind: checked, or absent with the capability it waits for', () => {
    const checked = AUDIT_CHECKS.map((check) => check.kind)
    const absent = ABSENT_CHECKS.map((entry) => entry.kind)
    expect(new Set(checked).size).toBe(checked.length)
    expect(checked.filter((kind) => absent.includes(kind))).toEqual([])
    expect([...checked, ...absent].sort()).toEqual([...FINDING_KINDS].sort())
  })
})
