import type { Executor } from '../../db/client.ts'
import type { EventRow } from '../../db/schema.ts'
import { getMember } from '../members/get-member.ts'
import { bodyNames } from '../orgs/body-names.ts'
import {
  type EventActor,
  PERSONAL_DATA_FORMAT,
  PERSONAL_DATA_VERSION,
  type PersonalAccount,
  type PersonalDataDocument,
  type PersonalEvent,
  type RecordRead,
} from './personal-data.ts'
import { readPersonalEvents } from './read-personal-events.ts'

function iso(value: Date | string): string {
  return new Date(value).toISOString()
}

/** The member's linked accounts with their grants; the password hash is never selected. */
async function readAccounts(db: Executor, memberId: number) {
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'display_name', 'disabled', 'created_at'])
    .where('member_id', '=', memberId)
    .orderBy('id')
    .execute()
  const grants =
    accounts.length === 0
      ? []
      : await db
          .selectFrom('role_grants')
          .select(['account_id', 'role', 'body_id'])
          .where(
            'account_id',
            'in',
            accounts.map((a) => a.id),
          )
          .orderBy('id')
          .execute()
  return { accounts, grants }
}

/** Display names of the accounts that caused the events (readers, officers, the member). */
async function actorNames(db: Executor, events: readonly EventRow[]): Promise<Map<number, string>> {
  const ids = [...new Set(events.flatMap((e) => (e.actor_account_id === null ? [] : [e.actor_account_id])))]
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', ids).execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}

/**
 * Everything held about a member, as one versioned document (GDPR article 15): the member row,
 * status history, transfers, linked accounts with their grants, who read the record and when, and
 * every other event about them. Contacts are other people and are not included. MEMBER_NOT_FOUND.
 */
export async function collectPersonalData(
  db: Executor,
  input: { readonly memberId: number; readonly generatedAt?: Date },
): Promise<PersonalDataDocument> {
  const detail = await getMember(db, input.memberId)
  const member = detail.member
  const { accounts, grants } = await readAccounts(db, member.id)
  const events = await readPersonalEvents(
    db,
    member.id,
    accounts.map((a) => a.id),
  )
  const readers = await actorNames(db, events)
  const reads = events.filter((e) => e.type === 'member_records.read')
  const names = await bodyNames(db, [
    member.unit_id,
    ...detail.transfers.flatMap((t) => [t.fromUnitId, t.toUnitId]),
    ...grants.map((g) => g.body_id),
    ...reads.flatMap((e) => (e.body_id === null ? [] : [e.body_id])),
  ])
  const name = (id: number) => names.get(id) ?? ''
  const actor = (event: EventRow): EventActor => ({
    kind: event.actor_kind,
    accountId: event.actor_account_id,
    displayName: event.actor_account_id === null ? null : (readers.get(event.actor_account_id) ?? null),
  })

  const personalAccounts: PersonalAccount[] = accounts.map((account) => ({
    id: account.id,
    email: account.email,
    displayName: account.display_name,
    disabled: account.disabled,
    createdAt: iso(account.created_at),
    grants: grants
      .filter((g) => g.account_id === account.id)
      .map((g) => ({ role: g.role, bodyId: g.body_id, bodyName: name(g.body_id) })),
  }))
  // A read's payload lists every member on the page; only the fact of the read is theirs to see.
  const recordReads: RecordRead[] = reads.map((event) => {
    const payload = event.payload as { view: 'list' | 'detail'; scopeBodyId: number }
    return {
      eventId: event.id,
      at: iso(event.occurred_at),
      view: payload.view,
      scopeBodyId: payload.scopeBodyId,
      scopeBodyName: name(payload.scopeBodyId),
      reader: actor(event),
    }
  })
  const otherEvents: PersonalEvent[] = events
    .filter((e) => e.type !== 'member_records.read')
    .map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: iso(event.occurred_at),
      actor: actor(event),
      bodyId: event.body_id,
      subject:
        event.subject_kind === null || event.subject_id === null
          ? null
          : { kind: event.subject_kind, id: event.subject_id },
      payload: event.payload,
    }))

  return {
    format: PERSONAL_DATA_FORMAT,
    version: PERSONAL_DATA_VERSION,
    generatedAt: input.generatedAt ? input.generatedAt.toISOString() : null,
    member: {
      id: member.id,
      fullName: member.full_name,
      email: member.email,
      phone: member.phone,
      card: member.card,
      unitId: member.unit_id,
      unitName: name(member.unit_id),
      regionId: member.region_id,
      joinedOn: member.joined_on,
      category: member.category,
      status: member.status,
      statusSince: member.status_since,
      fullMemberSince: member.full_member_since,
      fieldsOfWork: [...member.fields_of_work],
      createdAt: iso(member.created_at),
      updatedAt: iso(member.updated_at),
    },
    statusHistory: detail.statusHistory.map((change) => ({ ...change })),
    transfers: detail.transfers.map((t) => ({
      fromUnitId: t.fromUnitId,
      fromUnitName: name(t.fromUnitId),
      toUnitId: t.toUnitId,
      toUnitName: name(t.toUnitId),
      onDate: t.onDate,
      eventId: t.eventId,
    })),
    accounts: personalAccounts,
    recordReads,
    events: otherEvents,
  }
}
