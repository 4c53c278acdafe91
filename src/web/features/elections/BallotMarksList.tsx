import type { BallotContest } from './ballot-types.ts'

interface BallotMarksListProps {
  readonly contests: readonly BallotContest[]
  /** The post of each contest as people read it, by contest id. */
  readonly titles: ReadonlyMap<number, string>
  /** Candidate names by candidate id. */
  readonly names: ReadonlyMap<number, string>
  /** Whether the order is a ranking (STV, Schulze) or only marks. */
  readonly ranked: (contestId: number) => boolean
}

/** What one ballot says, contest by contest: a numbered ranking, the names marked, or blank. */
export function BallotMarksList({ contests, titles, names, ranked }: BallotMarksListProps) {
  return (
    <dl className="ballot-marks">
      {contests.map((contest) => {
        const marked = contest.preferences.map((id) => names.get(id) ?? `candidate #${id}`)
        return (
          <div key={contest.contestId}>
            <dt>{titles.get(contest.contestId) ?? `Contest ${contest.contestId}`}</dt>
            <dd>
              {marked.length === 0 ? (
                <span className="muted">Blank: no one marked</span>
              ) : ranked(contest.contestId) ? (
                <ol>
                  {marked.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ol>
              ) : (
                marked.join(', ')
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
