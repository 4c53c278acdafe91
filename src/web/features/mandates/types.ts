/** Response shapes of the mandate routes (src/api/routes/mandates.ts, src/api/mandate-schemas.ts). */

export type MandateHow = 'elected' | 'appointed'
export type EndReason = 'term-ended' | 'resigned' | 'recalled' | 'replaced'
/** The reasons a user may end a mandate by hand (`replaced` comes only from an election). */
export const END_REASONS = ['term-ended', 'resigned', 'recalled'] as const
export type ManualEndReason = (typeof END_REASONS)[number]

interface BodyRef {
  readonly id: number
  readonly name: string
}

/** A mandate as written (POST answers). */
export interface Mandate {
  readonly id: number
  readonly memberId: number
  readonly bodyId: number
  readonly post: string
  readonly how: MandateHow
  readonly startsOn: string
  /** Planned end: the term, or the appointment's expiry. */
  readonly endsOn: string
  readonly endedOn: string | null
  readonly endReason: EndReason | null
  readonly electionId: number | null
  readonly appointedByBodyId: number | null
  readonly justification: string | null
  readonly ruleId: string | null
  readonly charterVersionId: number
  /** The member's first mandate: promoted from the ranks. */
  readonly firstMandate: boolean
  readonly eventId: number
}

/** A mandate in a list (GET /bodies/:id/mandates, GET /members/:id/mandates). */
export interface MandateSummary {
  readonly id: number
  readonly memberId: number
  readonly memberName: string
  readonly bodyId: number
  readonly bodyName: string
  readonly post: string
  readonly postTitle: string
  readonly how: MandateHow
  readonly startsOn: string
  readonly endsOn: string
  readonly endedOn: string | null
  readonly endReason: EndReason | null
  readonly electionId: number | null
  readonly appointedBy: BodyRef | null
  readonly justification: string | null
  readonly ruleId: string | null
  readonly charterVersionId: number
  readonly firstMandate: boolean
  readonly state: 'upcoming' | 'active' | 'expired' | 'ended'
  readonly canEnd: boolean
}

/** One holder of a post on the date asked about. */
export interface PostHolder {
  readonly mandateId: number
  readonly memberId: number
  readonly memberName: string
  readonly how: MandateHow
  readonly startsOn: string
  readonly endsOn: string
  readonly electionId: number | null
  readonly appointedBy: BodyRef | null
  /** The charter justification, with its text from the version the appointment was made under. */
  readonly justification: { readonly id: string; readonly text: string | null } | null
  /** An appointment past its expiry that no one has ended: an election is due. */
  readonly expired: boolean
  readonly firstMandate: boolean
  readonly ruleId: string | null
}

export interface JustificationOption {
  readonly id: string
  readonly text: string
  readonly maxMonths: number
}

/** One post of the body by the charter in force, with its holders and vacant seats. */
export interface BodyPost {
  readonly post: string
  readonly title: string
  readonly seats: number
  readonly termMonths: number | null
  /** False for a post still held but no longer in the charter. */
  readonly defined: boolean
  readonly ruleIds: {
    readonly post: string | null
    readonly standing: readonly string[]
    readonly election: string | null
  }
  readonly appointment: {
    readonly by: 'parent' | readonly string[]
    readonly justifications: readonly JustificationOption[]
  } | null
  readonly elective: boolean
  readonly appointingBodies: readonly { readonly id: number; readonly name: string; readonly level: string }[]
  readonly holders: readonly PostHolder[]
  readonly vacant: number
  /** The caller manages a body allowed to appoint to it. */
  readonly canAppoint: boolean
}

/** GET /bodies/:id/posts. */
export interface BodyPosts {
  readonly bodyId: number
  readonly date: string
  readonly charterVersionId: number | null
  readonly posts: readonly BodyPost[]
  readonly permissions: {
    readonly canRead: boolean
    /** Record elected mandates and end mandates of this body. */
    readonly canManageMandates: boolean
  }
}

/** POST /bodies/:id/elected-mandates. */
export interface ElectedMandateResult {
  readonly mandate: Mandate
  readonly replacedMandateIds: readonly number[]
}
