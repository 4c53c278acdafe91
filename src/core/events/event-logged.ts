import type { Executor } from '../../db/client.ts'
import type { EventType } from './catalogue.ts'

/**
 * Whether an event of `type` was already logged about a subject: how an idempotent scheduled
 * handler (a deadline passing, a declassification) tells that it already did its work, when the
 * subject's own state has no column for it.
 */
export async function eventLogged(
  db: Executor,
  subject: { readonly kind: string; readonly id: number },
  type: EventType,
): Promise<boolean> {
  const event = await db
    .selectFrom('events')
    .select('id')
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('type', '=', type)
    .limit(1)
    .executeTakeFirst()
  return event !== undefined
}
