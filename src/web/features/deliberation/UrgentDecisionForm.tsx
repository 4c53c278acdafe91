import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { formatLongDate } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { DecisionRefusal } from './DecisionRefusal.tsx'
import { addDays } from './decision-format.ts'
import type { Decision, DecisionOutcome } from './decision-types.ts'
import { useDeliberationCharter } from './question-charter.ts'
import { TEXT_LIMITS } from './text-limits.ts'
import type { QuestionView } from './types.ts'

const { justificationMin: JUSTIFICATION_MIN, justification: JUSTIFICATION_MAX } = TEXT_LIMITS.urgent

interface UrgentDecisionFormProps {
  readonly question: QuestionView
  readonly onDecided: (decision: Decision) => void
  readonly onCancel: () => void
}

/**
 * "Decide urgently" (POST /questions/:id/urgent-decision): the question is decided at once with a
 * written justification, and the body must ratify the decision within the charter's deadline,
 * which the form shows before anything is sent.
 */
export function UrgentDecisionForm({ question, onDecided, onCancel }: UrgentDecisionFormProps) {
  const today = useOrganisationToday()
  const [justification, setJustification] = useState('')
  const [outcome, setOutcome] = useState<DecisionOutcome>('adopted')
  const submission = useSubmit()
  const charter = useDeliberationCharter()
  const rule = charter.urgent
  const length = justification.trim().length

  let deadline: string
  if (rule && today) {
    deadline = `The body must ratify it by ${formatLongDate(addDays(today, rule.ratifyWithinDays))} (${rule.ratifyWithinDays} days, rule ${rule.id}).`
  } else if (charter.read && !rule) {
    deadline = 'The charter in force provides no urgent decisions: the server will refuse this.'
  } else deadline = 'The body must ratify it within the charter’s deadline.'

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    await submission.run(async () => {
      onDecided(
        await apiSend<Decision>('POST', `/questions/${question.id}/urgent-decision`, {
          justification,
          outcome,
        }),
      )
    })
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Decide urgently">
      <p>
        The question is decided now, without waiting for its discussion or vote. <strong>{deadline}</strong>
      </p>
      <Field
        label="Justification"
        hint={`Why this cannot wait: ${JUSTIFICATION_MIN} to ${JUSTIFICATION_MAX.toLocaleString('en-GB')} characters (${length} so far).`}
        wide
      >
        {(id, hint) => (
          <textarea
            id={id}
            aria-describedby={hint}
            required
            rows={4}
            minLength={JUSTIFICATION_MIN}
            maxLength={JUSTIFICATION_MAX}
            value={justification}
            onChange={(event) => setJustification(event.target.value)}
          />
        )}
      </Field>
      <Field label="Decision">
        {(id) => (
          <select
            id={id}
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as DecisionOutcome)}
          >
            <option value="adopted">Adopt the proposal</option>
            <option value="rejected">Reject the proposal</option>
          </select>
        )}
      </Field>
      <DecisionRefusal
        error={submission.error}
        labels={{ justification: 'Justification', outcome: 'Decision' }}
      />
      <SubmitRow
        label="Decide now"
        sendingLabel="Deciding…"
        sending={submission.sending}
        onCancel={onCancel}
      />
    </form>
  )
}
