import { z } from 'zod'
import type { MandateRow } from '../../db/schema.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { postRuleAtLevel } from '../charter/charter-rules.ts'
import { assertEligible, checkEligibility } from '../eligibility/check-eligibility.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { bodyRegion } from '../orgs/tree.ts'
import { monthsAfter } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { checkAppointment } from './appointment-rule.ts'
import { assertNotHolding, assertSeatFree, lockActiveBody } from './mandate-support.ts'
import { writeMandate } from './write-mandate.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const appointToPostInputSchema = z.object({
  memberId: id,
  bodyId: id,
  post: z.string().min(1).max(60),
  appointedByBodyId: id,
  /** The id of a justification the charter lists for this post; required when the post is elective. */
  justification: z.string().min(1).max(60).nullish(),
  startsOn: isoDateSchema,
})

export type AppointToPostInput = z.input<typeof appointToPostInputSchema>

/**
 * Appoints a member to a post of a body, by the charter in force on `startsOn`. An elective post
 * may be appointed only as its election rule allows (justification and appointing body); the
 * appointment then lasts until the earlier of the term's end and the justification's expiry, when
 * an election is due. The member must be eligible and a seat free. Writes `mandate.appointed`.
 */
export async function appointToPost(ctx: UseCaseContext, input: AppointToPostInput): Promise<MandateRow> {
  const data = parseInput(appointToPostInputSchema, input, 'appointment')
  const body = await lockActiveBody(ctx.db, data.bodyId)
  const charter = await charterInForce(ctx.db, data.startsOn)
  const post = postRuleAtLevel(charter.document, data.post, body.level)
  const appointingBody = await getBody(ctx.db, data.appointedByBodyId)
  if (appointingBody.status !== 'active') {
    throw new AppError('BODY_DISSOLVED', `The appointing body ${appointingBody.id} is dissolved`, {
      bodyId: appointingBody.id,
    })
  }
  const allowance = checkAppointment(
    charter.document,
    post,
    {
      body: { id: body.id, parentId: body.parent_id, path: body.path },
      appointingBody: { id: appointingBody.id, level: appointingBody.level, path: appointingBody.path },
    },
    data.justification ?? null,
  )
  assertEligible(
    await checkEligibility(ctx.db, {
      memberId: data.memberId,
      post: post.post,
      bodyId: body.id,
      date: data.startsOn,
    }),
  )
  await assertNotHolding(ctx.db, { ...data, post: post.post, date: data.startsOn })
  await assertSeatFree(ctx.db, body, post, data.startsOn)

  const termEnd = monthsAfter(data.startsOn, post.termMonths)
  const expiry = allowance.justification
    ? monthsAfter(data.startsOn, allowance.justification.maxMonths)
    : null
  const endsOn = expiry !== null && expiry < termEnd ? expiry : termEnd
  return writeMandate(ctx, {
    regionId: bodyRegion(body),
    memberId: data.memberId,
    bodyId: body.id,
    post: post.post,
    startsOn: data.startsOn,
    endsOn,
    charterVersionId: charter.versionId,
    origin: {
      how: 'appointed',
      appointedByBodyId: appointingBody.id,
      justification: allowance.justification?.id ?? null,
      ruleId: allowance.ruleId,
    },
  })
}
