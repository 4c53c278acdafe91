import { z } from 'zod'
import type { MandateRow } from '../../db/schema.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { electionRuleFor, postRuleAtLevel } from '../charter/charter-rules.ts'
import { assertEligible, checkEligibility } from '../eligibility/check-eligibility.ts'
import { appendEvent } from '../events/append-event.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { bodyRegion } from '../orgs/tree.ts'
import { monthsAfter } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { assertNotHolding, assertSeatFree, heldOn, lockActiveBody } from './mandate-support.ts'
import { writeMandate } from './write-mandate.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const recordElectedMandateInputSchema = z.object({
  memberId: id,
  bodyId: id,
  post: z.string().min(1).max(60),
  startsOn: isoDateSchema,
  /** The election that produced it; null for an election held outside Charter. */
  electionId: id.nullable(),
})

export type RecordElectedMandateInput = z.input<typeof recordElectedMandateInputSchema>

/** The new mandate, and the appointed mandates it replaced. */
export interface ElectedMandateResult {
  readonly mandate: MandateRow
  readonly replacedMandateIds: readonly number[]
}

/**
 * Records a mandate won in an election (the elections capability calls this from a count's
 * result; an officer records an election held elsewhere with `electionId` null). Election ends
 * the appointments it was due to replace: every appointed mandate of the same post and body
 * still held on `startsOn` ends that day as `replaced`, before seats are counted. The term runs
 * `termMonths` from `startsOn`. Writes `mandate.elected` (and `mandate.ended` per replacement).
 */
export async function recordElectedMandate(
  ctx: UseCaseContext,
  input: RecordElectedMandateInput,
): Promise<ElectedMandateResult> {
  const data = parseInput(recordElectedMandateInputSchema, input, 'elected mandate')
  const body = await lockActiveBody(ctx.db, data.bodyId)
  const charter = await charterInForce(ctx.db, data.startsOn)
  const post = postRuleAtLevel(charter.document, data.post, body.level)
  assertEligible(
    await checkEligibility(ctx.db, {
      memberId: data.memberId,
      post: post.post,
      bodyId: body.id,
      date: data.startsOn,
    }),
  )
  const regionId = bodyRegion(body)

  // Appointments, even those past their expiry, give way to the election.
  const appointed = await ctx.db
    .selectFrom('mandates')
    .select(['id'])
    .where('body_id', '=', body.id)
    .where('post', '=', post.post)
    .where('how', '=', 'appointed')
    .where(heldOn(data.startsOn))
    .orderBy('id')
    .forUpdate()
    .execute()
  // Each replaced appointment ends on the election's start date; the event names the mandate that
  // replaced it, written just below in the same transaction.
  const replacements: number[] = []
  for (const replaced of appointed) {
    await ctx.db
      .updateTable('mandates')
      .set({ ended_on: data.startsOn, end_reason: 'replaced' })
      .where('id', '=', replaced.id)
      .execute()
    replacements.push(replaced.id)
  }

  await assertNotHolding(ctx.db, { ...data, post: post.post, date: data.startsOn })
  await assertSeatFree(ctx.db, body, post, data.startsOn)
  const mandate = await writeMandate(ctx, {
    regionId,
    memberId: data.memberId,
    bodyId: body.id,
    post: post.post,
    startsOn: data.startsOn,
    endsOn: monthsAfter(data.startsOn, post.termMonths),
    charterVersionId: charter.versionId,
    origin: {
      how: 'elected',
      electionId: data.electionId,
      ruleId: electionRuleFor(charter.document, post.post)?.id ?? null,
    },
  })
  for (const replacedId of replacements) {
    await appendEvent(
      ctx,
      {
        type: 'mandate.ended',
        payload: { reason: 'replaced', onDate: data.startsOn, replacedByMandateId: mandate.id },
      },
      { bodyId: body.id, regionId, subject: { kind: 'mandate', id: replacedId } },
    )
  }
  return { mandate, replacedMandateIds: appointed.map((m) => m.id) }
}
