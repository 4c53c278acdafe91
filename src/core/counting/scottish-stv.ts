import type { CountInput, CountingMethod, CountResult, CountRound, TieBreak } from './counting-method.ts'
import { breakStvTie, byFigureDescending, extremes, packBallots } from './stv-support.ts'
import { validateCountInput } from './validate-count-input.ts'

/**
 * STV by the Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1, rules 45–52:
 * Droop quota floor(valid / (seats + 1)) + 1 (r. 46); a candidate at or over the quota is elected
 * (r. 47); surpluses move by the weighted inclusive Gregory method, every paper the candidate holds
 * going on at value `surplus × its value ÷ the candidate's total`, truncated to five decimal places
 * (r. 48); the largest surplus first, equal surpluses ordered by the most recent earlier stage at
 * which the candidates differed, else by lot (r. 49); with no surplus left, the candidate with the
 * fewest votes is excluded and every paper moves on at the value it arrived with (r. 50), ties
 * broken the same way (r. 51); when the continuing candidates are no more than the vacancies, they
 * are elected and no more transfers are made (r. 52).
 *
 * Arithmetic is exact: every value is an integer count of 0.00001 votes held in a float64 (exact
 * up to 2^53, i.e. ninety billion votes). Each new transfer value is computed once per distinct
 * incoming value with BigInt, so truncation is exactly the Order's "any remainder being ignored".
 * The exhausted figure of a round is everything no candidate holds: non-transferable papers plus
 * the fractions lost to truncation, as Scottish result sheets show them.
 */
export const scottishStv: CountingMethod = {
  id: 'scottish-stv',
  label: 'Scottish STV (2007 rules)',
  ballotKind: 'ranked',
  count: countScottishStv,
}

/** One vote in the Order's arithmetic: values are integers of 0.00001. */
const SCALE = 100_000
const HOPEFUL = 0
const ELECTED = 1
const EXCLUDED = 2

type Transfer = CountRound['transfers'][number]
interface Round {
  round: number
  quota: number
  votes: number[]
  exhausted: number
  elected: number[]
  excluded: number[]
  transfers: Transfer[]
  note: string
}

const fmt = (units: number) => String(units / SCALE)

function countScottishStv(input: CountInput): CountResult {
  validateCountInput(input)
  const names = input.candidates
  const n = names.length
  const seats = input.seats
  const { groups, prefs, start, weight } = packBallots(input)
  // A paper's state: its value (units), the candidate holding it (-1 once non-transferable) and
  // where that candidate sits in its preferences, so the next search resumes there.
  const value = new Float64Array(groups)
  const holder = new Int32Array(groups).fill(-1)
  const pos = new Int32Array(groups)
  const state = new Uint8Array(n)
  for (const c of input.withdrawn) state[c] = EXCLUDED
  const votes = new Float64Array(n)

  // Rule 45: first preferences. A ballot marking no continuing candidate is not a valid paper.
  let valid = 0
  for (let g = 0; g < groups; g++) {
    const at = start[g] as number
    if (at === start[g + 1]) continue
    const c = prefs[at] as number
    holder[g] = c
    pos[g] = at
    value[g] = SCALE
    votes[c] = (votes[c] as number) + (weight[g] as number) * SCALE
    valid += weight[g] as number
  }
  const quota = (Math.floor(valid / (seats + 1)) + 1) * SCALE

  const rounds: Round[] = []
  const history: number[][] = []
  const tieBreaks: TieBreak[] = []
  const elected: number[] = []

  const newRound = (note: string, transfers: Transfer[], excluded: number[]): Round => {
    let held = 0
    for (let c = 0; c < n; c++) held += votes[c] as number
    const round: Round = {
      round: rounds.length + 1,
      quota: quota / SCALE,
      votes: Array.from(votes, (v) => v / SCALE),
      exhausted: (valid * SCALE - held) / SCALE,
      elected: [],
      excluded,
      transfers,
      note,
    }
    rounds.push(round)
    history.push(Array.from(votes))
    return round
  }
  const hopefuls = () => {
    const list: number[] = []
    for (let c = 0; c < n; c++) if (state[c] === HOPEFUL) list.push(c)
    return list
  }
  // Rule 47: everyone at or over the quota is elected, listed highest first.
  const electReached = (round: Round) => {
    const reached = byFigureDescending(
      hopefuls().filter((c) => (votes[c] as number) >= quota),
      votes,
    )
    for (const c of reached) {
      state[c] = ELECTED
      elected.push(c)
      round.elected.push(c)
    }
    if (reached.length > 0)
      round.note += ` ${list(reached)} reached the quota and ${reached.length > 1 ? 'are' : 'is'} elected.`
  }
  const list = (cs: readonly number[]) => cs.map((c) => names[c]).join(', ')

  // Moves every paper `from` holds to its next continuing preference. A surplus sets each paper's
  // value to floor(surplus × value ÷ total); an exclusion keeps values (r. 50(4)).
  const transfer = (from: number, kind: Transfer['kind'], surplus: number, total: number): Transfer[] => {
    const buckets = new Map<number, { value: number; to: Float64Array; exhausted: number }>()
    for (let g = 0; g < groups; g++) {
      if (holder[g] !== from) continue
      const v = value[g] as number
      let bucket = buckets.get(v)
      if (bucket === undefined) {
        const next = kind === 'surplus' ? Number((BigInt(surplus) * BigInt(v)) / BigInt(total)) : v
        bucket = { value: next, to: new Float64Array(n), exhausted: 0 }
        buckets.set(v, bucket)
      }
      const nv = bucket.value
      const end = start[g + 1] as number
      let p = (pos[g] as number) + 1
      while (p < end && state[prefs[p] as number] !== HOPEFUL) p++
      value[g] = nv
      if (p < end) {
        const c = prefs[p] as number
        holder[g] = c
        pos[g] = p
        bucket.to[c] = (bucket.to[c] as number) + (weight[g] as number) * nv
      } else {
        holder[g] = -1
        bucket.exhausted += (weight[g] as number) * nv
      }
    }
    const transfers: Transfer[] = []
    for (const bucket of [...buckets.values()].sort((a, b) => b.value - a.value)) {
      const to: { candidate: number; votes: number }[] = []
      for (let c = 0; c < n; c++) {
        const got = bucket.to[c] as number
        if (got === 0) continue
        votes[c] = (votes[c] as number) + got
        to.push({ candidate: c, votes: got / SCALE })
      }
      transfers.push({ from, kind, value: bucket.value / SCALE, to, exhausted: bucket.exhausted / SCALE })
    }
    votes[from] = kind === 'surplus' ? quota : 0
    return transfers
  }

  electReached(newRound(`First preferences: ${valid} valid ballots, quota ${fmt(quota)}.`, [], []))

  while (elected.length < seats) {
    const hopeful = hopefuls()
    const last = rounds[rounds.length - 1] as Round
    const seatsLeft = seats - elected.length
    // Rule 52: as many continuing candidates as vacancies (or fewer): all elected, no more transfers.
    if (hopeful.length <= seatsLeft) {
      const rest = byFigureDescending(hopeful, votes)
      for (const c of rest) {
        state[c] = ELECTED
        elected.push(c)
        last.elected.push(c)
      }
      if (rest.length > 0) last.note += ` ${list(rest)} elected to the last vacancies (rule 52).`
      break
    }
    const earlier = history.slice(0, -1)
    const roundNo = rounds.length + 1
    const pending = elected.filter((c) => (votes[c] as number) > quota)
    if (pending.length > 0) {
      // Rule 49: the largest surplus first; equal ones by earlier stages, then lot.
      const tied = extremes(pending, votes, 'highest')
      const { chosen, record } = breakStvTie(tied, earlier, 'highest', roundNo, input.tieBreakSeed, 'elect')
      if (record) tieBreaks.push({ ...record, detail: 'order of surplus transfers' })
      const total = votes[chosen] as number
      const surplus = total - quota
      const transfers = transfer(chosen, 'surplus', surplus, total)
      const tv = Number((BigInt(surplus) * BigInt(SCALE)) / BigInt(total)) / SCALE
      const why = record ? ` (equal surpluses; order by ${record.by})` : ''
      const note = `Surplus of ${names[chosen]} (${fmt(surplus)}) transferred at ${tv} per first-preference paper${why}.`
      electReached(newRound(note, transfers, []))
      continue
    }
    // Rules 50–51: exclude the lowest continuing candidate; ties by earlier stages, then lot.
    const tied = extremes(hopeful, votes, 'lowest')
    const { chosen, record } = breakStvTie(tied, earlier, 'lowest', roundNo, input.tieBreakSeed, 'exclude')
    if (record) tieBreaks.push(record)
    const had = votes[chosen] as number
    state[chosen] = EXCLUDED
    const transfers = transfer(chosen, 'exclusion', 0, 0)
    const why = record ? ` (tied lowest; broken by ${record.by})` : ''
    electReached(
      newRound(
        `${names[chosen]} excluded with ${fmt(had)} ${had === SCALE ? 'vote' : 'votes'}${why}.`,
        transfers,
        [chosen],
      ),
    )
  }

  return { method: 'scottish-stv', seats, elected, rounds, tieBreaks }
}
