import type { Executor } from '../../db/client.ts'
import type { CharterVersion } from '../charter/charter-in-force.ts'
import type { RuleFamily } from '../charter/document-schema.ts'
import type { EventType } from '../events/catalogue.ts'
import type { FindingDraft, FindingKind } from './finding.ts'

/**
 * Which bodies a run covers: the whole organisation, a subtree (by materialised path), or a set
 * of bodies (the incremental refresh after events). A check returns findings whose body is in it.
 */
export type AuditScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'subtree'; readonly path: string }
  | { readonly kind: 'bodies'; readonly bodyIds: readonly number[] }

export interface CheckInput {
  /** The audit's date (YYYY-MM-DD): the data as it stood at the end of that day. */
  readonly asOf: string
  /** The first instant after `asOf` (midnight UTC): rows stamped before it had happened by then. */
  readonly asOfEnd: Date
  /** The charter version in force on `asOf`. */
  readonly charter: CharterVersion
  readonly scope: AuditScope
}

/** An event a check may react to, as the follower hands it over. */
export interface TriggerEvent {
  readonly id: number
  readonly type: string
  readonly bodyId: number | null
  readonly subjectKind: string | null
  readonly subjectId: number | null
}

/**
 * One audit check: one finding kind, read from one charter rule family. Every check implements
 * this interface and runs the one shared contract suite (`audit-contract.ts`).
 *
 * `find` is set-based SQL over the data as of a date, never a loop over bodies, so a full audit of
 * the whole organisation stays a handful of scans. The follower keeps stored findings current by
 * calling `find` again with the bodies an event touched: `triggers` says which event types may
 * change this check's findings, and `affectedBodies` which bodies (by default the event's body).
 */
export interface AuditCheck {
  readonly kind: FindingKind
  readonly family: RuleFamily
  /** A short heading for reports, e.g. "Appointed instead of elected". */
  readonly title: string
  readonly triggers: readonly EventType[]
  affectedBodies?(db: Executor, events: readonly TriggerEvent[]): Promise<readonly number[]>
  find(db: Executor, input: CheckInput): Promise<readonly FindingDraft[]>
}
