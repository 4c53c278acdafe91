import { type FormEvent, useState } from 'react'
import { ApiError, apiGet } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { BallotMarksList } from './BallotMarksList.tsx'
import type { PublishedBallot } from './ballot-types.ts'

interface CheckBallotFormProps {
  readonly electionId: number
  readonly titles: ReadonlyMap<number, string>
  readonly names: ReadonlyMap<number, string>
  readonly ranked: (contestId: number) => boolean
}

type Outcome =
  | { readonly kind: 'found'; readonly ballot: PublishedBallot }
  | { readonly kind: 'not-found'; readonly tracker: string }

/**
 * "Check my ballot": a voter types the tracker they were given and sees whether a ballot carrying
 * it is in the published box, and what it says, so they can confirm it was counted as cast.
 */
export function CheckBallotForm({ electionId, titles, names, ranked }: CheckBallotFormProps) {
  const [tracker, setTracker] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const submission = useSubmit()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const typed = tracker.trim()
    setOutcome(null)
    await submission.run(async () => {
      try {
        const ballot = await apiGet<PublishedBallot>(
          `/elections/${electionId}/trackers/${encodeURIComponent(typed)}`,
        )
        setOutcome({ kind: 'found', ballot })
      } catch (error) {
        // An unknown tracker is an answer, not a failure: say so beside the form.
        if (error instanceof ApiError && error.code === 'NOT_FOUND')
          setOutcome({ kind: 'not-found', tracker: typed })
        else throw error
      }
    })
  }

  return (
    <form className="action-form check-ballot" onSubmit={submit} aria-label="Check my ballot">
      <div className="form-grid">
        <Field label="Your tracker" hint="The 32 letters and digits you were shown when you voted" wide>
          {(id, hint) => (
            <input
              id={id}
              className="mono"
              required
              autoComplete="off"
              spellCheck={false}
              aria-describedby={hint}
              value={tracker}
              onChange={(event) => setTracker(event.target.value)}
            />
          )}
        </Field>
      </div>
      {submission.error ? <ErrorMessage error={submission.error} /> : null}
      <SubmitRow
        label="Check"
        sendingLabel="Checking…"
        sending={submission.sending}
        disabled={!tracker.trim()}
      />
      <div aria-live="polite">
        {outcome?.kind === 'found' ? (
          <div className="verdict eligible" role="status">
            <p>
              <strong>Found: this ballot was counted.</strong> It reads:
            </p>
            <BallotMarksList
              contests={outcome.ballot.contests}
              titles={titles}
              names={names}
              ranked={ranked}
            />
          </div>
        ) : null}
        {outcome?.kind === 'not-found' ? (
          <div className="verdict not-eligible" role="status">
            <p>
              <strong>Not found.</strong> No ballot of this election carries the tracker{' '}
              <code>{outcome.tracker}</code>. Check that you typed it as it was shown.
            </p>
          </div>
        ) : null}
      </div>
    </form>
  )
}
