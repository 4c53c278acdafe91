import type { CharterVersion } from './charter-in-force.ts'
import { type CharterDocument, type CharterRule, RULE_FAMILIES, type RuleFamily } from './document-schema.ts'

/** The rules of one family as members read them: id and plain-language text. (Mutable arrays, as
 * the API's response types want them.) */
export interface RuleFamilySummary {
  family: RuleFamily
  rules: { id: string; text: string }[]
}

/** Every family of the document in schema order, each with its rules' ids and texts. */
export function summariseRules(document: CharterDocument): RuleFamilySummary[] {
  return RULE_FAMILIES.map((family) => ({
    family,
    rules: (document.rules[family] as readonly CharterRule[]).map((rule) => ({
      id: rule.id,
      text: rule.text,
    })),
  }))
}

/** How many rules each family holds, and in all. */
export function countRules(document: CharterDocument): {
  readonly byFamily: Readonly<Record<RuleFamily, number>>
  readonly total: number
} {
  const byFamily = Object.fromEntries(
    RULE_FAMILIES.map((family) => [family, document.rules[family].length]),
  ) as Record<RuleFamily, number>
  return { byFamily, total: Object.values(byFamily).reduce((sum, n) => sum + n, 0) }
}

/** A version as readers see it: the decision, the levels, the rules by family, and the document. */
export function presentCharterVersion(version: CharterVersion) {
  return {
    versionId: version.versionId,
    name: version.name,
    effectiveFrom: version.effectiveFrom,
    decision: version.decision,
    levels: [...version.document.levels],
    families: summariseRules(version.document),
    ruleCount: countRules(version.document).total,
    document: version.document,
  }
}
