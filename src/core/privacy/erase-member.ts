import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { hashPassword } from '../accounts/passwords.ts'
import { appendEvent } from '../events/append-event.ts'
import { loadMember } from '../members/member-lookups.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { ERASED_NAME, ERASURE_REASONS, type ErasureReason } from './erasure-reasons.ts'
import { findErasure } from './find-erasure.ts'

export interface EraseMemberInput {
  readonly memberId: number
  readonly reason: ErasureReason
}

export interface EraseMemberResult {
  readonly memberId: number
  readonly accountsErased: number
  readonly eventId: number
}

const reasonSchema = z.enum(ERASURE_REASONS)

/**
 * Honours an erasure request (GDPR article 17). The member's name becomes a placeholder and their
 * e-mail, phone and card are cleared; every linked account is disabled, renamed to a placeholder
 * with an unusable password, and signed out. Ids, dates, status, category, fields of work and unit
 * stay: they are the organisation's record of standing and mandates. The events table is not
 * touched (its payloads never held these values), so the hash chain stays intact. Writes
 * `member.erased` with the id and a reason code. MEMBER_NOT_FOUND, ALREADY_ERASED.
 */
export async function eraseMember(ctx: UseCaseContext, input: EraseMemberInput): Promise<EraseMemberResult> {
  const reason = reasonSchema.safeParse(input.reason)
  if (!reason.success) {
    throw invalidInput('Choose a reason for the erasure', [
      { path: 'reason', message: `one of ${ERASURE_REASONS.join(', ')}` },
    ])
  }
  // The row lock makes a second, concurrent erasure wait and then see the first one's event.
  const member = await loadMember(ctx.db, input.memberId, true)
  const earlier = await findErasure(ctx.db, member.id)
  if (earlier) {
    throw new AppError('ALREADY_ERASED', `Member ${member.id}'s personal data was already erased`, {
      memberId: member.id,
      erasedAt: earlier.erasedAt,
      eventId: earlier.eventId,
    })
  }
  const now = ctx.clock.now()
  await ctx.db
    .updateTable('members')
    .set({ full_name: ERASED_NAME, email: null, phone: null, card: null, updated_at: now })
    .where('id', '=', member.id)
    .execute()
  // Officers' free-text reasons for status changes are notes about the person: they go too; the
  // dated transitions themselves stay (they are the organisation's record of standing).
  await ctx.db
    .updateTable('member_status_changes')
    .set({ reason: null })
    .where('member_id', '=', member.id)
    .execute()

  const accounts = await ctx.db
    .selectFrom('accounts')
    .select('id')
    .where('member_id', '=', member.id)
    .orderBy('id')
    .execute()
  for (const account of accounts) {
    await ctx.db
      .updateTable('accounts')
      .set({
        // Unique per account (the e-mail index is unique) and undeliverable (.invalid, RFC 2606).
        email: `erased-${account.id}@invalid`,
        display_name: ERASED_NAME,
        // A hash of 32 random bytes nobody keeps: no password matches it.
        password_hash: await hashPassword(randomBytes(32).toString('base64url')),
        disabled: true,
      })
      .where('id', '=', account.id)
      .execute()
    await ctx.db.deleteFrom('sessions').where('account_id', '=', account.id).execute()
  }

  const eventId = await appendEvent(
    ctx,
    { type: 'member.erased', payload: { memberId: member.id, reason: reason.data } },
    { bodyId: member.unit_id, regionId: member.region_id, subject: { kind: 'member', id: member.id } },
  )
  return { memberId: member.id, accountsErased: accounts.length, eventId }
}
