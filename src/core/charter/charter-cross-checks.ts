import { RULE_FAMILIES } from './document-schema.ts'
import type { DocumentPath } from './yaml-positions.ts'

/** A problem found at a path of the document; `at: 'key'` points at the key rather than its value. */
export interface PathIssue {
  readonly path: DocumentPath
  readonly message: string
  readonly at?: 'key'
}

/*
 * The checks the shape alone cannot make: references between rules (a post at a declared level, a
 * standing rule naming a defined post) and uniqueness across the document. They read the raw data
 * rather than the parsed document, so a charter with shape errors still gets every reference
 * checked wherever the parts involved are well-formed: one run lists every problem.
 */

type Raw = Record<string, unknown>

function record(value: unknown): Raw | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : null
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

interface Item {
  readonly index: number
  readonly rule: Raw
}

function items(rules: Raw, family: string): readonly Item[] {
  return list(rules[family]).flatMap((value, index) => {
    const rule = record(value)
    return rule ? [{ index, rule }] : []
  })
}

const dotted = (path: DocumentPath): string => path.join('.')

/** Flags every repeat of a value after its first use, naming where the first one is. */
function uniqueness(
  entries: readonly { readonly value: string | null; readonly path: DocumentPath }[],
  describe: (value: string, firstPath: string) => string,
): PathIssue[] {
  const first = new Map<string, DocumentPath>()
  const issues: PathIssue[] = []
  for (const { value, path } of entries) {
    if (value === null) continue
    const seen = first.get(value)
    if (seen) issues.push({ path, message: describe(value, dotted(seen)) })
    else first.set(value, path)
  }
  return issues
}

/** Every cross-reference and uniqueness problem of a (possibly malformed) charter document. */
export function crossCheckCharter(raw: unknown): PathIssue[] {
  const root = record(raw)
  if (!root) return []
  const rules = record(root.rules) ?? {}
  const declared = Array.isArray(root.levels) ? root.levels.filter((l) => typeof l === 'string') : null
  const issues: PathIssue[] = []

  issues.push(
    ...uniqueness(
      list(root.levels).map((level, index) => ({ value: text(level), path: ['levels', index] })),
      (level) => `level "${level}" is listed twice`,
    ),
  )

  // Rule ids are what refusals and findings cite: two rules with one id would be indistinguishable.
  issues.push(
    ...uniqueness(
      RULE_FAMILIES.flatMap((family) =>
        items(rules, family).map(({ index, rule }) => ({
          value: text(rule.id),
          path: ['rules', family, index, 'id'],
        })),
      ),
      (id, firstPath) => `rule id "${id}" is already used at ${firstPath}; rule ids are unique`,
    ),
  )

  const posts = items(rules, 'posts')
  issues.push(
    ...uniqueness(
      posts.map(({ index, rule }) => ({ value: text(rule.post), path: ['rules', 'posts', index, 'post'] })),
      (post, firstPath) => `post "${post}" is already defined at ${firstPath}`,
    ),
  )
  const postNames = new Set(posts.map(({ rule }) => text(rule.post)).filter((p) => p !== null))

  const checkLevel = (value: unknown, path: DocumentPath): void => {
    const level = text(value)
    if (declared === null || level === null || declared.includes(level)) return
    issues.push({
      path,
      message: `level "${level}" is not one of the charter's levels (${declared.join(', ')})`,
    })
  }
  const checkLevelList = (value: unknown, path: DocumentPath): void => {
    list(value).forEach((level, index) => {
      checkLevel(level, [...path, index])
    })
  }
  const checkPostList = (value: unknown, path: DocumentPath): void => {
    list(value).forEach((post, index) => {
      const name = text(post)
      if (name !== null && !postNames.has(name)) {
        issues.push({ path: [...path, index], message: `no post "${name}" is defined under rules.posts` })
      }
    })
  }

  for (const { index, rule } of posts) checkLevel(rule.level, ['rules', 'posts', index, 'level'])
  for (const { index, rule } of items(rules, 'standing')) {
    checkPostList(rule.posts, ['rules', 'standing', index, 'posts'])
  }
  issues.push(...electionChecks(items(rules, 'elections'), checkPostList, checkLevelList))

  for (const { index, rule } of items(rules, 'deliberation')) {
    const at = ['rules', 'deliberation', index]
    checkLevelList(rule.levels, [...at, 'levels'])
    const min = rule.minimumDays
    const max = rule.maximumDays
    if (rule.kind === 'limits' && typeof min === 'number' && typeof max === 'number' && min > max) {
      issues.push({
        path: [...at, 'maximumDays'],
        message: `maximumDays (${max}) is less than minimumDays (${min})`,
      })
    }
  }
  for (const { index, rule } of items(rules, 'information')) {
    if (rule.kind === 'report') checkLevel(rule.level, ['rules', 'information', index, 'level'])
  }
  for (const { index, rule } of items(rules, 'conferences')) {
    checkLevelList(rule.levels, ['rules', 'conferences', index, 'levels'])
  }

  const voting = items(rules, 'votingRights')
  for (const { index } of voting.slice(1)) {
    issues.push({
      path: ['rules', 'votingRights', index],
      message: 'a charter has one votingRights rule; merge this one into rules.votingRights.0',
    })
  }
  issues.push(
    ...uniqueness(
      items(rules, 'admission').map(({ index, rule }) => ({
        value: text(rule.category),
        path: ['rules', 'admission', index, 'category'],
      })),
      (category, firstPath) => `category "${category}" already has an admission rule at ${firstPath}`,
    ),
  )
  return issues
}

/** Election rules: posts defined, appointing levels declared, justification ids unique, no overlap. */
function electionChecks(
  elections: readonly Item[],
  checkPostList: (value: unknown, path: DocumentPath) => void,
  checkLevelList: (value: unknown, path: DocumentPath) => void,
): PathIssue[] {
  const issues: PathIssue[] = []
  // Each post follows one election rule: with two, which justifications apply would be ambiguous.
  const coveredBy = new Map<string, string>()
  let allAt: string | null = null
  for (const { index, rule } of elections) {
    const at = ['rules', 'elections', index]
    if (rule.posts === 'all') {
      const other = allAt ?? [...coveredBy.values()][0]
      if (other) issues.push({ path: [...at, 'posts'], message: `"all" overlaps the posts of ${other}` })
      allAt = dotted(at)
    } else {
      checkPostList(rule.posts, [...at, 'posts'])
      list(rule.posts).forEach((post, postIndex) => {
        const name = text(post)
        if (name === null) return
        const other = allAt ?? coveredBy.get(name)
        if (other) {
          issues.push({
            path: [...at, 'posts', postIndex],
            message: `post "${name}" is already covered by ${other}; each post follows one election rule`,
          })
        } else coveredBy.set(name, dotted(at))
      })
    }
    const appointment = record(rule.appointment)
    if (!appointment) continue
    if (appointment.by !== 'parent') checkLevelList(appointment.by, [...at, 'appointment', 'by'])
    issues.push(
      ...uniqueness(
        list(appointment.justifications).map((justification, j) => ({
          value: text(record(justification)?.id),
          path: [...at, 'appointment', 'justifications', j, 'id'],
        })),
        (id, firstPath) => `justification "${id}" is already listed at ${firstPath}`,
      ),
    )
  }
  return issues
}
