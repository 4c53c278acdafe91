import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseBlt, writeBlt } from '../../src/core/counting/blt.ts'
import type { CountInput, WeightedBallot } from '../../src/core/counting/counting-method.ts'
import { countingMethods } from '../../src/core/counting/methods.ts'
import { SeededRandom } from '../../src/core/demo/random.ts'
import { PEER_RULE, type PeerOutcome, runPeerBatch } from './peer-droop.ts'

/**
 * The differential check of bench/peer-stv.ts: many small random elections, each written as a BLT
 * file, counted by our Scottish STV and Meek and by droop's `scotland` and `meek`, elected sets
 * compared. A tie that either side settled by lot is skipped (two correct counters may draw
 * differently). droop's Meek treats every hopeful within the current surplus of the lowest as tied
 * and breaks that tie by its tie order (it has no earlier-round rule), so those cases are skipped
 * too: they are exactly where a lot may legitimately decide.
 */

/** One small random election: 3–12 candidates, 1–4 seats, 20–500 voters, many truncated rankings. */
export function randomSmallElection(random: SeededRandom, index: number): CountInput {
  const n = random.int(3, 12)
  const seats = random.int(1, Math.min(4, n - 1))
  const voters = random.int(20, 500)
  // Skewed popularity, so counts have clear winners and runners-up rather than a sea of ties.
  const popularity = Array.from({ length: n }, () => random.next() ** 2 + 0.05)
  const withdrawn = n - 1 > seats && random.next() < 0.1 ? [random.int(0, n - 1)] : []
  const grouped = new Map<string, number>()
  const used = new Uint8Array(n)
  for (let voter = 0; voter < voters; voter++) {
    const length = random.next() < 0.35 ? n : random.int(1, n)
    const ranking: number[] = []
    while (ranking.length < length) {
      const choices = popularity.flatMap((p, c) => (used[c] === 0 ? [[c, p] as const] : []))
      const next = random.weighted(choices)
      used[next] = 1
      ranking.push(next)
    }
    for (const c of ranking) used[c] = 0
    const key = ranking.join(' ')
    grouped.set(key, (grouped.get(key) ?? 0) + 1)
  }
  const ballots: WeightedBallot[] = [...grouped].map(([key, weight]) => ({
    weight,
    preferences: key.split(' ').map(Number),
  }))
  return {
    candidates: Array.from({ length: n }, (_, c) => `C${c + 1}`),
    withdrawn,
    seats,
    ballots,
    tieBreakSeed: `differential-${index}`,
  }
}

/** One disagreement, kept with its file for investigation. */
export interface Disagreement {
  readonly file: string
  readonly ours: readonly string[]
  readonly peer: readonly string[]
}

/** Per method: how many elections, how many skipped for a lot on either side, how many agreed. */
export interface DifferentialFigures {
  readonly method: 'scottish-stv' | 'meek'
  readonly elections: number
  readonly lotOurs: number
  readonly lotPeer: number
  readonly compared: number
  readonly agreed: number
  readonly sameOrder: number
  /** Same set, and droop's order differs from ours only among candidates elected in the same round of ours. */
  readonly orderWithinRound: number
  readonly errors: readonly string[]
  readonly disagreements: readonly Disagreement[]
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name))

/** Writes `count` seeded elections under `dir`, counts them both ways, and compares. */
export function runDifferential(options: {
  readonly peerDir: string
  readonly python: string
  readonly dir: string
  readonly count: number
  readonly seed: number
}): DifferentialFigures[] {
  mkdirSync(options.dir, { recursive: true })
  const random = new SeededRandom(options.seed)
  const files: string[] = []
  for (let i = 0; i < options.count; i++) {
    const file = join(options.dir, `election-${String(i).padStart(4, '0')}.blt`)
    writeFileSync(file, writeBlt(randomSmallElection(random, i), `differential ${i}`))
    files.push(file)
  }
  return (['scottish-stv', 'meek'] as const).map((method) => {
    const peer = runPeerBatch(options.peerDir, options.python, PEER_RULE[method], files)
    const figures = {
      method,
      elections: files.length,
      lotOurs: 0,
      lotPeer: 0,
      compared: 0,
      agreed: 0,
      sameOrder: 0,
      orderWithinRound: 0,
      errors: [] as string[],
      disagreements: [] as Disagreement[],
    }
    files.forEach((file, i) => {
      const theirs = peer[i] as PeerOutcome | undefined
      // The same file both sides read: our parser, then our method, seeded as the generator said.
      const election = parseBlt(readFileSync(file, 'utf8'))
      const result = countingMethods[method].count({ ...election, tieBreakSeed: `differential-${i}` })
      const ours = result.elected.map((c) => election.candidates[c] as string)
      if (!theirs || theirs.error !== undefined) {
        figures.errors.push(`${file}: ${theirs?.error ?? 'no answer from droop'}`)
        return
      }
      const oursLot = result.tieBreaks.some((tie) => tie.by === 'lot')
      if (oursLot) figures.lotOurs++
      if (theirs.lot) figures.lotPeer++
      if (oursLot || theirs.lot) return
      figures.compared++
      if (sameSet(ours, theirs.elected)) {
        figures.agreed++
        if (ours.every((name, at) => theirs.elected[at] === name)) figures.sameOrder++
        // droop lists a round's elected in candidate order, we list them by votes: check that is all.
        const roundOf = new Map<string, number>()
        for (const round of result.rounds)
          for (const c of round.elected) roundOf.set(election.candidates[c] as string, round.round)
        const rounds = theirs.elected.map((name) => roundOf.get(name) ?? 0)
        if (rounds.every((round, at) => at === 0 || round >= (rounds[at - 1] as number)))
          figures.orderWithinRound++
      } else figures.disagreements.push({ file, ours, peer: theirs.elected })
    })
    return figures
  })
}

/** The differential's markdown: one row per method, then every disagreement. */
export function renderDifferential(figures: readonly DifferentialFigures[], seed: number): string[] {
  const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`)
  const lines = [
    `Seed ${seed}. Each election: 3–12 candidates, 1–4 seats, 20–500 voters, popularity skewed, 35 % full`,
    'rankings and the rest truncated at a random length, one candidate withdrawn in about 10 %.',
    '',
    '| method (ours / droop) | elections | lot tie: ours / droop | compared | same elected set | agreement | same order | order differs only within a round |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const f of figures) {
    lines.push(
      `| ${f.method} / ${PEER_RULE[f.method]} | ${f.elections} | ${f.lotOurs} / ${f.lotPeer} | ${f.compared} | ${f.agreed} | ${pct(f.agreed, f.compared)} | ${f.sameOrder} | ${f.orderWithinRound - f.sameOrder} |`,
    )
  }
  for (const f of figures) {
    for (const d of f.disagreements)
      lines.push('', `- ${f.method}: ${d.file}: ours ${d.ours.join(', ')}; droop ${d.peer.join(', ')}`)
    for (const error of f.errors) lines.push('', `- ${f.method}: droop failed on ${error}`)
  }
  return lines
}
