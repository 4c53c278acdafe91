import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { navigate, questionHref } from '../../app/router.ts'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import {
  EMPTY_QUESTION,
  QUESTION_FIELD_LABELS,
  QuestionFields,
  type QuestionWords,
} from './QuestionFields.tsx'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import type { DeliberationCharter } from './question-charter.ts'
import type { QuestionView } from './types.ts'

interface InitiativeFormProps {
  readonly bodyId: number
  readonly bodyName: string
  readonly charter: DeliberationCharter
  readonly onCancel: () => void
}

/** '10%' from 0.1. */
function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`
}

/**
 * A member starts an initiative (POST /bodies/:id/initiatives) and signs it first. It collects
 * signatures until the charter's share of the members in scope have signed; then its discussion
 * opens. The question's page shows the exact number needed, counted by the server.
 */
export function InitiativeForm({ bodyId, bodyName, charter, onCancel }: InitiativeFormProps) {
  const [words, setWords] = useState<QuestionWords>(EMPTY_QUESTION)
  const submission = useSubmit()
  const rule = charter.initiative

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const answer: { question?: QuestionView } = {}
    const ok = await submission.run(async () => {
      answer.question = await apiSend<QuestionView>('POST', `/bodies/${bodyId}/initiatives`, words)
    })
    if (ok && answer.question) navigate(questionHref(answer.question.id))
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Start an initiative in ${bodyName}`}>
      <p className="hint">
        {rule ? (
          <>
            It needs the signatures of {percent(rule.signatureShare)} of the candidate and full members in{' '}
            {bodyName} (<code className="rule-id">{rule.id}</code>). You sign first; the discussion opens with
            the last signature needed.
          </>
        ) : (
          <>You sign first; the discussion opens once enough members have signed.</>
        )}
      </p>
      <div className="form-grid">
        <QuestionFields
          value={words}
          onChange={setWords}
          suggestedTopics={charter.majorTopics}
          topicHint="A lower-case slug, e.g. canteen; the charter decides whether the topic makes it major"
        />
      </div>
      <QuestionRefusal error={submission.error} labels={QUESTION_FIELD_LABELS} />
      <SubmitRow
        label="Start the initiative"
        sendingLabel="Starting…"
        sending={submission.sending}
        onCancel={onCancel}
      />
    </form>
  )
}
