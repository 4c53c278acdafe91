import { useMemo } from 'react'
import { apiGet } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import type { ElectionResults } from './ballot-types.ts'
import { CheckBallotForm } from './CheckBallotForm.tsx'
import { ContestResultCard } from './ContestResultCard.tsx'
import { describeTurnout, formatInstant } from './election-format.ts'
import { ballotKind, methodLabel } from './methods.ts'
import { PublishedBallots } from './PublishedBallots.tsx'
import type { Election } from './types.ts'
import './results.css'

/**
 * A closed election's results (GET /elections/:id/results): turnout and the lot's seed, each
 * contest's elected and count, then "Check my ballot" and the published ballots.
 */
export function ResultsSection({ election }: { readonly election: Election }) {
  const results = useAsync(() => apiGet<ElectionResults>(`/elections/${election.id}/results`), [election.id])
  const titles = useMemo(
    () => new Map(election.contests.map((contest) => [contest.contestId, contest.title])),
    [election.contests],
  )
  const names = useMemo(() => {
    const map = new Map<number, string>()
    if (results.status === 'ready')
      for (const contest of results.data.contests)
        for (const candidate of contest.candidates) map.set(candidate.candidateId, candidate.name)
    return map
  }, [results])
  const ranked = () => ballotKind(election.method) === 'ranked'
  const actions: Action[] = [
    {
      id: 'ballots',
      label: 'Show the published ballots',
      render: () => (
        <PublishedBallots
          electionId={election.id}
          contests={election.contests}
          names={names}
          ranked={ranked}
        />
      ),
    },
  ]

  return (
    <section className="card results" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      {results.status === 'loading' ? <Loading label="Loading the results…" /> : null}
      {results.status === 'error' ? <ErrorMessage error={results.error} onRetry={results.reload} /> : null}
      {results.status === 'ready' ? (
        <>
          <dl className="facts-list">
            <dt>Counted</dt>
            <dd>
              {formatInstant(results.data.closedAt)}, by {methodLabel(results.data.method)}
            </dd>
            <dt>Turnout</dt>
            <dd>{describeTurnout(results.data.votersCount, results.data.electorateSize)}</dd>
            <dt>Lot seed</dt>
            <dd>
              <code className="seed">{results.data.tieBreakSeed}</code>{' '}
              <span className="muted">
                (drawn when the election was called; it breaks any tie the rules leave open)
              </span>
            </dd>
          </dl>
          {results.data.contests.map((contest) => (
            <ContestResultCard
              key={contest.contestId}
              electionId={election.id}
              contest={contest}
              title={titles.get(contest.contestId) ?? contest.post}
            />
          ))}
          <h3 id="check-title">Check my ballot</h3>
          <p className="muted">
            Every ballot is published with its tracker. Type the tracker you were given to see that your
            ballot was counted as you cast it.
          </p>
          <CheckBallotForm electionId={election.id} titles={titles} names={names} ranked={ranked} />
          <ActionBar label="Published ballots" actions={actions} />
        </>
      ) : null}
    </section>
  )
}
