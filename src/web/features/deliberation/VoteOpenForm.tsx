import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import type { DecisionMethod, DecisionVote } from './decision-types.ts'
import { MeetingSelect, useMeetingChoices } from './MeetingSelect.tsx'
import type { QuestionView } from './types.ts'

interface VoteOpenFormProps {
  readonly question: QuestionView
  readonly onOpened: (vote: DecisionVote) => void
  readonly onCancel: () => void
}

/**
 * "Put to the vote" (POST /questions/:id/vote): yes or no on the proposal, or a ranked choice
 * between it and its counter-proposals, optionally at one of the body's meetings. Where the
 * charter requires a meeting, it must be one with this question on its agenda, and only those are
 * offered. The server's refusals are shown with their rule.
 */
export function VoteOpenForm({ question, onOpened, onCancel }: VoteOpenFormProps) {
  const [method, setMethod] = useState<DecisionMethod>('yes-no')
  const [meetingId, setMeetingId] = useState('')
  const submission = useSubmit()
  const required = question.meetingRequired
  // Where the charter requires a meeting, only one with this question on its agenda is accepted
  // (any other is refused MEETING_REQUIRED), so only those are offered.
  const choices = useMeetingChoices(
    question.body.id,
    (meeting) => !required || meeting.agenda.some((entry) => entry.question.id === question.id),
  )
  const noMeeting = required && choices.none

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    await submission.run(async () => {
      onOpened(
        await apiSend<DecisionVote>('POST', `/questions/${question.id}/vote`, {
          method,
          meetingId: meetingId === '' ? null : Number(meetingId),
        }),
      )
    })
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Put to the vote">
      <fieldset className="choices">
        <legend>How the body decides</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="method"
            checked={method === 'yes-no'}
            onChange={() => setMethod('yes-no')}
          />
          Yes or no on the proposal
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="method"
            checked={method === 'choice'}
            onChange={() => setMethod('choice')}
          />
          A choice between the proposal and its counter-proposals (ranked, counted pair by pair)
        </label>
      </fieldset>
      <MeetingSelect
        choices={choices}
        value={meetingId}
        onChange={setMeetingId}
        hint={
          required
            ? `The charter (${question.majorRuleId ?? 'its major rule'}) requires a meeting of the body with this question on its agenda.`
            : 'Optional: at a meeting, only the members present vote.'
        }
        noMeetingLabel={required ? undefined : 'No meeting: every deciding member votes'}
        noneNote="No meeting of the body has this question on its agenda. Schedule a meeting with this question on its agenda first."
      />
      <DecisionRefusal
        error={submission.error}
        labels={{ method: 'How the body decides', meetingId: 'At a meeting' }}
      />
      <SubmitRow
        label="Open the vote"
        sendingLabel="Opening…"
        sending={submission.sending}
        disabled={noMeeting || (required && meetingId === '')}
        onCancel={onCancel}
      />
    </form>
  )
}
