import { plural } from '../../shared/format.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { NominateForm } from './NominateForm.tsx'
import type { Contest, Election } from './types.ts'

interface ContestsSectionProps {
  readonly election: Election
  readonly onNominated: () => void
}

function ContestCard({
  election,
  contest,
  onNominated,
}: ContestsSectionProps & { readonly contest: Contest }) {
  const titleId = `contest-${contest.contestId}-title`
  const { permissions, me } = election
  const alreadyNominated = me?.nominations.some((n) => n.contestId === contest.contestId) ?? false
  const actions: Action[] = []
  const done = (close: () => void) => () => {
    onNominated()
    close()
  }
  // Standing is offered to any member who may nominate; when the charter bars them (canStand is
  // false) the refusal lists the rules they do not meet, which is what they need to know.
  if (permissions.canNominate && me !== null && !alreadyNominated) {
    actions.push({
      id: 'stand',
      label: 'Stand',
      render: (close) => (
        <NominateForm
          electionId={election.id}
          contest={contest}
          self
          officer={permissions.canManage}
          onDone={done(close)}
        />
      ),
    })
  }
  if (permissions.canNominate) {
    actions.push({
      id: 'nominate',
      label: 'Nominate a member',
      render: (close) => (
        <NominateForm
          electionId={election.id}
          contest={contest}
          self={false}
          officer={permissions.canManage}
          onDone={done(close)}
        />
      ),
    })
  }
  return (
    <article className="contest" aria-labelledby={titleId}>
      <div className="post-head">
        <h3 id={titleId}>{contest.title}</h3>
        <span className="muted">{plural(contest.seats, 'seat')}</span>
      </div>
      {contest.candidates.length === 0 ? (
        <p className="empty">No candidate stands yet.</p>
      ) : (
        <ul className="candidates" aria-label={`Candidates for ${contest.title}`}>
          {contest.candidates.map((candidate) => (
            <li key={candidate.candidateId}>
              {candidate.fullName} <span className="muted">(member {candidate.memberId})</span>
            </li>
          ))}
        </ul>
      )}
      <ActionBar label={`Nominations for ${contest.title}`} actions={actions} />
    </article>
  )
}

/** The election's contests: each post, its seats and the candidates who accepted, with nominations while open. */
export function ContestsSection({ election, onNominated }: ContestsSectionProps) {
  return (
    <section className="card" aria-labelledby="contests-title">
      <h2 id="contests-title">Posts and candidates</h2>
      {election.state === 'called' || election.state === 'nominating' ? (
        <p className="muted">
          Candidates appear once they accept.{' '}
          {election.permissions.canStand ? 'You may stand for a post.' : ''}
        </p>
      ) : null}
      {election.contests.map((contest) => (
        <ContestCard
          key={contest.contestId}
          election={election}
          contest={contest}
          onNominated={onNominated}
        />
      ))}
    </section>
  )
}
