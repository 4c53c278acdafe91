import type { FormEvent } from 'react'
import { apiSend } from '../../api/client.ts'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import type { Decision } from './decision-types.ts'

interface VoteCloseFormProps {
  readonly questionId: number
  readonly onDecided: (decision: Decision) => void
  readonly onCancel: () => void
}

/**
 * "Close the vote" (POST /questions/:id/vote/close): the body decides if the charter's quorum is
 * met; short of it the vote stays open and the refusal shows how many were required and present.
 */
export function VoteCloseForm({ questionId, onDecided, onCancel }: VoteCloseFormProps) {
  const submission = useSubmit()
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    await submission.run(async () => {
      onDecided(await apiSend<Decision>('POST', `/questions/${questionId}/vote/close`, {}))
    })
  }
  return (
    <form className="action-form" onSubmit={submit} aria-label="Close the vote">
      <p>Closing counts the votes and records the decision. No one can vote after it.</p>
      <DecisionRefusal error={submission.error} />
      <SubmitRow
        label="Close and decide"
        sendingLabel="Closing…"
        sending={submission.sending}
        onCancel={onCancel}
      />
    </form>
  )
}
