/*
 * The charter's rules as the API sends them: the validated document of src/core/charter/
 * document-schema.ts (defaults filled in), hand-mirrored so the bundle carries no zod.
 * rule-families.test.ts keeps the family list equal to the core's.
 */

import type { MemberCategory, MemberStatus } from '../../api/types.ts'

interface RuleBase {
  /** Stable id that refusals, reasons and findings cite, e.g. `standing.unit-secretary`. */
  readonly id: string
  /** The rule in plain language, as members read it. */
  readonly text: string
}

type Levels = 'all' | readonly string[]

export interface PostRule extends RuleBase {
  readonly post: string
  readonly level: string
  readonly title: string
  readonly seats: number
  readonly termMonths: number
}

export type StandingMinimum =
  | { readonly joinedBefore: string }
  | {
      readonly years?: number
      readonly months?: number
      readonly of: 'membership' | 'full-membership' | 'paid-dues'
    }

export interface StandingRule extends RuleBase {
  readonly posts: readonly string[]
  readonly minimum: StandingMinimum
}

/** An allowed reason to appoint instead of elect, and for how long before an election is due. */
export interface Justification {
  readonly id: string
  readonly text: string
  readonly maxMonths: number
}

export interface ElectionRule extends RuleBase {
  readonly posts: 'all' | readonly string[]
  readonly appointment?: {
    readonly by: 'parent' | readonly string[]
    readonly justifications: readonly Justification[]
  }
}

export interface VotingRightsRule extends RuleBase {
  readonly vote: readonly MemberStatus[]
  readonly consultative: readonly MemberStatus[]
  readonly stand: readonly MemberStatus[]
}

export type DeliberationRule = RuleBase &
  (
    | {
        readonly kind: 'limits'
        readonly levels: Levels
        readonly minimumDays: number
        readonly maximumDays: number
      }
    | {
        readonly kind: 'major'
        readonly topics: readonly string[]
        readonly levels: Levels
        readonly meetingRequired: boolean
      }
    | { readonly kind: 'urgent'; readonly ratifyWithinDays: number }
    | {
        readonly kind: 'confidential'
        readonly topics: readonly string[]
        readonly declassifyWithinDays: number
      }
    | { readonly kind: 'quorum'; readonly levels: Levels; readonly share: number }
    | { readonly kind: 'initiative'; readonly signatureShare: number }
    | { readonly kind: 'meetings'; readonly levels: Levels; readonly everyDays: number }
    | { readonly kind: 'criticism'; readonly hideReasons: readonly string[] }
    | { readonly kind: 'implementation' }
  )

export type InformationRule = RuleBase &
  (
    | {
        readonly kind: 'report'
        readonly level: string
        readonly everyDays: number
        readonly graceDays: number
      }
    | { readonly kind: 'directive'; readonly acknowledgeWithinDays: number }
  )

export interface ConferenceRule extends RuleBase {
  readonly levels: readonly string[]
  readonly fields: readonly string[]
  readonly everyDays: number
}

export type EnterpriseRule = RuleBase &
  (
    | {
        readonly kind: 'administration-report'
        readonly unitKinds: readonly string[]
        readonly everyDays: number
      }
    | { readonly kind: 'trust-conference'; readonly everyDays: number }
  )

export interface AdmissionRule extends RuleBase {
  readonly category: MemberCategory
  readonly recommendations: number
  readonly recommenderStandingYears: number
  readonly probationMonths: number
  readonly decideWithinDays: number
}

export interface PublicElectionRule extends RuleBase {
  readonly minNonMemberShare: number
}

export interface EducationRule extends RuleBase {
  readonly unitKinds: readonly string[]
  readonly sessions: number
  readonly perDays: number
  readonly topics: readonly string[]
}

/** The rules of each family, as the document holds them. */
export interface RuleFamilies {
  readonly posts: readonly PostRule[]
  readonly standing: readonly StandingRule[]
  readonly elections: readonly ElectionRule[]
  readonly votingRights: readonly VotingRightsRule[]
  readonly deliberation: readonly DeliberationRule[]
  readonly information: readonly InformationRule[]
  readonly conferences: readonly ConferenceRule[]
  readonly enterprises: readonly EnterpriseRule[]
  readonly admission: readonly AdmissionRule[]
  readonly publicElections: readonly PublicElectionRule[]
  readonly education: readonly EducationRule[]
}

export type RuleFamily = keyof RuleFamilies

/** One rule with its family, so it can be described without knowing its family in advance. */
export type FamilyRule = {
  [F in RuleFamily]: { readonly family: F; readonly rule: RuleFamilies[F][number] }
}[RuleFamily]
