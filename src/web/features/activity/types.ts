/** Response shapes of the event-log routes (src/api/routes/events.ts), as the web app reads them. */

export interface LoggedEvent {
  readonly id: number
  readonly type: string
  /** The organisation's instant (its clock: the demo lives in 1923). */
  readonly occurredAt: string
  readonly actor: {
    readonly kind: 'account' | 'system' | 'cli'
    readonly accountId: number | null
    readonly displayName: string | null
  }
  readonly bodyId: number | null
  readonly bodyName: string | null
  readonly subject: { readonly kind: string; readonly id: number } | null
  readonly payload: unknown
}

/** GET /bodies/:id/events. */
export interface EventPage {
  readonly items: readonly LoggedEvent[]
  readonly nextAfter: number | null
  /** Names of the bodies the events sit in or name, by id, as far as the caller may see them. */
  readonly bodyNames: Readonly<Record<string, string>>
}

/** GET /log/status. */
export interface LogStatus {
  readonly events: number
  readonly seals: number
  readonly lastSealedEventId: number | null
  readonly lastSealHash: string | null
  readonly unsealedEvents: number
  readonly unsealedAtLeast: boolean
  readonly lastSealedAt: string | null
}

/** POST /log/verify. */
export type VerifyResult =
  | {
      readonly ok: true
      readonly sealsChecked: number
      readonly eventsChecked: number
      readonly unsealedEvents: number
      readonly lastSealHash: string | null
    }
  | {
      readonly ok: false
      readonly problem: {
        readonly kind: 'edited' | 'deleted' | 'inserted' | 'seal-altered'
        readonly eventId: number
        readonly sealId: number
        readonly message: string
      }
      readonly sealsChecked: number
      readonly eventsChecked: number
    }
