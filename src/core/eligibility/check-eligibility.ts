import type { Executor } from '../../db/client.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { postRuleAtLevel } from '../charter/charter-rules.ts'
import { loadMember } from '../members/member-lookups.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { AppError } from '../shared/errors.ts'
import { type EligibilityVerdict, evaluateEligibility } from './evaluate-eligibility.ts'
import { loadMemberOnDate } from './member-on-date.ts'

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

/**
 * eligibility(member, post, body, date): may this member hold this post in this body on this
 * date, by the charter then in force? Every rule consulted comes back with its id and verdict.
 */
export async function checkEligibility(db: Executor, query: EligibilityQuery): Promise<EligibilityAnswer> {
  const date = parseInput(isoDateSchema, query.date, 'date')
  const [charter, body, member] = await Promise.all([
    charterInForce(db, date),
    getBody(db, query.bodyId),
    loadMember(db, query.memberId),
  ])
  if (body.status !== 'active') {
    throw new AppError('BODY_DISSOLVED', `Body ${body.id} is dissolved`, { bodyId: body.id })
  }
  const post = postRuleAtLevel(charter.document, query.post, body.level)
  const facts = await loadMemberOnDate(db, member, date)
  const verdict = evaluateEligibility(
    charter.document,
    post,
    { bodyId: body.id, bodyName: body.name, bodyPath: body.path },
    facts,
    date,
  )
  return {
    ...verdict,
    memberId: member.id,
    post: post.post,
    bodyId: body.id,
    date,
    charterVersionId: charter.versionId,
  }
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
