import { type InputIssue, invalidInput } from '../shared/errors.ts'
import type { CountInput } from './counting-method.ts'

/** At most this many problems are listed; a broken million-ballot file should not print a million lines. */
const MAX_ISSUES = 20

/**
 * The checks every method runs before counting, written once. Throws VALIDATION_FAILED with
 * `{ issues: [{ path, message }] }` naming each bad field (up to 20), for:
 * no candidates, seats not a whole number ≥ 1, a withdrawn number out of range or repeated,
 * no ballots at all (the issue asks for a clear error rather than an empty result), a weight that
 * is not a whole number ≥ 1, a preference out of range or not a whole number, and a candidate
 * listed twice on one ballot. Ballots that mark nothing, or only withdrawn candidates, are valid:
 * they count as exhausted.
 */
export function validateCountInput(input: CountInput): void {
  const issues: InputIssue[] = []
  const add = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message })
  }
  const n = input.candidates.length
  if (n < 1) add('candidates', 'there must be at least one candidate')
  input.candidates.forEach((name, i) => {
    if (typeof name !== 'string' || name.trim() === '') add(`candidates[${i}]`, 'a candidate needs a name')
  })
  if (!Number.isSafeInteger(input.seats) || input.seats < 1) {
    add('seats', `seats must be a whole number of at least 1 (got ${input.seats})`)
  }
  if (typeof input.tieBreakSeed !== 'string') add('tieBreakSeed', 'the tie-break seed must be a string')
  const withdrawn = new Set<number>()
  input.withdrawn.forEach((candidate, i) => {
    if (!Number.isInteger(candidate) || candidate < 0 || candidate >= n) {
      add(`withdrawn[${i}]`, `withdrawn candidate ${candidate} is not a candidate number (0..${n - 1})`)
    } else if (withdrawn.has(candidate)) {
      add(`withdrawn[${i}]`, `candidate ${candidate} is withdrawn twice`)
    }
    withdrawn.add(candidate)
  })
  if (input.ballots.length === 0) add('ballots', 'there are no ballots to count')
  // seenOn[c] = index+1 of the last ballot that marked c: finds repeats without clearing a set per ballot.
  const seenOn = new Int32Array(Math.max(n, 0))
  for (let b = 0; b < input.ballots.length && issues.length < MAX_ISSUES; b++) {
    const ballot = input.ballots[b]
    if (!ballot) continue
    if (!Number.isSafeInteger(ballot.weight) || ballot.weight < 1) {
      add(
        `ballots[${b}].weight`,
        `a ballot's weight must be a whole number of at least 1 (got ${ballot.weight})`,
      )
    }
    const preferences = ballot.preferences
    for (let p = 0; p < preferences.length; p++) {
      const candidate = preferences[p] as number
      if (!Number.isInteger(candidate) || candidate < 0 || candidate >= n) {
        add(
          `ballots[${b}].preferences[${p}]`,
          `preference ${candidate} is not a candidate number (0..${n - 1})`,
        )
      } else if (seenOn[candidate] === b + 1) {
        add(`ballots[${b}].preferences[${p}]`, `candidate ${candidate} is listed twice on one ballot`)
      } else {
        seenOn[candidate] = b + 1
      }
    }
  }
  if (issues.length > 0) {
    const first = issues[0] as InputIssue
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    throw invalidInput(`The count's input is invalid: ${first.path}: ${first.message}${more}`, issues)
  }
}
