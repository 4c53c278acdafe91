import { z } from 'zod'
import { appendEvent } from '../events/append-event.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { loadMember } from './member-lookups.ts'
import { isoDateSchema, parseInput } from './schemas.ts'

/** A month paid for, 'YYYY-MM'. */
export const duesMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month looks like 2023-01')

export const recordDuesPaymentsInputSchema = z.object({
  memberId: z.number().int().positive(),
  months: z.array(duesMonthSchema).min(1).max(240),
  paidOn: isoDateSchema,
})

export type RecordDuesPaymentsInput = z.input<typeof recordDuesPaymentsInputSchema>

export interface DuesPaymentRecord {
  readonly memberId: number
  /** The months paid for, as their first days ('2023-01-01'), oldest first. */
  readonly months: readonly string[]
  readonly paidOn: string
  readonly eventId: number
}

/**
 * Records a member's payment of dues for some months (one row per month, `month` its first day)
 * and one `member.dues_paid` event. Charters whose standing counts months of paid dues (a trade
 * union's, say) read it from these rows. A month paid twice is DUPLICATE, and nothing is written.
 */
export async function recordDuesPayments(
  ctx: UseCaseContext,
  input: RecordDuesPaymentsInput,
): Promise<DuesPaymentRecord> {
  const data = parseInput(recordDuesPaymentsInputSchema, input, 'dues payment')
  const today = toIsoDate(ctx.clock.now())
  if (data.paidOn > today) {
    const message = `The payment date ${data.paidOn} is after today (${today})`
    throw invalidInput(message, [{ path: 'paidOn', message }], { paidOn: data.paidOn, today })
  }
  const months = [...data.months].sort()
  const repeated = months.filter((month, index) => months[index - 1] === month)
  if (repeated.length > 0) {
    throw new AppError('DUPLICATE', `Month ${repeated[0]} is listed twice`, {
      field: 'months',
      months: [...new Set(repeated)],
    })
  }
  // Locked, so two payments for the same member cannot both pass the check below.
  const member = await loadMember(ctx.db, data.memberId, true)
  const firstDays = months.map((month) => `${month}-01`)
  const paid = await ctx.db
    .selectFrom('dues_payments')
    .select('month')
    .where('member_id', '=', member.id)
    .where('month', 'in', firstDays)
    .orderBy('month')
    .execute()
  if (paid.length > 0) {
    throw new AppError(
      'DUPLICATE',
      `Dues for ${paid.map((row) => row.month.slice(0, 7)).join(', ')} are already paid`,
      { field: 'months', memberId: member.id, months: paid.map((row) => row.month.slice(0, 7)) },
    )
  }
  const eventId = await appendEvent(
    ctx,
    { type: 'member.dues_paid', payload: { months, paidOn: data.paidOn } },
    { bodyId: member.unit_id, regionId: member.region_id, subject: { kind: 'member', id: member.id } },
  )
  await ctx.db
    .insertInto('dues_payments')
    .values(
      firstDays.map((month) => ({
        member_id: member.id,
        month,
        region_id: member.region_id,
        paid_on: data.paidOn,
        event_id: eventId,
      })),
    )
    .execute()
  return { memberId: member.id, months: firstDays, paidOn: data.paidOn, eventId }
}
