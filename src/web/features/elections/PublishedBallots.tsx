import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import type { PublishedBallot, PublishedBallotsPage } from './ballot-types.ts'

interface PublishedBallotsProps {
  readonly electionId: number
  readonly contests: readonly { readonly contestId: number; readonly title: string }[]
  readonly names: ReadonlyMap<number, string>
  readonly ranked: (contestId: number) => boolean
}

function marks(
  ballot: PublishedBallot,
  contestId: number,
  names: ReadonlyMap<number, string>,
  ranked: boolean,
): string {
  const preferences = ballot.contests.find((c) => c.contestId === contestId)?.preferences ?? []
  if (preferences.length === 0) return '—'
  const named = preferences.map((id) => names.get(id) ?? `#${id}`)
  return ranked ? named.map((name, index) => `${index + 1}. ${name}`).join(' ') : named.join(', ')
}

/**
 * Every ballot in the box with its tracker, in tracker order (random, so it says nothing of who
 * voted when), a page at a time: anyone can recount, and a voter can find their own line.
 */
export function PublishedBallots({ electionId, contests, names, ranked }: PublishedBallotsProps) {
  const pages = useKeysetPages<PublishedBallot, PublishedBallotsPage>(
    `/elections/${electionId}/ballots?limit=100`,
    nextCursor,
  )
  return (
    <section className="published-ballots" aria-label="Published ballots">
      <p className="muted">
        Also as data:{' '}
        <a href={`/api/elections/${electionId}/ballots?limit=1000`}>the first 1,000 ballots (JSON)</a>.
      </p>
      <div className="table-wrap">
        <table className="members">
          <thead>
            <tr>
              <th scope="col">Tracker</th>
              {contests.map((contest) => (
                <th key={contest.contestId} scope="col">
                  {contest.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pages.items.map((ballot) => (
              <tr key={ballot.tracker}>
                <td>
                  <code>{ballot.tracker}</code>
                </td>
                {contests.map((contest) => (
                  <td key={contest.contestId}>
                    {marks(ballot, contest.contestId, names, ranked(contest.contestId))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">No ballot was cast.</p>
      ) : null}
      <PagesFooter pages={pages} loadingLabel="Loading the ballots…" />
    </section>
  )
}
