import { AppError } from '../shared/errors.ts'
import type { CountInput, WeightedBallot } from './counting-method.ts'

/**
 * The ERS / OpenSTV "BLT" ballot file, read and written. The layout:
 *
 *   4 2                  candidates, seats
 *   -2 -4                optional: withdrawn candidates as negative numbers (one or more lines)
 *   3 1 3 4 0            weight, then candidate numbers (1-based) in order of preference, then 0
 *   0                    a lone 0 ends the ballots
 *   "Adam"               one quoted name per candidate, in number order
 *   "Title"              the election's title
 *
 * Blank lines and `#` comments (outside quotes) are skipped. Refused with a clear message rather
 * than guessed at: equal preferences (`2=3`), skipped preferences (`-`) and ballot ids (`(id)`),
 * which variants of the format use but Charter's strictly ranked ballots cannot hold.
 */

/** A parsed BLT file: everything a count needs except the seed, plus the title. */
export interface BltElection extends Omit<CountInput, 'tieBreakSeed'> {
  readonly title: string
}

/** One problem with one line of a BLT file. */
export interface BltIssue {
  readonly path: string
  readonly line: number
  readonly column?: number
  readonly message: string
}

interface Token {
  readonly text: string
  readonly column: number
}

const MAX_ISSUES = 20
const WHOLE = /^\d+$/

/** Splits a line into tokens (a quoted string is one token) with 1-based columns; drops a `#` comment. */
function tokenise(line: string): Token[] | { column: number; message: string } {
  const tokens: Token[] = []
  const pattern = /"[^"]*"?|#|[^\s"#]+/g
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    const text = match[0]
    if (text === '#') break
    if (text.startsWith('"') && (text.length === 1 || !text.endsWith('"'))) {
      return { column: match.index + 1, message: 'a quoted name has no closing quote' }
    }
    tokens.push({ text, column: match.index + 1 })
  }
  return tokens
}

function failure(issues: readonly BltIssue[]): AppError {
  const first = issues[0] as BltIssue
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : ''
  return new AppError(
    'VALIDATION_FAILED',
    `Malformed BLT file, line ${first.line}: ${first.message}${more}`,
    {
      issues,
    },
  )
}

/** Parses a BLT file; any malformed line fails with VALIDATION_FAILED naming the line and the reason. */
export function parseBlt(text: string): BltElection {
  const issues: BltIssue[] = []
  const lines = text.split(/\r?\n/)
  const issue = (line: number, message: string, column?: number) => {
    if (issues.length < MAX_ISSUES) {
      issues.push({ path: `line ${line}`, line, ...(column === undefined ? {} : { column }), message })
    }
  }
  let candidates = 0
  let seats = 0
  const withdrawn: number[] = []
  const ballots: WeightedBallot[] = []
  const strings: { text: string; line: number; column: number }[] = []
  let stage: 'header' | 'withdrawn' | 'ballots' | 'names' = 'header'
  let lastLine = 0

  for (let index = 0; index < lines.length && issues.length < MAX_ISSUES; index++) {
    const lineNumber = index + 1
    const tokens = tokenise(lines[index] as string)
    if (!Array.isArray(tokens)) {
      issue(lineNumber, tokens.message, tokens.column)
      break
    }
    if (tokens.length === 0) continue
    lastLine = lineNumber
    const first = tokens[0] as Token

    if (stage === 'header') {
      const [c, s] = tokens
      if (tokens.length !== 2 || !c || !s || !WHOLE.test(c.text) || !WHOLE.test(s.text)) {
        issue(lineNumber, 'the first line must be two whole numbers: the number of candidates and of seats')
        break
      }
      candidates = Number(c.text)
      seats = Number(s.text)
      if (candidates < 1) issue(lineNumber, 'there must be at least one candidate', c.column)
      if (seats < 1) issue(lineNumber, 'there must be at least one seat', s.column)
      stage = 'withdrawn'
      continue
    }
    if (stage === 'withdrawn') {
      if (first.text.startsWith('-')) {
        for (const token of tokens) {
          const number = /^-\d+$/.test(token.text) ? -Number(token.text) : Number.NaN
          if (!(number >= 1 && number <= candidates)) {
            issue(
              lineNumber,
              `withdrawn candidate '${token.text}' must be -1 to -${candidates}`,
              token.column,
            )
          } else if (withdrawn.includes(number - 1)) {
            issue(lineNumber, `candidate ${number} is withdrawn twice`, token.column)
          } else withdrawn.push(number - 1)
        }
        continue
      }
      stage = 'ballots'
    }
    if (stage === 'ballots') {
      if (tokens.length === 1 && first.text === '0') {
        stage = 'names'
        continue
      }
      if (first.text.startsWith('"')) {
        issue(lineNumber, 'the ballots must end with a line holding a lone 0 before the names', 1)
        break
      }
      const ballot = parseBallot(tokens, candidates, (message, column) => issue(lineNumber, message, column))
      if (ballot) ballots.push(ballot)
      continue
    }
    for (const token of tokens) {
      if (!token.text.startsWith('"')) {
        issue(lineNumber, `expected a quoted name or title, found '${token.text}'`, token.column)
        break
      }
      strings.push({ text: token.text.slice(1, -1), line: lineNumber, column: token.column })
    }
  }

  if (issues.length === 0) {
    const end = Math.max(lastLine, 1)
    if (stage === 'header') issue(end, 'the file is empty: expected the line "candidates seats"')
    else if (stage !== 'names') issue(end, 'the file ends before the lone 0 that closes the ballots')
    else if (strings.length < candidates) {
      issue(end, `expected ${candidates} candidate names, found ${strings.length}`)
    } else if (strings.length === candidates)
      issue(end, 'the title (a quoted line after the names) is missing')
    else if (strings.length > candidates + 1) {
      const extra = strings[candidates + 1] as { line: number; column: number }
      issue(extra.line, 'unexpected text after the title', extra.column)
    }
  }
  if (issues.length > 0) throw failure(issues)
  return {
    candidates: strings.slice(0, candidates).map((name) => name.text),
    withdrawn,
    seats,
    ballots,
    title: strings[candidates]?.text ?? '',
  }
}

/** One ballot line `weight pref … 0`, or null after reporting what is wrong with it. */
function parseBallot(
  tokens: readonly Token[],
  candidates: number,
  report: (message: string, column?: number) => void,
): WeightedBallot | null {
  const [weightToken, ...rest] = tokens as [Token, ...Token[]]
  if (weightToken.text.startsWith('(')) {
    report('ballot ids in parentheses are not supported', weightToken.column)
    return null
  }
  if (!WHOLE.test(weightToken.text) || Number(weightToken.text) < 1) {
    report(`the weight '${weightToken.text}' must be a whole number of at least 1`, weightToken.column)
    return null
  }
  const last = rest[rest.length - 1]
  if (last?.text !== '0') {
    report('the ballot does not end with 0', (last ?? weightToken).column)
    return null
  }
  const preferences: number[] = []
  for (const token of rest.slice(0, -1)) {
    if (token.text.includes('=')) {
      report(
        `equal preferences ('${token.text}') are not supported: ballots must rank strictly`,
        token.column,
      )
      return null
    }
    if (token.text === '-') {
      report("skipped preferences ('-') are not supported", token.column)
      return null
    }
    const number = WHOLE.test(token.text) ? Number(token.text) : Number.NaN
    if (number === 0) {
      report('text after the 0 that ends the ballot', token.column)
      return null
    }
    if (!(number >= 1 && number <= candidates)) {
      report(`candidate '${token.text}' is not a number from 1 to ${candidates}`, token.column)
      return null
    }
    if (preferences.includes(number - 1)) {
      report(`candidate ${number} is listed twice on the ballot`, token.column)
      return null
    }
    preferences.push(number - 1)
  }
  return { weight: Number(weightToken.text), preferences }
}

/** BLT has no escape for a quote, so one inside a name or title is written as a typographic ’. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '’').replaceAll(/[\r\n]+/g, ' ')}"`
}

/** Writes a count's input (a closed election's, or a parsed file's) as a BLT file. */
export function writeBlt(input: CountInput, title: string): string {
  const lines = [`${input.candidates.length} ${input.seats}`]
  if (input.withdrawn.length > 0)
    lines.push(input.withdrawn.map((candidate) => `-${candidate + 1}`).join(' '))
  for (const { weight, preferences } of input.ballots) {
    lines.push([weight, ...preferences.map((candidate) => candidate + 1), 0].join(' '))
  }
  lines.push('0', ...input.candidates.map(quote), quote(title))
  return `${lines.join('\n')}\n`
}
