import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { parseBlt, writeBlt } from '../src/core/counting/blt.ts'
import { countingMethods } from '../src/core/counting/methods.ts'
import { generateRankedBallots } from './support/ballots.ts'
import { wholeNumber } from './support/options.ts'
import { checkPeer, PEER_RULE, type PeerOutcome, peerVersion, runPeerCli } from './support/peer-droop.ts'
import { renderDifferential, runDifferential } from './support/stv-differential.ts'

/**
 * Issue 4's peer comparison: the same BLT file counted by Charter and by droop, a public pure-Python
 * STV counter (github.com/jklundell/droop), never vendored here. Fetch a checkout yourself, then
 *
 *   npx node bench/peer-stv.ts --peer-dir /tmp/peer/droop --peer-commit cf5829307f37
 *
 * 1. Speed: for each size (10k, 100k, 1M voters × 20 candidates × 5 seats, the shared generator
 *    grouped into weighted lines as BLT files are), one file is counted by droop's CLI (wall time,
 *    one run: it is slow), by `charter count --json` (wall time, p50 of --runs) and in-process
 *    (parseBlt + count, p50 of --runs), and the elected lists are compared.
 * 2. Correctness: --elections small seeded random elections through both counters
 *    (bench/support/stv-differential.ts). Known variant differences, none of which changed an
 *    elected set in the recorded run: droop's Meek batch-defeats "certain losers" (safe: they would
 *    all go one by one), counts in 18-digit decimals to omega 10⁻⁹ (ours float64 to 10⁻⁶), and
 *    elects at `votes ≥ quota + 10⁻¹⁸` (ours: more than the quota at six decimals); its Meek
 *    breaks exclusion ties among everyone within the surplus of the lowest by tie order, where we
 *    look back at earlier rounds; it logs elections within a round in candidate order, where we
 *    list them by votes. droop's Scottish looks back for an earlier stage where exactly one of the
 *    tied is extreme; we narrow stage by stage (both readings of rules 49(2)/51(2)).
 * Prints markdown and writes bench/results/peer-stv.md.
 */

type StvMethod = 'scottish-stv' | 'meek'

const sizeList = (value: string) => (value === 'none' ? [] : value.split(',').map(wholeNumber))

interface SizeRow {
  readonly method: StvMethod
  readonly voters: number
  readonly lines: number
  readonly peer: PeerOutcome
  readonly cliMs: number
  readonly inProcessMs: number
  readonly countMs: number
  readonly ours: readonly string[]
  /** The round of ours in which each of our elected was elected. */
  readonly roundOf: ReadonlyMap<string, number>
}

const p50 = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0
const charterBin = fileURLToPath(new URL('../bin/charter.js', import.meta.url))

/** Wall time of `charter count FILE --method M --json`, and the elected names it printed. */
function runCharterCli(file: string, method: StvMethod): { ms: number; elected: string[] } {
  const started = performance.now()
  const run = spawnSync(process.execPath, [charterBin, 'count', file, '--method', method, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  const ms = performance.now() - started
  if (run.status !== 0) throw new Error(`charter count failed: ${run.stderr}`)
  return { ms, elected: (JSON.parse(run.stdout) as { elected: string[] }).elected }
}

function timeSize(options: Options, dir: string, voters: number, log: (line: string) => void): SizeRow[] {
  const election = generateRankedBallots({ ballots: voters, candidates: 20, seats: 5, seed: options.seed })
  const file = join(dir, `peer-${voters}.blt`)
  writeFileSync(file, writeBlt(election.input, `peer bench ${voters}`))
  const text = readFileSync(file, 'utf8')
  const seed = createHash('sha256').update(text).digest('hex') // what `charter count` uses
  return (['scottish-stv', 'meek'] as const).map((method) => {
    const cli: number[] = []
    const inProcess: number[] = []
    const countOnly: number[] = []
    let ours: string[] = []
    const roundOf = new Map<string, number>()
    for (let run = 0; run < options.runs; run++) {
      const started = performance.now()
      const parsed = parseBlt(text)
      const parsedAt = performance.now()
      const result = countingMethods[method].count({ ...parsed, tieBreakSeed: seed })
      const ended = performance.now()
      inProcess.push(ended - started)
      countOnly.push(ended - parsedAt)
      ours = result.elected.map((c) => parsed.candidates[c] as string)
      for (const round of result.rounds)
        for (const c of round.elected) roundOf.set(parsed.candidates[c] as string, round.round)
      const viaCli = runCharterCli(file, method)
      cli.push(viaCli.ms)
      if (viaCli.elected.join('|') !== ours.join('|'))
        throw new Error('charter count disagrees with the in-process count')
    }
    log(`${voters} voters, ${method}: ours ${p50(cli).toFixed(0)} ms (CLI); droop ${PEER_RULE[method]}…`)
    const peer = runPeerCli(options.peerDir, options.python, PEER_RULE[method], file)
    log(`  droop ${(peer.wallMs / 1000).toFixed(1)} s`)
    return {
      method,
      voters,
      lines: election.distinctBallots,
      peer,
      cliMs: p50(cli),
      inProcessMs: p50(inProcess),
      countMs: p50(countOnly),
      ours,
      roundOf,
    }
  })
}

function compare(row: SizeRow): string {
  if (row.peer.error !== undefined) return `droop failed: ${row.peer.error.split('\n').slice(-2).join(' ')}`
  const peer = row.peer.elected
  const same = row.ours.length === peer.length && row.ours.every((name) => peer.includes(name))
  if (!same) return `**differ**: ours ${row.ours.join(', ')}; droop ${peer.join(', ')}`
  const lot = row.peer.lot ? ', droop drew a lot' : ''
  if (row.ours.every((name, at) => peer[at] === name)) return `same set, same order${lot}`
  // droop lists the candidates elected in one round by candidate number, we list them by votes.
  const rounds = peer.map((name) => row.roundOf.get(name) ?? 0)
  const withinRound = rounds.every((round, at) => at === 0 || round >= (rounds[at - 1] as number))
  const orders = `ours ${row.ours.join(', ')}; droop ${peer.join(', ')}`
  return `same set; order differs${withinRound ? ' only within a round' : ''} (${orders})${lot}`
}

function renderSizes(rows: readonly SizeRow[]): string[] {
  const s = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1)
  const lines = [
    '| method (ours / droop) | voters | BLT lines | droop CLI (s) | charter count CLI (s) | in-process parse + count (s) | count only (s) | ratio droop ÷ charter CLI | ratio droop ÷ in-process | elected |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  for (const r of rows) {
    lines.push(
      `| ${r.method} / ${PEER_RULE[r.method]} | ${r.voters.toLocaleString('en')} | ${r.lines.toLocaleString('en')} | ${s(r.peer.wallMs)} | ${s(r.cliMs)} | ${s(r.inProcessMs)} | ${s(r.countMs)} | ${(r.peer.wallMs / r.cliMs).toFixed(0)}× | ${(r.peer.wallMs / r.inProcessMs).toFixed(0)}× | ${compare(r)} |`,
    )
  }
  return lines
}

interface Options {
  peerDir: string
  peerCommit: string
  python: string
  sizes: number[]
  runs: number
  elections: number
  seed: number
  out: string
}

async function main(): Promise<void> {
  const options = new Command('bench-peer-stv')
    .requiredOption('--peer-dir <dir>', "droop's checkout (the folder holding Droop.py)")
    .option('--peer-commit <sha>', 'the commit of that checkout, for the record', 'unknown')
    .option('--python <bin>', 'the Python that runs droop', 'python3')
    .option(
      '--sizes <list>',
      'voters per timed file, comma-separated, or none',
      sizeList,
      [10_000, 100_000, 1_000_000],
    )
    .option('--runs <n>', 'timed runs of ours per file (droop: one)', wholeNumber, 3)
    .option(
      '--elections <n>',
      'small random elections for the differential check (0: skip)',
      wholeNumber,
      300,
    )
    .option('--seed <n>', 'generator seed', wholeNumber, 1923)
    .option(
      '--out <file>',
      'where to write the markdown',
      fileURLToPath(new URL('./results/peer-stv.md', import.meta.url)),
    )
    .parse()
    .opts<Options>()
  checkPeer(options.peerDir, options.python)
  const log = (line: string) => console.error(`[peer-stv] ${line}`)
  const peer = peerVersion(options.peerDir)
  const python = spawnSync(options.python, ['--version'], { encoding: 'utf8' }).stdout.trim()
  const dir = mkdtempSync(join(tmpdir(), 'charter-peer-stv-'))
  const lines = [
    '# STV peer comparison (issue 4)',
    '',
    `Run ${new Date().toISOString()}. Peer: **${peer.name} ${peer.version}** (github.com/jklundell/droop, commit ${options.peerCommit}), ${python}; Charter on Node ${process.version}.`,
    '',
    '```sh',
    `npx node bench/peer-stv.ts ${process.argv.slice(2).join(' ')}`,
    '```',
  ]
  if (options.sizes.length > 0) {
    const rows = options.sizes.flatMap((voters) => timeSize(options, dir, voters, log))
    lines.push(
      '',
      '## Speed: the same BLT file, 20 candidates, 5 seats',
      '',
      `Ours: p50 of ${options.runs} runs; droop: one run of \`python3 Droop.py RULE json report=false FILE\`. Both CLI times`,
      "include the runtime's start-up, reading and parsing the file, the count and the JSON output.",
      '',
      ...renderSizes(rows),
    )
  }
  if (options.elections > 0) {
    log(`differential: ${options.elections} small elections…`)
    const kept = join(dir, 'differential')
    const figures = runDifferential({ ...options, dir: kept, count: options.elections })
    lines.push('', '## Differential check: elected sets on small random elections', '')
    lines.push(...renderDifferential(figures, options.seed))
    const disagreements = figures.some((f) => f.disagreements.length > 0 || f.errors.length > 0)
    if (disagreements) log(`disagreement files kept in ${kept}`)
    else rmSync(dir, { recursive: true, force: true })
  } else rmSync(dir, { recursive: true, force: true })
  const markdown = `${lines.join('\n')}\n`
  mkdirSync(join(options.out, '..'), { recursive: true })
  writeFileSync(options.out, markdown)
  console.log(markdown)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
