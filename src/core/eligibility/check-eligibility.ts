import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { type CharterVersion, charterInForce } from '../charter/charter-in-force.ts'
import { postRuleAtLevel } from '../charter/charter-rules.ts'
import { loadMember } from '../members/member-lookups.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getActiveBody } from '../orgs/get-body.ts'
import { AppError } from '../shared/errors.ts'
import { type EligibilityVerdict, evaluateEligibility } from './evaluate-eligibility.ts'
import { loadMemberOnDate, type MemberOnDate } from './member-on-date.ts'

export interface EligibilityQuery {
  readonly memberId: number
  readonly post: string
  readonly bodyId: number
  /** YYYY-MM-DD; the rules in force on this date and the member's standing on it. */
  readonly date: string
}

/** The answer, with the charter version that gave it. */
export interface EligibilityAnswer extends EligibilityVerdict {
  readonly memberId: number
  readonly post: string
  readonly bodyId: number
  readonly date: string
  readonly charterVersionId: number
}

/** One member, one body and one date, loaded once: answers for any number of posts (answerFor). */
export interface EligibilityContext {
  readonly charter: CharterVersion
  readonly body: BodyRow
  readonly facts: MemberOnDate
  readonly date: string
}

/** Loads the charter in force, the body (active) and the member's facts on the date. */
export async function loadEligibilityContext(
  db: Executor,
  query: Omit<EligibilityQuery, 'post'>,
): Promise<EligibilityContext> {
  const date = parseInput(isoDateSchema, query.date, 'date')
  const [charter, body, member] = await Promise.all([
    charterInForce(db, date),
    getActiveBody(db, query.bodyId),
    loadMember(db, query.memberId),
  ])
  return { charter, body, facts: await loadMemberOnDate(db, member, date), date }
}

/** The verdict for one post of the context's body (UNKNOWN_POST when the charter has none). */
export function answerFor(context: EligibilityContext, postId: string): EligibilityAnswer {
  const { charter, body, facts, date } = context
  const post = postRuleAtLevel(charter.document, postId, body.level)
  const verdict = evaluateEligibility(
    charter.document,
    post,
    { bodyId: body.id, bodyName: body.name, bodyPath: body.path },
    facts,
    date,
  )
  return {
    ...verdict,
    memberId: facts.memberId,
    post: post.post,
    bodyId: body.id,
    date,
    charterVersionId: charter.versionId,
  }
}

/**
 * eligibility(member, post, body, date): may this member hold this post in this body on this
 * date, by the charter then in force? Every rule consulted comes back with its id and verdict.
 */
export async function checkEligibility(db: Executor, query: EligibilityQuery): Promise<EligibilityAnswer> {
  return answerFor(await loadEligibilityContext(db, query), query.post)
}

/** NOT_ELIGIBLE with the failed reasons, for use cases that must refuse (appointment, nomination). */
export function assertEligible(answer: EligibilityAnswer): void {
  if (answer.eligible) return
  const failed = answer.reasons.filter((reason) => !reason.satisfied)
  throw new AppError(
    'NOT_ELIGIBLE',
    `Member ${answer.memberId} may not hold ${answer.post}: ${failed.map((r) => `${r.detail} (${r.ruleId})`).join('; ')}`,
    { memberId: answer.memberId, post: answer.post, ruleIds: answer.decidingRuleIds, reasons: failed },
  )
}
