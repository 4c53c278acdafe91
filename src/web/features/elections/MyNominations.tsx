import { apiSend } from '../../api/client.ts'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { ElectionRefusal } from './ElectionRefusal.tsx'
import type { Election, Nomination, NominationAnswer, OwnNomination } from './types.ts'

const STATE_WORDS: Readonly<Record<OwnNomination['state'], string>> = {
  nominated: 'waiting for your answer',
  accepted: 'you stand',
  declined: 'you declined',
  withdrawn: 'you withdrew',
}

interface MyNominationsProps {
  readonly election: Election
  readonly onAnswered: () => void
}

/**
 * The signed-in member's own nominations: accept or decline one made by another member, or
 * withdraw a candidacy, until voting opens (the server refuses after that).
 */
export function MyNominations({ election, onAnswered }: MyNominationsProps) {
  const submission = useSubmit()
  const nominations = election.me?.nominations ?? []
  // Answers are taken until voting opens (answerNomination), so only then are the buttons offered.
  const answerable = election.state === 'called' || election.state === 'nominating'
  if (nominations.length === 0) return null
  const titles = new Map(election.contests.map((contest) => [contest.contestId, contest.title]))

  async function answer(nomination: OwnNomination, value: NominationAnswer) {
    const ok = await submission.run(() =>
      apiSend<Nomination>('POST', `/nominations/${nomination.candidateId}/answer`, { answer: value }),
    )
    if (ok) onAnswered()
  }

  return (
    <section className="card" aria-labelledby="my-nominations-title">
      <h2 id="my-nominations-title">Your nominations</h2>
      <ul className="my-nominations">
        {nominations.map((nomination) => {
          const title = titles.get(nomination.contestId) ?? nomination.post
          return (
            <li key={nomination.candidateId}>
              <span>
                <strong>{title}</strong>
                {nomination.nominatedByMemberId !== null
                  ? `, nominated by member ${nomination.nominatedByMemberId}`
                  : ', you stood yourself'}
                : {STATE_WORDS[nomination.state]}.
              </span>
              {answerable && nomination.state === 'nominated' ? (
                <span className="actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={submission.sending}
                    onClick={() => answer(nomination, 'accepted')}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    disabled={submission.sending}
                    onClick={() => answer(nomination, 'declined')}
                  >
                    Decline
                  </button>
                </span>
              ) : null}
              {answerable && nomination.state === 'accepted' ? (
                <button
                  type="button"
                  disabled={submission.sending}
                  onClick={() => answer(nomination, 'withdrawn')}
                >
                  Withdraw from {title}
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
      <ElectionRefusal error={submission.error} />
    </section>
  )
}
