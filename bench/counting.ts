import { fileURLToPath } from 'node:url'
import { Command, InvalidArgumentError } from 'commander'
import { COUNTING_METHOD_IDS, type CountingMethodId } from '../src/core/counting/counting-method.ts'
import { countingMethods } from '../src/core/counting/methods.ts'
import { generateRankedBallots } from './support/ballots.ts'
import { positive } from './support/options.ts'

/**
 * Counting speed: generates ranked ballots (1,000,000 voters, 30 candidates by default, grouped
 * into weighted lines as a BLT file would be) and times each method's `count`, p50 over `runs`.
 * Figures only. Target of issue 4: Schulze with 30 candidates ≤ 2 s.
 * `npx node bench/counting.ts [--ballots N] [--candidates N] [--seats N] [--runs N] [--methods a,b]`
 */

/** The p50 and the runs of one method's count over the same input. */
export interface CountingTiming {
  readonly method: CountingMethodId
  readonly p50Ms: number
  readonly runsMs: readonly number[]
  readonly elected: number
}

/** Times `count` for each method, `runs` times each, over one generated election. */
export function timeCounting(
  input: Parameters<(typeof countingMethods)['schulze']['count']>[0],
  methods: readonly CountingMethodId[],
  runs: number,
): CountingTiming[] {
  return methods.map((id) => {
    const runsMs: number[] = []
    let elected = 0
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      elected = countingMethods[id].count(input).elected.length
      runsMs.push(performance.now() - started)
    }
    const sorted = [...runsMs].sort((a, b) => a - b)
    return { method: id, p50Ms: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0, runsMs, elected }
  })
}

const methodList = (value: string) => {
  const ids = value.split(',').map((id) => id.trim())
  for (const id of ids) {
    if (!(COUNTING_METHOD_IDS as readonly string[]).includes(id))
      throw new InvalidArgumentError(`unknown method ${id}`)
  }
  return ids as CountingMethodId[]
}

async function main(): Promise<void> {
  const options = new Command('bench-counting')
    .option('--ballots <n>', 'voters', positive, 1_000_000)
    .option('--candidates <n>', 'candidates', positive, 30)
    .option('--seats <n>', 'seats', positive, 1)
    .option('--runs <n>', 'timed runs per method', positive, 5)
    .option('--seed <n>', 'generator seed', positive, 1923)
    .option('--max-ranked <n>', 'longest ranking a voter writes', positive, 10)
    .option('--methods <list>', 'comma-separated method ids', methodList, [
      'schulze',
      'plurality',
      'approval',
      'block',
    ])
    .parse()
    .opts<{
      ballots: number
      candidates: number
      seats: number
      runs: number
      seed: number
      maxRanked: number
      methods: CountingMethodId[]
    }>()
  const started = performance.now()
  const election = generateRankedBallots({ ...options, ballots: options.ballots })
  const generatedMs = performance.now() - started
  console.log(
    `${options.ballots.toLocaleString('en')} voters, ${options.candidates} candidates, ${options.seats} seat(s), ` +
      `rankings of 1–${options.maxRanked}: ` +
      `${election.distinctBallots.toLocaleString('en')} distinct weighted ballot lines (generated in ${(generatedMs / 1000).toFixed(1)} s); ` +
      `Node ${process.version}, ${options.runs} runs per method\n`,
  )
  console.log('| method | p50 (ms) | runs (ms) | elected |')
  console.log('|---|---:|---|---:|')
  for (const timing of timeCounting(election.input, options.methods, options.runs)) {
    console.log(
      `| ${timing.method} | ${timing.p50Ms.toFixed(0)} | ${timing.runsMs.map((ms) => ms.toFixed(0)).join(', ')} | ${timing.elected} |`,
    )
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
