import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { EventRow } from '../../db/schema.ts'

/**
 * Every event that concerns a member: those whose subject is the member or one of their
 * accounts, the reads whose payload lists them (member_records.read), and the bulk imports whose
 * id range holds them. Each branch is served by an existing index (events_subject, events_type);
 * the payload tests then filter that type's rows. Oldest first.
 */
export async function readPersonalEvents(
  db: Executor,
  memberId: number,
  accountIds: readonly number[],
): Promise<EventRow[]> {
  const listed = JSON.stringify([memberId])
  return db
    .selectFrom('events')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', 'member'), eb('subject_id', '=', memberId)]),
        ...(accountIds.length > 0
          ? [eb.and([eb('subject_kind', '=', 'account'), eb('subject_id', 'in', [...accountIds])])]
          : []),
        eb.and([
          eb('type', '=', 'member_records.read'),
          sql<boolean>`payload -> 'memberIds' @> ${listed}::jsonb`,
        ]),
        eb.and([
          eb('type', '=', 'members.imported'),
          sql<boolean>`(payload ->> 'firstMemberId')::bigint <= ${memberId}`,
          sql<boolean>`(payload ->> 'lastMemberId')::bigint >= ${memberId}`,
        ]),
      ]),
    )
    .orderBy('id')
    .execute()
}
