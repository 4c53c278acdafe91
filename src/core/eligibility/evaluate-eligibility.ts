import { standingRulesFor, votingRights } from '../charter/charter-rules.ts'
import type { CharterDocument, PostRule, StandingRule } from '../charter/document-schema.ts'
import { monthsBefore } from '../shared/clock.ts'
import type { MemberOnDate } from './member-on-date.ts'
import { describeDuration, minimumMonths } from './standing.ts'

/** One rule's verdict on one member: which rule, what it says, whether it holds, and why. */
export interface EligibilityReason {
  readonly ruleId: string
  readonly text: string
  readonly satisfied: boolean
  readonly detail: string
}

/** The engine's answer. `decidingRuleIds` are the failed rules, or every rule when all hold. */
export interface EligibilityVerdict {
  readonly eligible: boolean
  readonly reasons: readonly EligibilityReason[]
  readonly decidingRuleIds: readonly string[]
}

/** Where the post is held: the body, with its path so scope can be checked. */
export interface PostPlace {
  readonly bodyId: number
  readonly bodyName: string
  readonly bodyPath: string
}

const STATUS_WORDS: Record<string, string> = {
  applicant: 'an applicant',
  candidate: 'a candidate on probation',
  full: 'a full member',
  suspended: 'suspended',
  left: 'no longer a member',
}

// Someone who had not joined by the date belongs to no organisation then, so the post rule fails
// for them even when the charter is silent on voting rights (which would otherwise catch it).
function scopeReason(
  post: PostRule,
  place: PostPlace,
  member: MemberOnDate,
  date: string,
): EligibilityReason {
  const inScope = member.unitPath.startsWith(place.bodyPath)
  const detail =
    member.status === null
      ? `Not yet a member on ${date} (joined ${member.joinedOn})`
      : inScope
        ? `Belongs to an organisation within ${place.bodyName}`
        : `Belongs to an organisation outside ${place.bodyName}`
  return { ruleId: post.id, text: post.text, satisfied: inScope && member.status !== null, detail }
}

function standingReason(rule: StandingRule, member: MemberOnDate, date: string): EligibilityReason {
  const minimum = rule.minimum
  const verdict = (satisfied: boolean, detail: string): EligibilityReason => ({
    ruleId: rule.id,
    text: rule.text,
    satisfied,
    detail,
  })
  if ('joinedBefore' in minimum) {
    const satisfied = member.joinedOn < minimum.joinedBefore
    return verdict(
      satisfied,
      `Joined on ${member.joinedOn}, ${satisfied ? 'before' : 'not before'} ${minimum.joinedBefore}`,
    )
  }
  const needed = describeDuration(minimum)
  if (minimum.of === 'paid-dues') {
    const satisfied = member.duesMonthsPaid >= minimumMonths(minimum)
    return verdict(satisfied, `${member.duesMonthsPaid} months of dues paid by ${date}; ${needed} needed`)
  }
  const latestStart = monthsBefore(date, minimumMonths(minimum))
  if (minimum.of === 'full-membership') {
    if (member.fullMemberSince === null)
      return verdict(false, `Not a full member on ${date}; ${needed} of full membership needed`)
    const satisfied = member.fullMemberSince <= latestStart
    return verdict(
      satisfied,
      `Full member since ${member.fullMemberSince}; ${needed} of full membership on ${date} needs ${latestStart} or earlier`,
    )
  }
  const satisfied = member.joinedOn <= latestStart
  return verdict(
    satisfied,
    `Joined on ${member.joinedOn}; ${needed} of membership on ${date} needs ${latestStart} or earlier`,
  )
}

/**
 * Whether a member may hold a post in a body on a date, by the given charter document: the
 * post's scope (a member of the body's organisation), the right to stand (voting rights), and
 * every standing rule for the post. Pure, so elections and the audit reuse it on loaded facts.
 */
export function evaluateEligibility(
  document: CharterDocument,
  post: PostRule,
  place: PostPlace,
  member: MemberOnDate,
  date: string,
): EligibilityVerdict {
  const reasons: EligibilityReason[] = [scopeReason(post, place, member, date)]
  const rights = votingRights(document)
  if (rights) {
    const satisfied = member.status !== null && rights.stand.includes(member.status)
    reasons.push({
      ruleId: rights.id,
      text: rights.text,
      satisfied,
      detail:
        member.status === null
          ? `Not yet a member on ${date} (joined ${member.joinedOn})`
          : `Is ${STATUS_WORDS[member.status]} on ${date}; ${rights.stand.map((s) => STATUS_WORDS[s]).join(' or ')} may stand`,
    })
  }
  for (const rule of standingRulesFor(document, post.post)) reasons.push(standingReason(rule, member, date))
  const failed = reasons.filter((reason) => !reason.satisfied)
  return {
    eligible: failed.length === 0,
    reasons,
    decidingRuleIds: (failed.length > 0 ? failed : reasons).map((reason) => reason.ruleId),
  }
}
