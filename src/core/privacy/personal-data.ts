import type { Role } from '../accounts/principal.ts'

/** Who caused an event, as the member sees it: an account by its display name, or the system. */
export interface EventActor {
  readonly kind: 'account' | 'system' | 'cli'
  readonly accountId: number | null
  readonly displayName: string | null
}

/** One read of the member's record by anyone (a list page or a detail view), from the sealed log. */
export interface RecordRead {
  readonly eventId: number
  readonly at: string
  readonly view: 'list' | 'detail'
  readonly scopeBodyId: number
  readonly scopeBodyName: string
  readonly reader: EventActor
}

/** One event that concerns the member, as stored (payloads hold ids and facts, never names). */
export interface PersonalEvent {
  readonly id: number
  readonly type: string
  readonly occurredAt: string
  readonly actor: EventActor
  readonly bodyId: number | null
  readonly subject: { readonly kind: string; readonly id: number } | null
  readonly payload: unknown
}

/** A sign-in account linked to the member (never its password hash or sessions). */
export interface PersonalAccount {
  readonly id: number
  readonly email: string
  readonly displayName: string
  readonly disabled: boolean
  readonly createdAt: string
  readonly grants: readonly { readonly role: Role; readonly bodyId: number; readonly bodyName: string }[]
}

/** The format name and version of the document; bump the version on any incompatible change. */
export const PERSONAL_DATA_FORMAT = 'charter.personal-data'
export const PERSONAL_DATA_VERSION = 1

/**
 * Everything Charter holds about one member (GDPR article 15), as one stable JSON document:
 * lists are in id or date order, so the same data always gives the same document.
 */
export interface PersonalDataDocument {
  readonly format: typeof PERSONAL_DATA_FORMAT
  readonly version: typeof PERSONAL_DATA_VERSION
  /** On the organisation's clock; null when the caller did not say (keeps the document stable). */
  readonly generatedAt: string | null
  readonly member: {
    readonly id: number
    readonly fullName: string
    readonly email: string | null
    readonly phone: string | null
    readonly card: string | null
    readonly unitId: number
    readonly unitName: string
    readonly regionId: number
    readonly joinedOn: string
    readonly category: string
    readonly status: string
    readonly statusSince: string
    readonly fullMemberSince: string | null
    readonly fieldsOfWork: readonly string[]
    readonly createdAt: string
    readonly updatedAt: string
  }
  readonly statusHistory: readonly {
    readonly from: string
    readonly to: string
    readonly onDate: string
    readonly reason: string | null
    readonly eventId: number
  }[]
  readonly transfers: readonly {
    readonly fromUnitId: number
    readonly fromUnitName: string
    readonly toUnitId: number
    readonly toUnitName: string
    readonly onDate: string
    readonly eventId: number
  }[]
  readonly accounts: readonly PersonalAccount[]
  /** Who read the member's record and when (member_records.read events naming them). */
  readonly recordReads: readonly RecordRead[]
  /** Every other event about the member or their accounts, oldest first. */
  readonly events: readonly PersonalEvent[]
}
