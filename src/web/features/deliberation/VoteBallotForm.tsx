import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import type { Marks } from '../elections/ballot-marks.ts'
import { RankingInput } from '../elections/RankingInput.tsx'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import { optionName } from './decision-format.ts'
import type { DecisionVote, YesNoChoice } from './decision-types.ts'
import '../elections/ballot.css'

const CHOICES: readonly { readonly value: YesNoChoice; readonly label: string }[] = [
  { value: 'yes', label: 'Yes: adopt the proposal' },
  { value: 'no', label: 'No: reject it' },
  { value: 'abstain', label: 'Abstain' },
]

/** What a ranked decision asks; the options are compared pair by pair (Schulze). */
const RANKING_INSTRUCTIONS =
  'Rank the options in order of preference, your 1st choice first: press “Add” beside each, then “Up” and ' +
  '“Down” to reorder. The options are compared pair by pair; one you leave out counts below all you rank.'

interface VoteBallotFormProps {
  readonly vote: DecisionVote
  readonly onVoted: (vote: DecisionVote) => void
}

/**
 * A deciding member's vote (POST /questions/:id/votes): yes, no or abstain on the proposal, or a
 * ranking of the proposal and its counter-proposals. The vote is a roll call: the member's vote
 * is recorded against their name, and the first one stands.
 */
export function VoteBallotForm({ vote, onVoted }: VoteBallotFormProps) {
  const [choice, setChoice] = useState<YesNoChoice | null>(null)
  const [ranking, setRanking] = useState<Marks>([])
  const submission = useSubmit()
  const ranked = vote.method === 'choice'
  const ready = ranked ? ranking.length > 0 : choice !== null

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    await submission.run(async () => {
      const body = ranked ? { ranking } : { choice }
      onVoted(await apiSend<DecisionVote>('POST', `/questions/${vote.questionId}/votes`, body))
    })
  }

  return (
    <form className="action-form vote-ballot" onSubmit={submit} aria-label="Your vote">
      {ranked ? (
        <RankingInput
          className="vote-ranking"
          legend="Rank the options"
          instructions={RANKING_INSTRUCTIONS}
          items={(vote.options ?? []).map((option) => ({
            id: option.index,
            name: optionName(option),
            detail: option.text,
          }))}
          ranking={ranking}
          onChange={setRanking}
          noun="option"
          emptyText="Nothing ranked yet."
          hiddenDetail={<em className="muted">hidden by a moderator</em>}
        />
      ) : (
        <fieldset className="choices">
          <legend>On the proposal</legend>
          {CHOICES.map((c) => (
            <label key={c.value} className="checkbox">
              <input
                type="radio"
                name="choice"
                value={c.value}
                checked={choice === c.value}
                onChange={() => setChoice(c.value)}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
      <p className="hint">Your vote is recorded against your name; once cast it cannot be changed.</p>
      <DecisionRefusal error={submission.error} />
      <SubmitRow
        label="Cast my vote"
        sendingLabel="Casting…"
        sending={submission.sending}
        disabled={!ready}
      />
    </form>
  )
}
