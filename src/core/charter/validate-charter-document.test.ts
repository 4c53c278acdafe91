import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { charterJsonSchemaText } from './charter-json-schema.ts'
import { RULE_FAMILIES } from './document-schema.ts'
import { countRules } from './rule-summary.ts'
import {
  type CharterIssue,
  describeIssues,
  parseCharterSource,
  validateCharterSource,
} from './validate-charter-document.ts'

const read = (path: string) => readFileSync(new URL(`../../../charter/${path}`, import.meta.url), 'utf8')

/** The issues of a source that must fail, as `line path: message` for readable assertions. */
function problems(source: string): readonly CharterIssue[] {
  const result = validateCharterSource(source, 'test.yaml')
  if (result.ok) throw new Error('expected the charter to be invalid')
  return result.issues
}

const minimal = (rules: string) => `charter: 1
name: Minimal
levels: [central, region, unit]
rules:
${rules}`

describe('the shipped charters', () => {
  it('the default charter validates, with the report’s standing and admission rules', () => {
    const document = parseCharterSource(read('default.yaml'), 'default.yaml')
    expect(document.levels).toEqual(['central', 'region', 'district', 'unit'])
    const standing = Object.fromEntries(document.rules.standing.map((r) => [r.posts[0], r.minimum]))
    expect(standing['region-secretary']).toEqual({ joinedBefore: '1917-11-07' })
    expect(standing['district-secretary']).toEqual({ years: 3, of: 'membership' })
    expect(standing['unit-secretary']).toEqual({ years: 1, of: 'membership' })
    const admission = document.rules.admission.map((r) => [
      r.category,
      r.recommendations,
      r.probationMonths,
      r.decideWithinDays,
    ])
    expect(admission).toEqual(
      expect.arrayContaining([
        ['worker', 1, 6, 60],
        ['peasant', 2, 12, 60],
        ['employee', 3, 24, 60],
      ]),
    )
    const unitElections = document.rules.elections.find(
      (r) => r.posts !== 'all' && r.posts.includes('unit-secretary'),
    )
    expect(unitElections?.appointment?.justifications.map((j) => j.id)).toEqual(
      expect.arrayContaining(['no-eligible-candidate', 'no-literate-candidate']),
    )
    // Every family is used, and every rule speaks to members in words.
    for (const family of RULE_FAMILIES) expect(countRules(document).byFamily[family]).toBeGreaterThan(0)
    for (const family of RULE_FAMILIES) {
      for (const rule of document.rules[family]) expect(rule.text.length).toBeGreaterThan(20)
    }
  })

  it('the trade-union charter validates: its own levels, and standing in months of paid dues', () => {
    const document = parseCharterSource(read('examples/trade-union.yaml'), 'trade-union.yaml')
    expect(document.levels).toEqual(['national', 'region', 'branch'])
    expect(document.rules.posts.map((p) => p.post)).toEqual(
      expect.arrayContaining(['branch-secretary', 'shop-steward', 'branch-treasurer']),
    )
    expect(document.rules.standing.find((r) => r.posts.includes('branch-secretary'))?.minimum).toEqual({
      months: 12,
      of: 'paid-dues',
    })
  })

  it('accepts the same charter written as JSON', () => {
    const document = parseCharterSource(read('default.yaml'))
    const result = validateCharterSource(JSON.stringify(document, null, 2), 'default.json')
    expect(result).toMatchObject({ ok: true, issues: [] })
  })
})

describe('a broken charter', () => {
  const broken = `charter: 1
name: Broken
levels: [central, region, district, unit]
rules:
  posts:
    - id: posts.unit-secretary
      text: One secretary per unit.
      post: unit-secretary
      level: unit
      title: Unit secretary
      seats: one
      termMonths: 12
    - id: posts.unit-secretary
      text: A ward post.
      post: ward-secretary
      level: ward
      title: Ward secretary
      seats: 1
      termMonths: 12
  standing:
    - id: standing.unit-secretary
      text: Joined before the revolution.
      posts: [unit-secretary]
      minimum: { joinedBefore: 1917-02-30 }
  ceremonies:
    - id: ceremonies.flag
      text: Raise the flag.
  votingRights:
    - id: voting-rights
      text: Full members vote.
      vote: [full]
      consultative: [candidate
      stand: [full]
`

  it('lists every problem with its path, line and column, in source order', () => {
    const issues = problems(broken)
    const found = issues.map((i) => `${i.line} ${i.path}`)
    expect(found).toEqual([
      '11 rules.posts.0.seats', // wrong type
      '13 rules.posts.1.id', // duplicate rule id
      '16 rules.posts.1.level', // a post at an undeclared level
      '24 rules.standing.0.minimum.joinedBefore', // 30 February
      '25 rules.ceremonies', // unknown rule family
      '33 ', // YAML syntax: the flow list is never closed
    ])
    const byPath = new Map(issues.map((i) => [i.path, i]))
    expect(byPath.get('rules.posts.0.seats')).toMatchObject({
      column: 14,
      message: 'expected a number, got "one"',
    })
    expect(byPath.get('rules.posts.1.id')?.message).toContain('already used at rules.posts.0.id')
    expect(byPath.get('rules.posts.1.level')?.message).toBe(
      'level "ward" is not one of the charter\'s levels (central, region, district, unit)',
    )
    expect(byPath.get('rules.standing.0.minimum.joinedBefore')?.message).toContain('got "1917-02-30"')
    expect(byPath.get('rules.ceremonies')).toMatchObject({ column: 3 })
    expect(byPath.get('rules.ceremonies')?.message).toContain('unknown rule family "ceremonies"')
  })

  it('formats each problem as FILE:LINE:COLUMN: path: message', () => {
    const lines = describeIssues('broken.yaml', problems(broken))
    expect(lines[0]).toBe('broken.yaml:11:14: rules.posts.0.seats: expected a number, got "one"')
    expect(lines.at(-1)).toMatch(/^broken\.yaml:33:\d+: \S/)
  })

  it('throws CHARTER_INVALID carrying the same issues', () => {
    expect(() => parseCharterSource(broken, 'broken.yaml')).toThrow(
      expect.objectContaining({ code: 'CHARTER_INVALID', details: { issues: problems(broken) } }),
    )
  })

  it('points a missing key at the mapping that lacks it, and names an unknown key', () => {
    const issues = problems(
      minimal(`  posts:
    - id: posts.secretary
      text: The secretary.
      post: secretary
      colour: red
`),
    )
    expect(issues).toEqual([
      {
        path: 'rules.posts.0',
        line: 6,
        column: 7,
        message: 'missing required keys "level", "title", "seats" and "termMonths"',
      },
      { path: 'rules.posts.0.colour', line: 9, column: 7, message: 'unknown key "colour"' },
    ])
  })

  it('explains a wrong rule kind and the closest form of a standing minimum', () => {
    const issues = problems(
      minimal(`  posts:
    - { id: posts.s, text: The secretary., post: s, level: unit, title: S, seats: 1, termMonths: 12 }
  standing:
    - { id: standing.s, text: A year., posts: [s], minimum: { years: one, of: membership } }
  deliberation:
    - { id: deliberation.x, text: Something., kind: forever }
`),
    )
    expect(issues.map((i) => [i.line, i.path, i.message])).toEqual([
      [8, 'rules.standing.0.minimum.years', 'expected a number, got "one"'],
      [
        10,
        'rules.deliberation.0.kind',
        'kind must be one of limits, major, urgent, confidential, quorum, initiative, meetings, criticism, implementation; got "forever"',
      ],
    ])
  })

  it('checks references and uniqueness across the document', () => {
    const issues = problems(
      minimal(`  posts:
    - { id: posts.a, text: Post A., post: a, level: unit, title: A, seats: 1, termMonths: 12 }
    - { id: posts.b, text: Post A again., post: a, level: unit, title: A, seats: 1, termMonths: 12 }
  standing:
    - { id: standing.a, text: A year., posts: [a, ghost], minimum: { years: 1, of: membership } }
  elections:
    - id: elections.a
      text: Elected.
      posts: [a, phantom]
      appointment:
        by: [district]
        justifications:
          - { id: none, text: No one., maxMonths: 3 }
          - { id: none, text: Still no one., maxMonths: 3 }
    - { id: elections.b, text: Elected again., posts: [a] }
  votingRights:
    - { id: voting.one, text: One., vote: [full], consultative: [], stand: [full] }
    - { id: voting.two, text: Two., vote: [full], consultative: [], stand: [full] }
  deliberation:
    - { id: deliberation.limits, text: Limits., kind: limits, levels: [ward], minimumDays: 30, maximumDays: 7 }
  information:
    - { id: information.r, text: Reports., kind: report, level: district, everyDays: 30 }
  conferences:
    - { id: conferences.c, text: Conferences., levels: [central, district], fields: [party], everyDays: 90 }
  admission:
    - { id: admission.w, text: Workers., category: worker, recommendations: 1, probationMonths: 6, decideWithinDays: 60 }
    - { id: admission.w2, text: Workers., category: worker, recommendations: 2, probationMonths: 6, decideWithinDays: 60 }
`),
    )
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [7, 'rules.posts.1.post'],
      [9, 'rules.standing.0.posts.1'],
      [13, 'rules.elections.0.posts.1'],
      [15, 'rules.elections.0.appointment.by.0'],
      [18, 'rules.elections.0.appointment.justifications.1.id'],
      [19, 'rules.elections.1.posts.0'],
      [22, 'rules.votingRights.1'],
      [24, 'rules.deliberation.0.levels.0'],
      [24, 'rules.deliberation.0.maximumDays'],
      [26, 'rules.information.0.level'],
      [28, 'rules.conferences.0.levels.1'],
      [31, 'rules.admission.1.category'],
    ])
    expect(issues.find((i) => i.path === 'rules.elections.1.posts.0')?.message).toContain(
      'already covered by rules.elections.0',
    )
    expect(issues.find((i) => i.path === 'rules.deliberation.0.maximumDays')?.message).toBe(
      'maximumDays (7) is less than minimumDays (30)',
    )
  })

  it('refuses an empty file, a list, a wrong format version and several documents', () => {
    expect(problems('')).toEqual([{ path: '', line: 1, column: 1, message: 'test.yaml is empty' }])
    expect(problems('- a\n- b\n')[0]).toMatchObject({ line: 1, message: 'expected a mapping, got a list' })
    expect(problems('{"charter": 2, "name": "J", "levels": ["a", "b"], "rules": {}}')).toEqual([
      { path: 'charter', line: 1, column: 13, message: 'expected 1; got 2' },
    ])
    expect(problems(minimal('  posts: []\n---\nname: again\n'))[0]?.message).toContain(
      'more than one YAML document',
    )
  })
})

describe('the JSON Schema for editors', () => {
  it('is committed up to date as charter/charter.schema.json', () => {
    // When this fails: node bin/charter.js charter schema > charter/charter.schema.json
    expect(read('charter.schema.json')).toBe(charterJsonSchemaText())
  })

  it('describes every rule family, and the charters point editors at it', () => {
    const schema = JSON.parse(charterJsonSchemaText()) as {
      properties: { rules: { properties: Record<string, unknown>; additionalProperties: boolean } }
    }
    expect(Object.keys(schema.properties.rules.properties)).toEqual([...RULE_FAMILIES])
    expect(schema.properties.rules.additionalProperties).toBe(false)
    expect(read('default.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=./charter.schema.json')
    expect(read('examples/trade-union.yaml').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../charter.schema.json',
    )
  })
})
