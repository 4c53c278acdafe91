import { type CountingTiming, timeCounting } from '../counting.ts'
import { ungrouped } from '../stv.ts'
import { generateRankedBallots } from './ballots.ts'

/**
 * The counting section of `npm run bench` (issue 4's targets, at its sizes): 1,000,000 ranked
 * ballots from the shared generator; Schulze with 30 candidates ≤ 2 s; Scottish STV ≤ 2 s and Meek
 * ≤ 10 s with 20 candidates and 5 seats, counted grouped into weighted lines (as a BLT file holds
 * them) and ungrouped (one line per voter, as a ballot box holds them). Counting is pure, so the
 * figures do not depend on the backend. Returns the markdown.
 */
export function measureCounting(options: {
  readonly voters: number
  readonly runs: number
  readonly log: (line: string) => void
}): string {
  const { voters, runs, log } = options
  const targetMs = { schulze: 2_000, 'scottish-stv': 2_000, meek: 10_000 } as Record<string, number>
  const rows: { label: string; ballots: string; timing: CountingTiming }[] = []
  log(`counting: ${voters} voters, 30 candidates (Schulze)…`)
  const thirty = generateRankedBallots({ ballots: voters, candidates: 30, seats: 1, seed: 1923 })
  for (const timing of timeCounting(thirty.input, ['schulze'], runs)) {
    rows.push({
      label: 'Schulze, 30 candidates',
      ballots: `grouped (${n0(thirty.distinctBallots)} lines)`,
      timing,
    })
  }
  log(`counting: ${voters} voters, 20 candidates, 5 seats (Scottish STV, Meek)…`)
  const twenty = generateRankedBallots({ ballots: voters, candidates: 20, seats: 5, seed: 1923 })
  const shapes = [
    { ballots: `grouped (${n0(twenty.distinctBallots)} lines)`, input: twenty.input },
    { ballots: `ungrouped (${n0(voters)} lines)`, input: ungrouped(twenty.input) },
  ]
  for (const shape of shapes) {
    for (const timing of timeCounting(shape.input, ['scottish-stv', 'meek'], runs)) {
      const label =
        timing.method === 'meek' ? 'Meek STV, 20 candidates, 5 seats' : 'Scottish STV, 20 candidates, 5 seats'
      rows.push({ label, ballots: shape.ballots, timing })
    }
  }
  const verdict = (timing: CountingTiming) => {
    const target = targetMs[timing.method]
    if (target === undefined) return '–'
    const met = timing.p50Ms <= target ? 'met' : '**missed**'
    return voters >= 1_000_000 ? `≤ ${n0(target)}: ${met}` : `≤ ${n0(target)} at 1M (not measured here)`
  }
  return [
    `## Counting (issue 4): ${n0(voters)} ranked ballots, pure (no database)`,
    '',
    `The shared generator (bench/support/ballots.ts, seed 1923); ${runs} runs per row, p50 in ms, input`,
    'validation included. The same on every backend: counting never touches the database.',
    '',
    '| method | ballots | p50 (ms) | runs (ms) | elected | target (ms) |',
    '|---|---|---:|---|---:|---|',
    ...rows.map(
      ({ label, ballots, timing }) =>
        `| ${label} | ${ballots} | ${timing.p50Ms.toFixed(0)} | ${timing.runsMs.map((ms) => ms.toFixed(0)).join(', ')} | ${timing.elected} | ${verdict(timing)} |`,
    ),
  ].join('\n')
}

const n0 = (value: number) => Math.round(value).toLocaleString('en-GB')
