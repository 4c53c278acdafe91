/** Shapes of the personal-data routes (src/api/routes/privacy.ts), as the web app reads them. */

export interface EventActor {
  readonly kind: 'account' | 'system' | 'cli'
  readonly accountId: number | null
  readonly displayName: string | null
}

/** GET /me/data: everything held about the signed-in member. */
export interface PersonalData {
  readonly format: 'charter.personal-data'
  readonly version: number
  readonly generatedAt: string | null
  readonly member: {
    readonly id: number
    readonly fullName: string
    readonly email: string | null
    readonly phone: string | null
    readonly card: string | null
    readonly unitId: number
    readonly unitName: string
    readonly joinedOn: string
    readonly category: string
    readonly status: string
    readonly statusSince: string
    readonly fullMemberSince: string | null
    readonly fieldsOfWork: readonly string[]
  }
  readonly statusHistory: readonly {
    readonly from: string
    readonly to: string
    readonly onDate: string
    readonly reason: string | null
    readonly eventId: number
  }[]
  readonly transfers: readonly {
    readonly fromUnitName: string
    readonly toUnitName: string
    readonly onDate: string
    readonly eventId: number
  }[]
  readonly accounts: readonly {
    readonly id: number
    readonly email: string
    readonly displayName: string
    readonly grants: readonly { readonly role: string; readonly bodyName: string }[]
  }[]
  readonly recordReads: readonly {
    readonly eventId: number
    readonly at: string
    readonly view: 'list' | 'detail'
    readonly scopeBodyName: string
    readonly reader: EventActor
  }[]
  readonly events: readonly {
    readonly id: number
    readonly type: string
    readonly occurredAt: string
    readonly actor: EventActor
  }[]
}

export type ErasureReason =
  | 'member_request'
  | 'no_longer_needed'
  | 'consent_withdrawn'
  | 'unlawful_processing'
  | 'legal_obligation'

/** The grounds of GDPR article 17(1), in words (the server keeps only the code). */
export const ERASURE_REASON_LABELS: Readonly<Record<ErasureReason, string>> = {
  member_request: 'The member asked for erasure',
  no_longer_needed: 'No longer needed for the purpose it was collected for',
  consent_withdrawn: 'The member withdrew consent',
  unlawful_processing: 'It was held unlawfully',
  legal_obligation: 'The law or a court requires it',
}

export interface Erasure {
  readonly eventId: number
  readonly erasedAt: string
  readonly reason: ErasureReason
}

/** GET /members/:id/erasure. */
export interface ErasureState {
  readonly erasure: Erasure | null
  readonly canErase: boolean
}
