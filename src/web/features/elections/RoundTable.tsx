import type { ContestResult, CountRound } from './ballot-types.ts'
import { formatVotes } from './election-format.ts'

interface RoundTableProps {
  readonly contest: ContestResult
  /** The contest's post as people read it. */
  readonly title: string
}

function nameOf(contest: ContestResult, number: number): string {
  return contest.candidates[number]?.name ?? `candidate ${number + 1}`
}

/** What a round moved to one candidate, for the cell's tooltip: "+3.5 from Vera Veteran (surplus)". */
function received(contest: ContestResult, round: CountRound, number: number): string {
  return round.transfers
    .flatMap((transfer) =>
      transfer.to
        .filter((to) => to.candidate === number && to.votes !== 0)
        .map(
          (to) =>
            `+${formatVotes(to.votes)} from ${nameOf(contest, transfer.from)} (${transfer.kind === 'surplus' ? 'surplus' : 'exclusion'})`,
        ),
    )
    .join('; ')
}

/** The round each candidate was elected or excluded in, by number. */
function fates(rounds: readonly CountRound[]): Map<number, { round: number; fate: 'elected' | 'excluded' }> {
  const fate = new Map<number, { round: number; fate: 'elected' | 'excluded' }>()
  for (const round of rounds) {
    for (const n of round.elected) if (!fate.has(n)) fate.set(n, { round: round.round, fate: 'elected' })
    for (const n of round.excluded) if (!fate.has(n)) fate.set(n, { round: round.round, fate: 'excluded' })
  }
  return fate
}

/**
 * The count round by round: a row per candidate, a column per round (votes at the round's end,
 * with ✓ where elected and ✗ where excluded, and what the round transferred to them in the cell's
 * tooltip), then exhausted votes and the quota; below, each round's note and its transfers in words.
 */
export function RoundTable({ contest, title }: RoundTableProps) {
  const rounds = contest.rounds
  const fate = fates(rounds)
  const hasQuota = rounds.some((round) => round.quota !== null)
  return (
    <>
      <div className="table-wrap">
        <table className="rounds">
          <caption>Count of {title}, round by round</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {rounds.map((round) => (
                <th key={round.round} scope="col" className="num">
                  Round {round.round}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {contest.candidates.map((candidate, number) => {
              const end = fate.get(number)
              const withdrawn = contest.withdrawn.includes(number)
              return (
                <tr key={candidate.candidateId} className={end ? `fate-${end.fate}` : undefined}>
                  <th scope="row">
                    {candidate.name}
                    {withdrawn ? <span className="tag"> withdrawn</span> : null}
                  </th>
                  {rounds.map((round) => {
                    const gone = end?.fate === 'excluded' && round.round > end.round
                    const tip = received(contest, round, number)
                    const mark = end?.round === round.round ? end.fate : null
                    return (
                      <td key={round.round} className="num" title={tip || undefined}>
                        {gone || withdrawn ? '—' : formatVotes(round.votes[number] ?? 0)}
                        {mark === 'elected' ? (
                          <span className="mark elected">
                            {' '}
                            ✓<span className="visually-hidden"> elected</span>
                          </span>
                        ) : null}
                        {mark === 'excluded' ? (
                          <span className="mark excluded">
                            {' '}
                            ✗<span className="visually-hidden"> excluded</span>
                          </span>
                        ) : null}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Exhausted</th>
              {rounds.map((round) => (
                <td key={round.round} className="num">
                  {formatVotes(round.exhausted)}
                </td>
              ))}
            </tr>
            {hasQuota ? (
              <tr>
                <th scope="row">Quota</th>
                {rounds.map((round) => (
                  <td key={round.round} className="num">
                    {round.quota === null ? '—' : formatVotes(round.quota)}
                  </td>
                ))}
              </tr>
            ) : null}
          </tfoot>
        </table>
      </div>
      <ol className="round-notes" aria-label={`What happened in each round of ${title}`}>
        {rounds.map((round) => (
          <li key={round.round}>
            <strong>Round {round.round}.</strong> {round.note}
            {round.transfers.length > 0 ? (
              <ul>
                {round.transfers.map((transfer, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a round's transfers have no identity and never reorder.
                  <li key={index}>
                    {transfer.kind === 'surplus' ? 'Surplus of ' : 'Votes of excluded '}
                    {nameOf(contest, transfer.from)} at a value of {formatVotes(transfer.value)}:{' '}
                    {transfer.to
                      .filter((to) => to.votes !== 0)
                      .map((to) => `${nameOf(contest, to.candidate)} +${formatVotes(to.votes)}`)
                      .join(', ') || 'to no one'}
                    {transfer.exhausted > 0 ? `; ${formatVotes(transfer.exhausted)} exhausted` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  )
}
