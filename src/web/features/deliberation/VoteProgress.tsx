import { meetingHref } from '../../app/router.ts'
import { formatInstant } from '../elections/election-format.ts'
import type { DecisionVote } from './decision-types.ts'

/**
 * How the open vote stands: how it is taken, how many of the deciding members have voted, and the
 * quorum closing needs (at a meeting: its deciding members present; otherwise those who voted).
 */
export function VoteProgress({ vote }: { readonly vote: DecisionVote }) {
  const { quorum } = vote
  return (
    <div className="vote-progress" aria-live="polite">
      <p>
        <strong>The vote is open</strong> since {formatInstant(vote.openedAt)}
        {vote.method === 'choice'
          ? ': a ranked choice between the proposal and its counter-proposals.'
          : vote.method === 'yes-no'
            ? ': yes or no on the proposal.'
            : '.'}
        {vote.meetingId !== null ? (
          <>
            {' '}
            Taken <a href={meetingHref(vote.meetingId)}>at a meeting</a>: only those present vote.
          </>
        ) : null}
      </p>
      {vote.votesCast !== null && vote.decidingMembers !== null ? (
        <p className="vote-count">
          {vote.votesCast} of {vote.decidingMembers} deciding members have voted.
        </p>
      ) : null}
      {quorum ? (
        <p className={quorum.present >= quorum.required ? 'quorum met' : 'quorum short'}>
          Quorum: {quorum.required} needed, {quorum.present}{' '}
          {vote.meetingId !== null ? 'present at the meeting' : 'voted so far'}
          {quorum.present >= quorum.required ? ' — met.' : ' — not yet met.'}
          {quorum.ruleId ? <code className="rule-id">{quorum.ruleId}</code> : null}
        </p>
      ) : null}
    </div>
  )
}
