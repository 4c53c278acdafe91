import type { CharterDocument, DeliberationRule } from '../charter/document-schema.ts'

/** Pure reads of the charter's deliberation family for one body level. */

type RuleOf<K extends DeliberationRule['kind']> = Extract<DeliberationRule, { kind: K }>

/** The deliberation rules that apply to bodies of one level; null where the charter is silent. */
export interface DeliberationRules {
  readonly limits: RuleOf<'limits'> | null
  readonly major: readonly RuleOf<'major'>[]
  readonly urgent: RuleOf<'urgent'> | null
  readonly confidential: RuleOf<'confidential'> | null
  readonly quorum: RuleOf<'quorum'> | null
  readonly initiative: RuleOf<'initiative'> | null
  readonly meetings: RuleOf<'meetings'> | null
  readonly criticism: RuleOf<'criticism'> | null
}

function appliesAt(rule: { readonly levels?: 'all' | readonly string[] }, level: string): boolean {
  return rule.levels === undefined || rule.levels === 'all' || rule.levels.includes(level)
}

function first<K extends DeliberationRule['kind']>(
  document: CharterDocument,
  kind: K,
  level: string,
): RuleOf<K> | null {
  const rule = document.rules.deliberation.find(
    (r): r is RuleOf<K> => r.kind === kind && appliesAt(r as { levels?: 'all' | string[] }, level),
  )
  return rule ?? null
}

/** The charter's deliberation rules for bodies at `level` (the first rule of each kind applying there). */
export function deliberationRules(document: CharterDocument, level: string): DeliberationRules {
  return {
    limits: first(document, 'limits', level),
    major: document.rules.deliberation.filter((r): r is RuleOf<'major'> => r.kind === 'major'),
    urgent: first(document, 'urgent', level),
    confidential: first(document, 'confidential', level),
    quorum: first(document, 'quorum', level),
    initiative: first(document, 'initiative', level),
    meetings: first(document, 'meetings', level),
    criticism: first(document, 'criticism', level),
  }
}

/** Whether a question is major by the charter's criteria, which rule says so, and whether it needs a meeting. */
export interface Classification {
  readonly major: boolean
  readonly majorRuleId: string | null
  readonly meetingRequired: boolean
}

/**
 * A question is major when a `major` rule names its topic, or lists the body's level explicitly
 * (`levels: [central]`: whatever the Central Committee puts to the party). A rule whose levels are
 * `all` (the default) classifies by topic alone; otherwise every question would be major.
 */
export function classifyQuestion(rules: DeliberationRules, level: string, topic: string): Classification {
  const rule = rules.major.find(
    (r) => r.topics.includes(topic) || (r.levels !== 'all' && r.levels.includes(level)),
  )
  if (!rule) return { major: false, majorRuleId: null, meetingRequired: false }
  return { major: true, majorRuleId: rule.id, meetingRequired: rule.meetingRequired }
}

/** The quorum: at least `share` of the deciding members, rounded up, and never fewer than one. */
export function quorumFor(share: number, decidingMembers: number): number {
  return Math.max(1, Math.ceil(share * decidingMembers - 1e-9))
}
