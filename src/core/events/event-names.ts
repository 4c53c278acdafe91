import type { Executor } from '../../db/client.ts'
import type { LoggedEvent } from './list-events.ts'

/** Payload fields that name a body, across the catalogue (parents, units, scopes, targets). */
const BODY_FIELDS = [
  'bodyId',
  'parentId',
  'fromParentId',
  'toParentId',
  'unitId',
  'fromUnitId',
  'toUnitId',
  'scopeBodyId',
  'membersTransferredTo',
  'appointedByBodyId',
] as const

/** Names a page of events refers to: actors' display names, and bodies with their paths. */
export interface EventNames {
  readonly accounts: ReadonlyMap<number, string>
  readonly bodies: ReadonlyMap<number, { readonly name: string; readonly path: string }>
}

/** The ids of bodies an event's payload names (beside the event's own body). */
export function bodiesInPayload(payload: unknown): number[] {
  if (typeof payload !== 'object' || payload === null) return []
  const record = payload as Record<string, unknown>
  return BODY_FIELDS.map((field) => record[field]).filter(
    (value): value is number => typeof value === 'number' && Number.isSafeInteger(value),
  )
}

/**
 * Looks up, in one query each, the display names of the accounts that acted and the names (and
 * paths, for scope checks by the caller) of the bodies the events sit in or name in their payloads.
 */
export async function readEventNames(db: Executor, events: readonly LoggedEvent[]): Promise<EventNames> {
  const accountIds = new Set<number>()
  const bodyIds = new Set<number>()
  for (const event of events) {
    if (event.actor.accountId !== null) accountIds.add(event.actor.accountId)
    if (event.bodyId !== null) bodyIds.add(event.bodyId)
    for (const id of bodiesInPayload(event.payload)) bodyIds.add(id)
  }
  const [accounts, bodies] = await Promise.all([
    accountIds.size === 0
      ? []
      : db
          .selectFrom('accounts')
          .select(['id', 'display_name'])
          .where('id', 'in', [...accountIds])
          .execute(),
    bodyIds.size === 0
      ? []
      : db
          .selectFrom('bodies')
          .select(['id', 'name', 'path'])
          .where('id', 'in', [...bodyIds])
          .execute(),
  ])
  return {
    accounts: new Map(accounts.map((row) => [row.id, row.display_name])),
    bodies: new Map(bodies.map((row) => [row.id, { name: row.name, path: row.path }])),
  }
}
