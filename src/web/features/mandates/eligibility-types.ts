/** Response shapes of the eligibility routes (src/api/routes/eligibility.ts). */

import type { MemberCategory, MemberStatus } from '../../api/types.ts'

/** One rule's verdict on one member: which rule, what it says, whether it holds, and why. */
export interface EligibilityReason {
  readonly ruleId: string
  readonly text: string
  readonly satisfied: boolean
  readonly detail: string
}

/** GET /eligibility. */
export interface EligibilityAnswer {
  readonly eligible: boolean
  readonly reasons: readonly EligibilityReason[]
  /** The failed rules, or every rule when all hold. */
  readonly decidingRuleIds: readonly string[]
  readonly memberId: number
  readonly post: string
  readonly bodyId: number
  readonly date: string
  readonly charterVersionId: number
}

/** One member who may hold the post. */
export interface EligibleMember {
  readonly memberId: number
  readonly fullName: string
  readonly unitId: number
  readonly unitName: string
  readonly joinedOn: string
  readonly fullMemberSince: string | null
  readonly status: MemberStatus
  readonly category: MemberCategory
}

/** GET /bodies/:id/eligible: a page, longest standing first, with the rules applied. */
export interface EligibleMembersPage {
  readonly items: readonly EligibleMember[]
  readonly nextCursor: string | null
  readonly post: string
  readonly bodyId: number
  readonly date: string
  readonly charterVersionId: number
  readonly sortedBy: 'joinedOn' | 'fullMemberSince'
  readonly rules: readonly { readonly ruleId: string; readonly text: string }[]
}
