import { z } from 'zod'
import type { MandateRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { loadMandate } from './mandate-support.ts'

/** Why a mandate ends by hand (`replaced` is written only when an election replaces an appointment). */
export const END_REASONS = ['term-ended', 'resigned', 'recalled'] as const

export const endMandateInputSchema = z.object({
  mandateId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  reason: z.enum(END_REASONS),
  onDate: isoDateSchema,
})

export type EndMandateInput = z.input<typeof endMandateInputSchema>

/**
 * Ends a mandate on a date: its term ran out, the holder resigned, or the body recalled them.
 * The mandate is no longer held from `onDate`. Writes `mandate.ended`.
 */
export async function endMandate(ctx: UseCaseContext, input: EndMandateInput): Promise<MandateRow> {
  const data = parseInput(endMandateInputSchema, input, 'mandate end')
  const mandate = await loadMandate(ctx.db, data.mandateId, true)
  if (mandate.ended_on !== null) {
    throw new AppError(
      'MANDATE_ENDED',
      `Mandate ${mandate.id} already ended on ${mandate.ended_on} (${mandate.end_reason})`,
      { mandateId: mandate.id, endedOn: mandate.ended_on, reason: mandate.end_reason },
    )
  }
  if (data.onDate < mandate.starts_on) {
    const message = `A mandate cannot end (${data.onDate}) before it starts (${mandate.starts_on})`
    throw invalidInput(message, [{ path: 'onDate', message }], { mandateId: mandate.id })
  }
  await appendEvent(
    ctx,
    {
      type: 'mandate.ended',
      payload: { reason: data.reason, onDate: data.onDate, replacedByMandateId: null },
    },
    { bodyId: mandate.body_id, regionId: mandate.region_id, subject: { kind: 'mandate', id: mandate.id } },
  )
  return ctx.db
    .updateTable('mandates')
    .set({ ended_on: data.onDate, end_reason: data.reason })
    .where('id', '=', mandate.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
