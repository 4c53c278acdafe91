import type { UseCaseContext } from '../shared/context.ts'
import { type CharterEvent, eventSchema } from './catalogue.ts'

/** Where an event happened and what it is about, beside its typed payload. */
export interface EventPlacement {
  readonly bodyId?: number | null
  readonly regionId?: number | null
  readonly subject?: { readonly kind: string; readonly id: number } | null
}

/**
 * Appends one typed event in the caller's transaction. It only inserts: there is no chain head
 * to lock, so concurrent writers never wait on the log (the sealer chains events later).
 */
export async function appendEvent(
  ctx: UseCaseContext,
  event: CharterEvent,
  placement: EventPlacement = {},
): Promise<number> {
  const parsed = eventSchema.parse(event)
  const row = await ctx.db
    .insertInto('events')
    .values({
      type: parsed.type,
      occurred_at: ctx.clock.now(),
      actor_kind: ctx.actor.kind,
      actor_account_id: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
      body_id: placement.bodyId ?? null,
      region_id: placement.regionId ?? null,
      subject_kind: placement.subject?.kind ?? null,
      subject_id: placement.subject?.id ?? null,
      payload: JSON.stringify(parsed.payload),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
