import { fileURLToPath } from 'node:url'
import type { CountInput } from '../src/core/counting/counting-method.ts'
import { timeCounting } from './counting.ts'
import { generateRankedBallots } from './support/ballots.ts'

/**
 * STV counting speed (issue 4 targets: 1,000,000 ranked ballots, 20 candidates, 5 seats; Scottish
 * STV ≤ 2 s, Meek ≤ 10 s). Times both methods on the shared generator's ballots twice: grouped
 * into weighted lines as a BLT file groups them, and ungrouped (one weight-1 line per voter, as
 * an election's ballot box would give them), which is the worst case for the counters.
 * Figures only. `npx node bench/stv.ts [voters] [runs]`.
 */
/** One weight-1 line per voter, as an election's ballot box gives them: the counters' worst case. */
export function ungrouped(input: CountInput): CountInput {
  const ballots = input.ballots.flatMap((line) =>
    Array.from({ length: line.weight }, () => ({ weight: 1, preferences: line.preferences })),
  )
  return { ...input, ballots }
}

function main(): void {
  const voters = Number(process.argv[2] ?? 1_000_000)
  const runs = Number(process.argv[3] ?? 3)
  const election = generateRankedBallots({ ballots: voters, candidates: 20, seats: 5, seed: 1923 })
  const shapes = [
    { label: `grouped (${election.distinctBallots.toLocaleString('en')} lines)`, input: election.input },
    { label: `ungrouped (${voters.toLocaleString('en')} lines)`, input: ungrouped(election.input) },
  ]
  console.log(
    `${voters.toLocaleString('en')} voters, 20 candidates, 5 seats; Node ${process.version}, ${runs} runs\n`,
  )
  console.log('| method | ballots | p50 (ms) | runs (ms) |')
  console.log('|---|---|---:|---|')
  for (const shape of shapes) {
    for (const timing of timeCounting(shape.input, ['scottish-stv', 'meek'], runs)) {
      const all = timing.runsMs.map((ms) => ms.toFixed(0)).join(', ')
      console.log(`| ${timing.method} | ${shape.label} | ${timing.p50Ms.toFixed(0)} | ${all} |`)
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
