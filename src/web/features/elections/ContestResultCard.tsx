import { plural } from '../../shared/format.ts'
import type { ContestResult } from './ballot-types.ts'
import { RoundTable } from './RoundTable.tsx'

interface ContestResultCardProps {
  readonly electionId: number
  readonly contest: ContestResult
  /** The post as people read it. */
  readonly title: string
}

/** What a tie-break decided, in a sentence. */
function tieBreakSentence(contest: ContestResult, tie: ContestResult['tieBreaks'][number]): string {
  const name = (n: number) => contest.candidates[n]?.name ?? `candidate ${n + 1}`
  const between = tie.between.map(name).join(', ')
  const by = tie.by === 'lot' ? 'by the recorded lot' : 'by their votes in earlier rounds'
  const what = tie.detail ?? (tie.purpose === 'elect' ? 'for election' : 'for exclusion')
  return `Round ${tie.round}: ${between} were tied ${what}; ${name(tie.chosen)} was chosen ${by}.`
}

/**
 * One contest's result: who was elected, in order, and the mandates that followed; the counted and
 * blank ballots; the round table; the tie-breaks; the Schulze ranking; and the contest's BLT file.
 */
export function ContestResultCard({ electionId, contest, title }: ContestResultCardProps) {
  const titleId = `result-${contest.contestId}-title`
  const name = (n: number) => contest.candidates[n]?.name ?? `candidate ${n + 1}`
  return (
    <article className="contest-result" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {title} <span className="muted">({plural(contest.seats, 'seat')})</span>
      </h3>
      <p className="muted">
        {plural(contest.ballots, 'ballot')} counted
        {contest.blank > 0 ? `, ${plural(contest.blank, 'blank ballot')}` : ''}.
      </p>
      {contest.noCount ? (
        <p className="empty">{contest.noCount}</p>
      ) : (
        <>
          <h4>Elected, in order</h4>
          <ol className="elected" aria-label={`Elected to ${title}`}>
            {contest.electedCandidates.map((candidate) => {
              const mandate = contest.mandates.find((m) => m.memberId === candidate.memberId)
              return (
                <li key={candidate.candidateId}>
                  <strong>{candidate.name}</strong>
                  {mandate?.refused ? (
                    <span className="tag warning"> no mandate: {mandate.refused.message}</span>
                  ) : mandate?.mandateId ? (
                    <span className="muted">
                      {' '}
                      — mandate recorded
                      {mandate.replacedMandateIds.length > 0
                        ? `, replacing ${plural(mandate.replacedMandateIds.length, 'appointment')}`
                        : ''}
                    </span>
                  ) : null}
                </li>
              )
            })}
          </ol>
          {contest.electedCandidates.length < contest.seats ? (
            <p className="tag warning">
              {plural(contest.seats - contest.electedCandidates.length, 'seat')} left unfilled.
            </p>
          ) : null}
          {contest.rounds.length > 0 ? <RoundTable contest={contest} title={title} /> : null}
          {contest.ranking ? (
            <>
              <h4>Full ranking</h4>
              <ol className="ranking" aria-label={`Ranking for ${title}`}>
                {contest.ranking.map((group) => (
                  <li key={group.join('-')}>{group.map(name).join(' = ')}</li>
                ))}
              </ol>
            </>
          ) : null}
          {contest.tieBreaks.length > 0 ? (
            <>
              <h4>Ties</h4>
              <ul className="tie-breaks">
                {contest.tieBreaks.map((tie) => (
                  <li key={`${tie.round}-${tie.purpose}-${tie.chosen}`}>{tieBreakSentence(contest, tie)}</li>
                ))}
              </ul>
              <p className="muted">
                Lot seed: <code className="seed">{contest.tieBreakSeed}</code>
              </p>
            </>
          ) : null}
        </>
      )}
      <p>
        <a href={`/api/elections/${electionId}/contests/${contest.contestId}/ballots.blt`} download>
          Download the ballots of {title} (BLT)
        </a>{' '}
        <span className="muted">— recount them with any STV counter.</span>
      </p>
    </article>
  )
}
