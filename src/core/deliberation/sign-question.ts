import { z } from 'zod'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { charterInForce, findCharterVersion } from '../charter/charter-in-force.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { deliberationRules } from './deliberation-rules.ts'
import { openDiscussion } from './open-discussion.ts'
import { assertQuestionState, loadQuestion, questionPlacement } from './question-lookups.ts'
import { assertMayTakePart } from './take-part.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const signQuestionInputSchema = z.object({
  questionId: id,
  /** The member signing (the route passes the caller's own member; null is refused as NOT_IN_SCOPE). */
  memberId: id.nullable(),
})

export type SignQuestionInput = z.input<typeof signQuestionInputSchema>

/** A signature counted, and whether it was the one that opened the discussion. */
export interface SignQuestionResult {
  readonly question: QuestionRow
  readonly openedDiscussion: boolean
}

/**
 * A member in the body's scope signs an initiative while it collects signatures; each member signs
 * once (ALREADY_SIGNED). The signature that reaches the number required opens the discussion in
 * the same transaction, within the limits of the charter in force that day.
 *
 * Concurrency: the question row is not locked up front. The signature is inserted first (the
 * primary key (question, member) makes a second signature of the same member wait for the first
 * and then do nothing), then the count is incremented by one atomic UPDATE guarded by
 * `state = 'collecting'`. Row locks serialise the increments, so each signature is counted once
 * and exactly one signer sees the count reach the threshold; a signer racing past it finds the
 * question no longer collecting and is refused with nothing written.
 */
export async function signQuestion(
  ctx: UseCaseContext,
  input: SignQuestionInput,
): Promise<SignQuestionResult> {
  const data = parseInput(signQuestionInputSchema, input, 'signature')
  const question = await loadQuestion(ctx.db, data.questionId)
  const body = await getBody(ctx.db, question.body_id)
  const now = ctx.clock.now()
  const today = toIsoDate(now)
  // The rule the signatures are collected under is the one the initiative was raised under.
  const raisedUnder = await findCharterVersion(ctx.db, question.charter_version_id)
  const initiativeRuleId = raisedUnder
    ? (deliberationRules(raisedUnder.document, body.level).initiative?.id ?? null)
    : null
  await assertMayTakePart(ctx.db, {
    memberId: data.memberId,
    body,
    ruleId: initiativeRuleId,
    question,
    today,
  })
  assertQuestionState(question, ['collecting'])
  const memberId = data.memberId as number

  const inserted = await ctx.db
    .insertInto('question_signatures')
    .values({ question_id: question.id, member_id: memberId, region_id: question.region_id, signed_at: now })
    .onConflict((oc) => oc.columns(['question_id', 'member_id']).doNothing())
    .returning('member_id')
    .executeTakeFirst()
  if (!inserted) {
    throw new AppError('ALREADY_SIGNED', 'You have already signed this initiative', {
      ruleId: initiativeRuleId,
      questionId: question.id,
      memberId,
    })
  }
  const counted = await ctx.db
    .updateTable('questions')
    .set((eb) => ({ signatures_count: eb('signatures_count', '+', 1) }))
    .where('id', '=', question.id)
    .where('state', '=', 'collecting')
    .returningAll()
    .executeTakeFirst()
  // Another signature opened the discussion (or an officer withdrew it) since we read the row.
  if (!counted) {
    assertQuestionState(await loadQuestion(ctx.db, question.id), ['collecting'])
    throw new AppError('CONFLICT', 'The initiative changed while signing; try again', {
      questionId: question.id,
    })
  }
  const signed = counted

  await appendEvent(
    ctx,
    {
      type: 'question.signed',
      payload: { questionId: question.id, memberId, signatures: signed.signatures_count },
    },
    questionPlacement(question),
  )
  if (signed.signatures_required === null || signed.signatures_count !== signed.signatures_required) {
    return { question: signed, openedDiscussion: false }
  }
  const version = await charterInForce(ctx.db, today)
  const opened = await openDiscussion(ctx, signed, deliberationRules(version.document, body.level))
  return { question: opened, openedDiscussion: true }
}
