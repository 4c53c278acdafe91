import type { CountInput, CountingMethod, CountResult, CountRound, TieBreak } from './counting-method.ts'
import { breakStvTie, byFigureDescending, extremes, type PackedBallots, packBallots } from './stv-support.ts'
import { validateCountInput } from './validate-count-input.ts'

/**
 * Meek STV, after Hill, Wichmann and Woodall's Algorithm 123 (Computer Journal 30, 1987) and the
 * New Zealand Meek rules. Every candidate has a keep value: 1 while hopeful, 0 once excluded, and
 * for an elected candidate the share of each vote reaching them that they keep. A ballot gives
 * each candidate in turn `keep × what is left`, passes the rest on, and what is left after its
 * last preference is exhausted. The quota, (valid − exhausted) / (seats + 1), is recomputed on
 * every iteration, and the keep values of the elected are updated `k ← k × quota / votes` until
 * the elected candidates' total surplus is below OMEGA, so an elected candidate's surplus keeps
 * flowing to later preferences, including to candidates elected after them.
 *
 * Precision: float64 throughout (about 15 significant digits); votes are compared at six decimal
 * places, Hill's precision. A hopeful is elected when their votes exceed the quota at six
 * decimals (the NZ rules' "quota + 10⁻⁹" in spirit: strictly more, so at most `seats` can reach
 * it). Iteration stops when the total surplus is below OMEGA = 10⁻⁶ votes, or stops shrinking
 * (the floating-point floor), or a hopeful reaches the quota. Exclusion takes the lowest hopeful;
 * ties go to the most recent earlier round where the tied differed, then the seeded lot.
 *
 * Speed: per round, the ballots are folded into a trie of their effective prefixes (excluded
 * candidates skipped, ending at the first hopeful), so an iteration costs one pass over a few
 * thousand nodes instead of a million ballots.
 */
export const meekStv: CountingMethod = {
  id: 'meek',
  label: 'Meek STV',
  ballotKind: 'ranked',
  count: countMeek,
}

const OMEGA = 1e-6
const MAX_ITERATIONS = 100_000
const HOPEFUL = 0
const ELECTED = 1
const EXCLUDED = 2

/** Votes at six decimal places, the figure every comparison uses. */
const six = (x: number) => Math.round(x * 1e6)
const show = (x: number) => six(x) / 1e6

/** Ballots folded by effective prefix: node i is candidate `cand[i]` reached via `parent[i]`. */
interface Trie {
  count: number
  cand: Int32Array
  parent: Int32Array
  /** Ballots passing through the node. */
  through: Float64Array
  /**
   * Ballots whose effective prefix ends at the node (their remainder there is exhausted). At the
   * root (node 0): valid ballots whose every candidate is excluded, wholly exhausted.
   */
  end: Float64Array
}

/**
 * Nodes below this index find their children in a dense table (node × n + candidate), the fast
 * path; deeper ones (only many-seat counts with long, varied rankings get there) use a Map, so the
 * table never passes 16 MB however large the trie grows.
 */
const denseNodes = (n: number) => Math.max(1, Math.floor(2 ** 22 / Math.max(n, 1)))

function buildTrie(ballots: PackedBallots, state: Uint8Array): Trie {
  const n = state.length
  const { groups, prefs, start, weight } = ballots
  const dense = denseNodes(n)
  const sparse = new Map<number, number>()
  let cap = 1024
  let cand = new Int32Array(cap)
  let parent = new Int32Array(cap)
  let end = new Float64Array(cap)
  let table = new Int32Array(Math.min(cap, dense) * n) // 0 = no child (the root is never a child)
  const grow = <T extends Int32Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as new (size: number) => T)(cap)
    b.set(a)
    return b
  }
  let count = 1
  cand[0] = -1
  for (let g = 0; g < groups; g++) {
    let node = 0
    const stop = start[g + 1] as number
    // A ballot marking no candidate (after withdrawals) is not a valid paper: never in the count.
    if (start[g] === stop) continue
    for (let p = start[g] as number; p < stop; p++) {
      const c = prefs[p] as number
      const s = state[c]
      if (s === EXCLUDED) continue
      const key = node * n + c
      let next = node < dense ? (table[key] as number) : (sparse.get(key) ?? 0)
      if (next === 0) {
        if (count === cap) {
          cap *= 2
          cand = grow(cand)
          parent = grow(parent)
          end = grow(end)
          if (table.length < dense * n) {
            const wider = new Int32Array(Math.min(cap, dense) * n)
            wider.set(table)
            table = wider
          }
        }
        next = count++
        cand[next] = c
        parent[next] = node
        if (node < dense) table[key] = next
        else sparse.set(key, next)
      }
      node = next
      if (s === HOPEFUL) break
    }
    end[node] = (end[node] as number) + (weight[g] as number)
  }
  const through = end.slice(0, count)
  for (let i = count - 1; i > 0; i--) {
    const up = parent[i] as number
    through[up] = (through[up] as number) + (through[i] as number)
  }
  return { count, cand, parent, through, end }
}

function countMeek(input: CountInput): CountResult {
  validateCountInput(input)
  const names = input.candidates
  const n = names.length
  const seats = input.seats
  const ballots = packBallots(input)
  const state = new Uint8Array(n)
  const keep = new Float64Array(n).fill(1)
  for (const c of input.withdrawn) {
    state[c] = EXCLUDED
    keep[c] = 0
  }
  let valid = 0
  for (let g = 0; g < ballots.groups; g++) {
    if ((ballots.start[g + 1] as number) > (ballots.start[g] as number)) valid += ballots.weight[g] as number
  }
  const votes = new Float64Array(n)
  const rounds: CountRound[] = []
  const history: number[][] = []
  const tieBreaks: TieBreak[] = []
  const elected: number[] = []
  const list = (cs: readonly number[]) => cs.map((c) => names[c]).join(', ')
  const hopefuls = () => {
    const out: number[] = []
    for (let c = 0; c < n; c++) if (state[c] === HOPEFUL) out.push(c)
    return out
  }

  // One pass over the trie (parents before children): every candidate's votes and the exhausted remainder.
  const distribute = (trie: Trie, rest: Float64Array): number => {
    votes.fill(0)
    // Ballots left with no continuing candidate end at the root and exhaust whole. Leaving them out
    // kept the quota at its first-round value while excluded candidates' truncated ballots ran out,
    // too high, and once elected the wrong candidate (differential check against droop's Meek,
    // bench/peer-stv.ts; regression test in meek.test.ts).
    let exhausted = trie.end[0] as number
    rest[0] = 1
    for (let i = 1; i < trie.count; i++) {
      const c = trie.cand[i] as number
      const k = keep[c] as number
      const arriving = rest[trie.parent[i] as number] as number
      votes[c] = (votes[c] as number) + (trie.through[i] as number) * arriving * k
      const left = arriving * (1 - k)
      rest[i] = left
      exhausted += (trie.end[i] as number) * left
    }
    return exhausted
  }

  while (elected.length < seats) {
    const roundNo = rounds.length + 1
    const trie = buildTrie(ballots, state)
    const rest = new Float64Array(trie.count)
    let quota = 0
    let exhausted = 0
    let iterations = 0
    let reached: number[] = []
    let lastSurplus = Number.POSITIVE_INFINITY
    for (;;) {
      exhausted = distribute(trie, rest)
      iterations++
      quota = (valid - exhausted) / (seats + 1)
      reached = hopefuls().filter((c) => six(votes[c] as number) > six(quota))
      if (reached.length > 0) break
      let surplus = 0
      for (const c of elected) surplus += (votes[c] as number) - quota
      if (surplus < OMEGA || surplus >= lastSurplus || iterations >= MAX_ITERATIONS) break
      lastSurplus = surplus
      for (const c of elected) {
        const v = votes[c] as number
        if (v > 0) keep[c] = ((keep[c] as number) * quota) / v
      }
    }
    const figures = Array.from(votes, six)
    const earlier = history.slice()
    history.push(figures)
    const roundElected: number[] = []
    const roundExcluded: number[] = []
    const seatsLeft = seats - elected.length
    let note = `Quota ${show(quota)} after ${iterations} iteration${iterations === 1 ? '' : 's'}.`
    if (reached.length > 0) {
      // More over the quota than seats left cannot happen with a strict quota, but stay safe.
      let chosen = byFigureDescending(reached, figures)
      if (chosen.length > seatsLeft) {
        const kept = chosen.slice(0, seatsLeft)
        const cut = figures[kept[kept.length - 1] as number] as number
        const tied = chosen.filter((c) => figures[c] === cut)
        chosen = chosen.filter((c) => (figures[c] as number) > cut)
        while (chosen.length < seatsLeft) {
          const pool = tied.filter((c) => !chosen.includes(c))
          const outcome = breakStvTie(pool, earlier, 'highest', roundNo, input.tieBreakSeed, 'elect')
          if (outcome.record) tieBreaks.push(outcome.record)
          chosen.push(outcome.chosen)
        }
      }
      for (const c of chosen) {
        state[c] = ELECTED
        elected.push(c)
        roundElected.push(c)
      }
      note += ` ${list(chosen)} exceeded the quota and ${chosen.length > 1 ? 'are' : 'is'} elected.`
    } else {
      const hopeful = hopefuls()
      if (hopeful.length > seatsLeft) {
        const tied = extremes(hopeful, figures, 'lowest')
        const { chosen, record } = breakStvTie(
          tied,
          earlier,
          'lowest',
          roundNo,
          input.tieBreakSeed,
          'exclude',
        )
        if (record) tieBreaks.push(record)
        state[chosen] = EXCLUDED
        keep[chosen] = 0
        roundExcluded.push(chosen)
        const why = record ? ` (tied lowest; broken by ${record.by})` : ''
        note += ` ${names[chosen]} excluded with ${show(votes[chosen] as number)} ${votes[chosen] === 1 ? 'vote' : 'votes'}${why}.`
      }
    }
    // As many hopefuls as seats left (or fewer): they are elected, as in every STV rule set.
    const hopeful = hopefuls()
    if (elected.length < seats && hopeful.length <= seats - elected.length) {
      const rest = byFigureDescending(hopeful, figures)
      for (const c of rest) {
        state[c] = ELECTED
        elected.push(c)
        roundElected.push(c)
      }
      if (rest.length > 0) note += ` ${list(rest)} elected to the last seats.`
    }
    const kept = elected.filter((c) => !roundElected.includes(c))
    if (kept.length > 0)
      note += ` Keep values: ${kept.map((c) => `${names[c]} ${show(keep[c] as number)}`).join(', ')}.`
    rounds.push({
      round: roundNo,
      quota: show(quota),
      votes: Array.from(votes, show),
      exhausted: show(exhausted),
      elected: roundElected,
      excluded: roundExcluded,
      transfers: [],
      note,
      keepValues: Array.from(keep),
    })
    if (hopefuls().length === 0) break
  }
  return { method: 'meek', seats, elected, rounds, tieBreaks }
}
