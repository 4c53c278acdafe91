/** Response shapes of the charter routes (src/api/routes/charter.ts), as the web app reads them. */

import type { RuleFamilies, RuleFamily } from './rule-types.ts'

export type DecisionKind = 'congress' | 'conference' | 'committee'
export const DECISION_KINDS: readonly DecisionKind[] = ['congress', 'conference', 'committee']

/** The decision that adopted a version. */
export interface CharterDecision {
  readonly kind: DecisionKind
  readonly title: string
  readonly decidedOn: string
  /** The deciding body (the root unless named). */
  readonly bodyId: number
}

/** The validated document, defaults filled in (the route types it loosely; see rule-types.ts). */
export interface CharterDocument {
  readonly charter: 1
  readonly name: string
  readonly levels: readonly string[]
  readonly rules: RuleFamilies
}

/** A version with its rules by family (ids and texts) and its whole document. */
export interface CharterVersion {
  readonly versionId: number
  readonly name: string
  readonly effectiveFrom: string
  readonly decision: CharterDecision
  readonly levels: readonly string[]
  readonly families: readonly {
    readonly family: RuleFamily
    readonly rules: readonly { readonly id: string; readonly text: string }[]
  }[]
  readonly ruleCount: number
  readonly document: CharterDocument
}

/** GET /charter?date=: the version in force on the date. */
export type CharterInForce = CharterVersion & {
  readonly date: string
  readonly permissions: { readonly canAdopt: boolean }
}

/** GET /charter/versions/:id (and POST /charter/versions, 201): with the file as adopted. */
export type CharterVersionDetail = CharterVersion & {
  readonly source: string
  readonly sourceSha256: string
  readonly adoptedAt: string
}

export type VersionStatus = 'scheduled' | 'in-force' | 'superseded'

/** One version in GET /charter/versions. */
export interface CharterVersionSummary {
  readonly versionId: number
  readonly name: string
  readonly effectiveFrom: string
  readonly decision: CharterDecision
  readonly adoptedAt: string
  readonly sourceSha256: string
  readonly ruleCount: number
  readonly status: VersionStatus
}

/** GET /charter/versions: newest effective date first, each marked on the organisation's today. */
export interface CharterVersionList {
  readonly today: string
  readonly items: readonly CharterVersionSummary[]
  readonly permissions: { readonly canAdopt: boolean }
}

/** One problem of a charter document, placed where an editor can jump to it. */
export interface CharterIssue {
  /** Dotted path, e.g. `rules.posts.2.level`; empty for a YAML syntax error. */
  readonly path: string
  readonly line: number
  readonly column: number
  readonly message: string
}

/** POST /charter/validate. */
export interface CharterValidation {
  readonly ok: boolean
  readonly issues: readonly CharterIssue[]
}
