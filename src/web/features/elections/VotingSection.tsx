import { BallotForm } from './BallotForm.tsx'
import type { BallotReceipt } from './ballot-types.ts'
import { methodLabel } from './methods.ts'
import { TrackerReceipt } from './TrackerReceipt.tsx'
import type { Election } from './types.ts'

interface VotingSectionProps {
  readonly election: Election
  /** The receipt of a ballot just cast in this page view (kept by the page: it is shown once). */
  readonly receipt: BallotReceipt | null
  readonly onCast: (receipt: BallotReceipt) => void
}

/** Why the signed-in user cannot vote now, in words; null when they can. */
function whyNot(election: Election): string | null {
  const { me } = election
  if (!election.votingOpen) return 'Voting has closed. The count follows, and the results will be shown here.'
  if (me === null) return 'Your account is not linked to a member, so it has no vote.'
  if (me.hasVoted) return null
  if (me.voice === 'consultative')
    return 'You have a consultative voice in this election, not a vote: you may take part in the discussion, not in the ballot.'
  if (me.voice === null)
    return `You are not in this election’s electorate: it was fixed when voting opened, from the members of ${election.body.name} who then had a vote.`
  return null
}

/**
 * Voting, while the election is in its voting phase: the ballot when the user may vote, the
 * tracker once they have (this once), "You have voted" when they come back, or why they cannot.
 */
export function VotingSection({ election, receipt, onCast }: VotingSectionProps) {
  const reason = whyNot(election)
  return (
    <section className="card voting" aria-labelledby="voting-title">
      <h2 id="voting-title">Vote</h2>
      <p className="muted">
        Secret ballot, counted by {methodLabel(election.method)}. The roll records that you voted; the ballot
        box, kept apart, records what was voted, and nothing joins the two.
      </p>
      {receipt ? (
        <TrackerReceipt tracker={receipt.tracker} />
      ) : election.me?.hasVoted ? (
        <p className="success" role="status">
          <strong>You have voted.</strong> Your ballot is in the box. Once voting closes, check it with the
          tracker you were given.
        </p>
      ) : election.permissions.canVote ? (
        <BallotForm election={election} onCast={onCast} />
      ) : (
        <p className="empty">{reason ?? 'You cannot vote in this election.'}</p>
      )}
    </section>
  )
}
