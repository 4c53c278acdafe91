import { apiGet } from '../../api/client.ts'
import { useAsync } from '../../shared/use-async.ts'
import type { DeliberationRule } from '../charter/rule-types.ts'
import type { CharterInForce } from '../charter/types.ts'
import { HIDE_REASONS, type HideReason } from './types.ts'

type RuleOf<K extends DeliberationRule['kind']> = Extract<DeliberationRule, { kind: K }>

/**
 * What the deliberation forms tell the user before the server decides, read from the charter in
 * force today (the server applies the same rules and has the last word). Null rules: the charter
 * says nothing, or it could not be read (the forms then just say less).
 */
export interface DeliberationCharter {
  /** The charter in force was read (false while loading, on failure, or when disabled). */
  readonly read: boolean
  /** Topics that make a question major (by the `major` rules), for the topic's suggestions. */
  readonly majorTopics: readonly string[]
  readonly majorRuleIds: readonly string[]
  readonly confidential: RuleOf<'confidential'> | null
  readonly initiative: RuleOf<'initiative'> | null
  /** Urgent decisions and their ratification deadline; null: the charter provides none. */
  readonly urgent: RuleOf<'urgent'> | null
  /** The conduct reasons a moderator may give (Charter's fixed list when the charter is silent). */
  readonly hideReasons: readonly HideReason[]
  readonly criticismRuleId: string | null
}

function isHideReason(value: string): value is HideReason {
  return (HIDE_REASONS as readonly string[]).includes(value)
}

/** The deliberation family of a charter document, as the forms use it. */
export function deliberationCharter(rules: readonly DeliberationRule[]): DeliberationCharter {
  const major = rules.filter((rule): rule is RuleOf<'major'> => rule.kind === 'major')
  const criticism = rules.find((rule): rule is RuleOf<'criticism'> => rule.kind === 'criticism') ?? null
  return {
    read: true,
    majorTopics: [...new Set(major.flatMap((rule) => rule.topics))],
    majorRuleIds: major.map((rule) => rule.id),
    confidential: rules.find((rule): rule is RuleOf<'confidential'> => rule.kind === 'confidential') ?? null,
    initiative: rules.find((rule): rule is RuleOf<'initiative'> => rule.kind === 'initiative') ?? null,
    urgent: rules.find((rule): rule is RuleOf<'urgent'> => rule.kind === 'urgent') ?? null,
    hideReasons: criticism ? criticism.hideReasons.filter(isHideReason) : HIDE_REASONS,
    criticismRuleId: criticism?.id ?? null,
  }
}

const SILENT: DeliberationCharter = { ...deliberationCharter([]), read: false }

/** The charter's deliberation rules in force today; `SILENT` while loading or when none is adopted. */
export function useDeliberationCharter(enabled = true): DeliberationCharter {
  const charter = useAsync(
    () => (enabled ? apiGet<CharterInForce>('/charter') : Promise.resolve(null)),
    [enabled],
  )
  if (charter.status !== 'ready' || charter.data === null) return SILENT
  return deliberationCharter(charter.data.document.rules.deliberation)
}
