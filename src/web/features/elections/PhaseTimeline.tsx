import { useContext } from 'react'
import { formatLongDate } from '../../shared/format.ts'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { formatInstant } from './election-format.ts'
import type { Election } from './types.ts'

type Phase = 'called' | 'nominations' | 'voting' | 'results'

/** The phase the election is in (null once cancelled: it left the timeline). */
function currentPhase(election: Election): Phase | null {
  switch (election.state) {
    case 'called':
      return 'called'
    case 'nominating':
      return 'nominations'
    case 'voting':
      return 'voting'
    case 'closed':
      return 'results'
    case 'cancelled':
      return null
  }
}

interface Step {
  readonly phase: Phase
  readonly title: string
  readonly when: string
}

/**
 * The election's phases in order, each with its dates, the current one marked (aria-current) and
 * the organisation's own date beside them, so "is voting open?" can be read against its clock.
 */
export function PhaseTimeline({ election }: { readonly election: Election }) {
  const organisation = useContext(OrganisationContext)
  const current = currentPhase(election)
  const steps: Step[] = [
    { phase: 'called', title: 'Called', when: formatInstant(election.createdAt) },
    {
      phase: 'nominations',
      title: 'Nominations',
      when: `${formatInstant(election.nominationsOpenAt)} – ${formatInstant(election.nominationsCloseAt)}`,
    },
    {
      phase: 'voting',
      title: 'Voting',
      when: `${formatInstant(election.votingOpenAt)} – ${formatInstant(election.votingCloseAt)}`,
    },
    {
      phase: 'results',
      title: 'Count and results',
      when: election.closedAt
        ? formatInstant(election.closedAt)
        : `after ${formatInstant(election.votingCloseAt)}`,
    },
  ]
  const order: readonly Phase[] = steps.map((step) => step.phase)
  const reached = current === null ? -1 : order.indexOf(current)

  function note(phase: Phase): string | null {
    if (phase !== current) return null
    if (phase === 'nominations')
      return election.nominationsOpen ? 'Open now' : 'Closed; nominees may still answer until voting opens'
    if (phase === 'voting') return election.votingOpen ? 'Open now' : 'Closed; the count follows'
    if (phase === 'called') return 'Nominations have not opened yet'
    return 'Counted'
  }

  return (
    <div className="phases">
      {organisation ? (
        <p className="muted">
          The organisation’s date: <strong>{formatLongDate(organisation.today)}</strong> (times are its own,
          UTC).
        </p>
      ) : null}
      <ol className="phase-list" aria-label="Phases">
        {steps.map((step, index) => {
          const status = index < reached ? 'done' : index === reached ? 'current' : 'later'
          const what = note(step.phase)
          return (
            <li
              key={step.phase}
              className={`phase ${status}`}
              aria-current={status === 'current' ? 'step' : undefined}
            >
              <span className="phase-title">{step.title}</span>
              <span className="phase-when">{step.when}</span>
              {what ? <span className="phase-note">{what}</span> : null}
            </li>
          )
        })}
      </ol>
      {election.state === 'cancelled' ? (
        <p className="cancelled-note" role="note">
          <strong>Cancelled</strong>
          {election.cancelledAt ? ` on ${formatInstant(election.cancelledAt)}` : ''}
          {election.cancelReason ? (
            <>
              : <q>{election.cancelReason}</q>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
