import { type Document, LineCounter, parseDocument, type YAMLError } from 'yaml'
import type { z } from 'zod'
import { AppError } from '../shared/errors.ts'
import { crossCheckCharter, type PathIssue } from './charter-cross-checks.ts'
import { type CharterDocument, charterDocumentShape, RULE_FAMILIES } from './document-schema.ts'
import { type DocumentPath, positionOf, valueAt } from './yaml-positions.ts'

/** One problem of a charter document, placed where an editor can jump to it. */
export interface CharterIssue {
  /** Dotted path of the offending node, e.g. `rules.posts.2.level`; empty for a YAML syntax error. */
  readonly path: string
  readonly line: number
  readonly column: number
  readonly message: string
}

/** Either the parsed document (defaults filled in) or every problem found, in source order. */
export type CharterValidation =
  | { readonly ok: true; readonly document: CharterDocument; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly CharterIssue[] }

type ZodIssue = z.core.$ZodIssue

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
}

function show(value: unknown): string {
  if (value === null) return 'nothing (null)'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 60 ? `${json.slice(0, 57)}…` : json
}

const scalar = (value: unknown): boolean => value === null || typeof value !== 'object'

/** A shape problem; `missing` marks a required key that is absent (merged per mapping below). */
type ShapeIssue = PathIssue & { readonly missing?: true }

/** Zod's issues in a member's words, with the value found where that helps; unions unpacked. */
function fromZod(issue: ZodIssue, raw: unknown, prefix: DocumentPath = []): ShapeIssue[] {
  const path = [...prefix, ...(issue.path as DocumentPath)]
  const got = valueAt(raw, path)
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key' as const,
        message:
          path.length === 1 && path[0] === 'rules'
            ? `unknown rule family "${key}" (the families are ${RULE_FAMILIES.join(', ')})`
            : `unknown key "${key}"`,
      }))
    case 'invalid_type':
      if (got === undefined && path.length > 0) return [{ path, missing: true, message: 'required' }]
      return [{ path, message: `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${show(got)}` }]
    case 'invalid_union': {
      if ('options' in issue && issue.discriminator) {
        const options = (issue.options as readonly unknown[]).map(String).join(', ')
        const found = got === undefined ? 'it is missing' : `got ${show(got)}`
        return [{ path, message: `${issue.discriminator} must be one of ${options}; ${found}` }]
      }
      // Report the branch that came closest (fewest problems): its issues say what to fix.
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]
      if (closest && closest.length > 0) return closest.flatMap((inner) => fromZod(inner, raw, path))
      return [{ path, message: issue.message }]
    }
    default: {
      const found = scalar(got) && got !== undefined ? `; got ${show(got)}` : ''
      return [{ path, message: `${issue.message.replace(/^Invalid (input|option): /, '')}${found}` }]
    }
  }
}

/** One issue per mapping for its missing keys, at the mapping: "missing post, level and title". */
function mergeMissing(issues: readonly ShapeIssue[]): PathIssue[] {
  const merged: PathIssue[] = []
  const missingBy = new Map<string, { path: DocumentPath; keys: string[] }>()
  for (const issue of issues) {
    if (!issue.missing) {
      merged.push(issue)
      continue
    }
    const parent = issue.path.slice(0, -1)
    const key = JSON.stringify(parent)
    const entry = missingBy.get(key) ?? { path: parent, keys: [] }
    entry.keys.push(String(issue.path.at(-1)))
    missingBy.set(key, entry)
  }
  for (const { path, keys } of missingBy.values()) {
    const names = keys.map((k) => `"${k}"`)
    const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    merged.push({ path, message: `missing required key${keys.length === 1 ? '' : 's'} ${listed}` })
  }
  return merged
}

function yamlMessage(error: YAMLError, fileName: string): string {
  if (error.code === 'MULTIPLE_DOCS') {
    return `${fileName} holds more than one YAML document (---); a charter is one document`
  }
  if (error.code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping'
  return error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message
}

function yamlIssue(error: YAMLError, counter: LineCounter, fileName: string): CharterIssue {
  const { line, col } = counter.linePos(error.pos[0])
  return { path: '', line, column: col, message: yamlMessage(error, fileName) }
}

function placed(doc: Document, counter: LineCounter, issue: PathIssue): CharterIssue {
  const { line, column } = positionOf(doc, counter, issue.path, issue.at)
  return { path: issue.path.join('.'), line, column, message: issue.message }
}

/**
 * Parses a charter (YAML, or JSON, which is YAML too) and validates its shape and its
 * cross-references. Every problem is returned, each at the line and column of the node at fault
 * (for a missing key, the mapping that lacks it), so one run shows all there is to fix.
 */
export function validateCharterSource(source: string, fileName = 'the charter'): CharterValidation {
  const counter = new LineCounter()
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false })
  const issues = doc.errors.map((error) => yamlIssue(error, counter, fileName))
  if (doc.contents === null) {
    if (issues.length === 0) issues.push({ path: '', line: 1, column: 1, message: `${fileName} is empty` })
    return { ok: false, issues }
  }
  let raw: unknown
  try {
    // The alias cap stops a "billion laughs" document from exhausting memory.
    raw = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    issues.push({ path: '', line: 1, column: 1, message: (error as Error).message })
    return { ok: false, issues }
  }
  // Syntax errors do not stop the rest: the parser recovers, so shape and references are still
  // checked and one run lists every problem (the syntax ones first, by position).
  const parsed = charterDocumentShape.safeParse(raw)
  const pathIssues = mergeMissing(parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZod(i, raw)))
  pathIssues.push(...crossCheckCharter(raw))
  issues.push(...pathIssues.map((issue) => placed(doc, counter, issue)))
  if (parsed.success && issues.length === 0) return { ok: true, document: parsed.data, issues: [] }
  const ordered = [...issues].sort((a, b) => a.line - b.line || a.column - b.column)
  return { ok: false, issues: ordered }
}

/** The document, or CHARTER_INVALID whose details carry every issue (`{ issues }`). */
export function parseCharterSource(source: string, fileName = 'the charter'): CharterDocument {
  const result = validateCharterSource(source, fileName)
  if (result.ok) return result.document
  const first = result.issues[0] as CharterIssue
  const where = first.path ? `${first.path}: ` : ''
  throw new AppError(
    'CHARTER_INVALID',
    `${fileName} is not a valid charter: ${result.issues.length} problem(s), the first at line ${first.line}: ${where}${first.message}`,
    { issues: result.issues },
  )
}

/** Issues as `FILE:LINE:COLUMN: path: message` lines, the form editors and terminals link. */
export function describeIssues(fileName: string, issues: readonly CharterIssue[]): string[] {
  return issues.map(
    (issue) =>
      `${fileName}:${issue.line}:${issue.column}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
  )
}
