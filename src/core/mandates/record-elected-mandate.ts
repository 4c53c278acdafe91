import { z } from 'zod'
import type { MandateRow } from '../../db/schema.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { electionRuleFor, postRuleAtLevel } from '../charter/charter-rules.ts'
import { assertEligible, checkEligibility } from '../eligibility/check-eligibility.ts'
import { monthsAfter } from '../eligibility/standing.ts'
import { appendEvent } from '../events/append-event.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import {
  assertNotHolding,
  assertSeatFree,
  bodyRegion,
  heldOn,
  isFirstMandate,
  lockActiveBody,
  nextMandateId,
} from './mandate-support.ts'

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
  const mandateId = await nextMandateId(ctx.db)

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
  for (const replaced of appointed) {
    await appendEvent(
      ctx,
      {
        type: 'mandate.ended',
        payload: { reason: 'replaced', onDate: data.startsOn, replacedByMandateId: mandateId },
      },
      { bodyId: body.id, regionId, subject: { kind: 'mandate', id: replaced.id } },
    )
    await ctx.db
      .updateTable('mandates')
      .set({ ended_on: data.startsOn, end_reason: 'replaced' })
      .where('id', '=', replaced.id)
      .execute()
  }

  await assertNotHolding(ctx.db, { ...data, post: post.post, date: data.startsOn })
  await assertSeatFree(ctx.db, body, post, data.startsOn)
  const endsOn = monthsAfter(data.startsOn, post.termMonths)
  const firstMandate = await isFirstMandate(ctx.db, data.memberId, data.startsOn)
  const eventId = await appendEvent(
    ctx,
    {
      type: 'mandate.elected',
      payload: {
        memberId: data.memberId,
        bodyId: body.id,
        post: post.post,
        startsOn: data.startsOn,
        endsOn,
        charterVersionId: charter.versionId,
        firstMandate,
        electionId: data.electionId,
      },
    },
    { bodyId: body.id, regionId, subject: { kind: 'mandate', id: mandateId } },
  )
  const mandate = await ctx.db
    .insertInto('mandates')
    .values({
      id: mandateId,
      region_id: regionId,
      member_id: data.memberId,
      body_id: body.id,
      post: post.post,
      starts_on: data.startsOn,
      ends_on: endsOn,
      how: 'elected',
      election_id: data.electionId,
      rule_id: electionRuleFor(charter.document, post.post)?.id ?? null,
      charter_version_id: charter.versionId,
      first_mandate: firstMandate,
      event_id: eventId,
      created_at: ctx.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { mandate, replacedMandateIds: appointed.map((m) => m.id) }
}
