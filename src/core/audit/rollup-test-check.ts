import type { AuditCheck } from './audit-check.ts'
import { bodyActiveAt, bodyInScope } from './audit-scope.ts'

/**
 * A check for the tests of roll-ups, lists and reports, which need findings whatever real checks
 * exist: every active unit in scope is a finding, a violation for a factory unit and a notice for
 * any other, since 1 November 1923. Not registered in AUDIT_CHECKS.
 */
export const everyUnitCheck: AuditCheck = {
  kind: 'unit.inactive',
  family: 'deliberation',
  title: 'Every unit (test)',
  triggers: [],
  async find(db, input) {
    const units = await db
      .selectFrom('bodies as b')
      .select(['b.id', 'b.name', 'b.kind'])
      .where('b.level', '=', 'unit')
      .where(bodyInScope(input.scope, 'b'))
      .where(bodyActiveAt(input.asOfEnd, 'b'))
      .execute()
    return units.map((unit) => ({
      rule: 'deliberation.unit-meetings',
      bodyId: unit.id,
      subject: { kind: 'body', id: unit.id },
      severity: unit.kind === 'factory' ? ('violation' as const) : ('notice' as const),
      since: '1923-11-01',
      evidence: [],
      message: `${unit.name} is found by the test check.`,
    }))
  },
}
