import type { CheckScenario } from './audit-contract.ts'
import type { FindingKind } from './finding.ts'

/** Each check's scenario for the shared contract, by kind (each capability's file adds its own). */
export const CHECK_SCENARIOS: Partial<Record<FindingKind, CheckScenario>> = {}
