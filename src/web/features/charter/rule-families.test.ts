import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULE_FAMILIES as CORE_FAMILIES } from '../../../core/charter/document-schema.ts'
import { parseCharterSource } from '../../../core/charter/validate-charter-document.ts'
import { describeRule, FAMILY_HEADINGS, RULE_FAMILIES } from './rule-families.ts'
import type { FamilyRule, RuleFamilies } from './rule-types.ts'

const repo = resolve(import.meta.dirname, '../../../..')

function rulesOf(file: string): RuleFamilies {
  // The core's document type and the web's hand-written mirror describe the same JSON.
  return parseCharterSource(readFileSync(resolve(repo, file), 'utf8'), file).rules as unknown as RuleFamilies
}

function entries(rules: RuleFamilies): FamilyRule[] {
  return RULE_FAMILIES.flatMap((family) =>
    (rules[family] as readonly FamilyRule['rule'][]).map((rule) => ({ family, rule }) as FamilyRule),
  )
}

describe('the charter page describes every rule the server sends', () => {
  it('mirrors the core rule families, each with a heading', () => {
    expect(RULE_FAMILIES).toEqual(CORE_FAMILIES)
    for (const family of RULE_FAMILIES) expect(FAMILY_HEADINGS[family].title).not.toBe('')
  })

  it.each(['charter/default.yaml', 'charter/examples/trade-union.yaml'])(
    'gives parameters to each rule of %s',
    (file) => {
      for (const entry of entries(rulesOf(file))) {
        const parameters = describeRule(entry)
        expect(parameters.length, entry.rule.id).toBeGreaterThan(0)
        for (const parameter of parameters)
          expect(parameter.value, `${entry.rule.id} ${parameter.label}`).not.toMatch(/undefined|NaN/)
      }
    },
  )

  it('reads standing as a member would say it', () => {
    const standing = new Map(
      entries(rulesOf('charter/default.yaml'))
        .filter((entry) => entry.family === 'standing')
        .map((entry) => [entry.rule.id, describeRule(entry).find((p) => p.label === 'Standing')?.value]),
    )
    expect(standing.get('standing.region-secretary')).toBe('joined before 7 Nov 1917')
    expect(standing.get('standing.district-secretary')).toBe('at least 3 years of membership')
    expect(standing.get('standing.unit-secretary')).toBe('at least 1 year of membership')
  })
})
