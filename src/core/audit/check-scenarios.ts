import type { CheckScenario } from './audit-contract.ts'
import { DELIBERATION_SCENARIOS } from './checks/deliberation-scenarios.ts'
import { MANDATE_SCENARIOS } from './checks/mandate-scenarios.ts'
import { MEMBERSHIP_SCENARIOS } from './checks/membership-scenarios.ts'
import type { FindingKind } from './finding.ts'

/** Each check's scenario for the shared contract, by kind (each capability's file adds its own). */
export const CHECK_SCENARIOS: Partial<Record<FindingKind, CheckScenario>> = {
  ...DELIBERATION_SCENARIOS,
  ...MANDATE_SCENARIOS,
  ...MEMBERSHIP_SCENARIOS,
}
