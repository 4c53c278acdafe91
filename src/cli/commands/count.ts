import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { type BltElection, parseBlt } from '../../core/counting/blt.ts'
import type { CountingMethodId, CountResult, CountRound } from '../../core/counting/counting-method.ts'
import { countingMethods } from '../../core/counting/methods.ts'
import { AppError } from '../../core/shared/errors.ts'

/**
 * `charter count FILE.blt`: counts a BLT file with any method and prints the round table, or
 * JSON. Pure: it reads the file and never opens the database, so it works anywhere.
 */
export interface CountOptions {
  readonly method: CountingMethodId
  readonly seats?: number
  readonly seed?: string
  readonly json?: boolean
}

/** A round in `--json`, with candidates by name. */
interface JsonRound {
  readonly round: number
  readonly quota: number | null
  readonly votes: { readonly candidate: string; readonly votes: number }[]
  readonly exhausted: number
  readonly elected: string[]
  readonly excluded: string[]
  readonly transfers: {
    readonly from: string
    readonly kind: 'surplus' | 'exclusion'
    readonly value: number
    readonly to: { readonly candidate: string; readonly votes: number }[]
    readonly exhausted: number
  }[]
  readonly note: string
}

/** The `--json` document: method, seats, elected names in order, rounds, and Schulze's ranking. */
export function countJson(result: CountResult, names: readonly string[]): object {
  const name = (candidate: number) => names[candidate] ?? `#${candidate + 1}`
  const rounds: JsonRound[] = result.rounds.map((round) => ({
    round: round.round,
    quota: round.quota,
    votes: round.votes.map((votes, candidate) => ({ candidate: name(candidate), votes })),
    exhausted: round.exhausted,
    elected: round.elected.map(name),
    excluded: round.excluded.map(name),
    transfers: round.transfers.map((transfer) => ({
      from: name(transfer.from),
      kind: transfer.kind,
      value: transfer.value,
      to: transfer.to.map((to) => ({ candidate: name(to.candidate), votes: to.votes })),
      exhausted: transfer.exhausted,
    })),
    note: round.note,
  }))
  return {
    method: result.method,
    seats: result.seats,
    elected: result.elected.map(name),
    rounds,
    ...(result.ranking ? { ranking: result.ranking.map((group) => group.map(name)) } : {}),
  }
}

const figure = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(5))

/** Marks a candidate's cell: `*` elected this round, `x` excluded this round. */
function cell(round: CountRound, candidate: number): string {
  const votes = figure(round.votes[candidate] ?? 0)
  if (round.elected.includes(candidate)) return `${votes} *`
  if (round.excluded.includes(candidate)) return `${votes} x`
  return `${votes}  `
}

/** The text report: a round table (candidates × rounds, quota, exhausted), each round's events, the elected. */
export function formatCount(result: CountResult, election: BltElection, seed: string, label: string): string {
  const names = election.candidates
  const withdrawn = new Set(election.withdrawn)
  const ballots = election.ballots.reduce((sum, ballot) => sum + ballot.weight, 0)
  const header = ['candidate', ...result.rounds.map((round) => `round ${round.round}`)]
  const rows = names.map((name, candidate) =>
    withdrawn.has(candidate)
      ? [`${name} (withdrawn)`, ...result.rounds.map(() => '-  ')]
      : [name, ...result.rounds.map((round) => cell(round, candidate))],
  )
  rows.push([
    'quota',
    ...result.rounds.map((round) => `${round.quota === null ? '-' : figure(round.quota)}  `),
  ])
  rows.push(['exhausted', ...result.rounds.map((round) => `${figure(round.exhausted)}  `)])
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)))
  const render = (cells: readonly string[]) =>
    cells
      .map((text, i) => (i === 0 ? text.padEnd(widths[0] ?? 0) : text.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  const name = (candidate: number) => names[candidate] ?? `#${candidate + 1}`
  const list = (candidates: readonly number[]) =>
    candidates.length > 0 ? candidates.map(name).join(', ') : '-'
  const lines = [
    election.title,
    `${label}: ${result.seats} seat(s), ${ballots} ballot(s), ${names.length} candidate(s); tie-break seed ${seed}`,
    '',
    render(header),
    ...rows.map(render),
    '',
    '* elected in that round, x excluded in that round',
    ...result.rounds.map(
      (round) =>
        `Round ${round.round}: elected ${list(round.elected)}; excluded ${list(round.excluded)}. ${round.note}`,
    ),
    ...result.tieBreaks.map(
      (tie) =>
        `Tie in round ${tie.round} between ${list(tie.between)}: ${name(tie.chosen)} chosen to ${tie.purpose} by ${tie.by === 'lot' ? 'the seeded lot' : 'earlier rounds'}.`,
    ),
    '',
  ]
  if (result.ranking)
    lines.push(`Ranking: ${result.ranking.map((group) => group.map(name).join(' = ')).join(' > ')}`)
  lines.push(
    result.elected.length > 0
      ? `Elected, in order: ${result.elected.map((candidate, i) => `${i + 1}. ${name(candidate)}`).join('  ')}`
      : 'Nobody is elected.',
  )
  return lines.join('\n')
}

/** Reads, counts and prints; a file that cannot be read or parsed fails with its code and line. */
export async function countCommand(file: string, options: CountOptions): Promise<void> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new AppError('NOT_FOUND', `Cannot read ${file}: ${(error as Error).message}`)
  }
  let election: BltElection
  try {
    election = parseBlt(text)
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${file}: ${error.message}`, error.details)
    throw error
  }
  const method = countingMethods[options.method]
  // The default seed is the file's own digest: anyone recounting the same file draws the same lots.
  const seed = options.seed ?? createHash('sha256').update(text).digest('hex')
  const result = method.count({ ...election, seats: options.seats ?? election.seats, tieBreakSeed: seed })
  console.log(
    options.json
      ? JSON.stringify(countJson(result, election.candidates), null, 2)
      : formatCount(result, election, seed, method.label),
  )
}
