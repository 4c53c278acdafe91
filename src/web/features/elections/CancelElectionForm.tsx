import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { ElectionRefusal } from './ElectionRefusal.tsx'
import type { Election } from './types.ts'

interface CancelElectionFormProps {
  readonly election: Election
  readonly onCancelled: (election: Election) => void
  readonly onDone: () => void
}

/** Cancels the election with a reason (POST /elections/:id/cancel); ballots cast so far are discarded. */
export function CancelElectionForm({ election, onCancelled, onDone }: CancelElectionFormProps) {
  const [reason, setReason] = useState('')
  const submission = useSubmit()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const answer: { election?: Election } = {}
    const ok = await submission.run(async () => {
      answer.election = await apiSend<Election>('POST', `/elections/${election.id}/cancel`, { reason })
    })
    if (ok && answer.election) onCancelled(answer.election)
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Cancel the election">
      <p className="confirm">
        A cancelled election cannot be resumed: call a new one instead.
        {election.state === 'voting'
          ? ` ${election.votersCount} ballots cast so far will be discarded uncounted; the roll of who voted stays.`
          : ''}
      </p>
      <Field label="Reason" hint="Kept with the election and shown on its page" wide>
        {(id, hint) => (
          <textarea
            id={id}
            required
            rows={3}
            maxLength={2000}
            aria-describedby={hint}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <ElectionRefusal error={submission.error} labels={{ reason: 'Reason' }} />
      {/* Not SubmitRow: its "Cancel" beside "Cancel the election" would read as the same act. */}
      <div className="actions">
        <button type="submit" className="danger" disabled={submission.sending || !reason.trim()}>
          {submission.sending ? 'Cancelling…' : 'Cancel the election'}
        </button>
        <button type="button" onClick={onDone} disabled={submission.sending}>
          Keep it
        </button>
      </div>
    </form>
  )
}
