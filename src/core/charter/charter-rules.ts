import { AppError } from '../shared/errors.ts'
import type {
  CharterDocument,
  ElectionRule,
  PostRule,
  StandingRule,
  VotingRightsRule,
} from './document-schema.ts'

/** Reads of one charter document that several capabilities share. Pure functions. */

/** The post's definition; UNKNOWN_POST when the charter has no such post. */
export function postRule(document: CharterDocument, post: string): PostRule {
  const rule = document.rules.posts.find((p) => p.post === post)
  if (!rule) {
    throw new AppError('UNKNOWN_POST', `The charter in force has no post "${post}"`, {
      post,
      posts: document.rules.posts.map((p) => p.post),
    })
  }
  return rule
}

/** The post's definition, checked against the level of the body it is held in. */
export function postRuleAtLevel(document: CharterDocument, post: string, level: string): PostRule {
  const rule = postRule(document, post)
  if (rule.level !== level) {
    throw new AppError(
      'UNKNOWN_POST',
      `The post "${post}" belongs to ${rule.level} bodies, not ${level} bodies`,
      {
        post,
        ruleId: rule.id,
        postLevel: rule.level,
        bodyLevel: level,
      },
    )
  }
  return rule
}

/** The posts defined for bodies of one level. */
export function postsAtLevel(document: CharterDocument, level: string): readonly PostRule[] {
  return document.rules.posts.filter((p) => p.level === level)
}

/** Standing rules that apply to a post (all must hold). */
export function standingRulesFor(document: CharterDocument, post: string): readonly StandingRule[] {
  return document.rules.standing.filter((rule) => rule.posts.includes(post))
}

/** The rule that makes a post elective, or null when the charter lets it be filled otherwise. */
export function electionRuleFor(document: CharterDocument, post: string): ElectionRule | null {
  return document.rules.elections.find((rule) => rule.posts === 'all' || rule.posts.includes(post)) ?? null
}

/** Who votes, who has a consultative voice and who may stand; null when the charter is silent. */
export function votingRights(document: CharterDocument): VotingRightsRule | null {
  return document.rules.votingRights[0] ?? null
}
