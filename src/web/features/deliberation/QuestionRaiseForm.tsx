import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { navigate, questionHref } from '../../app/router.ts'
import { formatShortDate } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { addDays } from './decision-format.ts'
import { parseMemberIds } from './format.ts'
import {
  EMPTY_QUESTION,
  QUESTION_FIELD_LABELS,
  QuestionFields,
  type QuestionWords,
} from './QuestionFields.tsx'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import type { DeliberationCharter } from './question-charter.ts'
import type { QuestionView } from './types.ts'

interface QuestionRaiseFormProps {
  readonly bodyId: number
  readonly bodyName: string
  readonly charter: DeliberationCharter
  readonly onCancel: () => void
}

const LABELS = {
  ...QUESTION_FIELD_LABELS,
  'confidential.audienceMemberIds': 'Audience',
  'confidential.declassifyOn': 'Declassified on',
}

/**
 * The body puts a question (POST /bodies/:id/questions): its discussion opens at once. Major or
 * minor is not chosen here: the charter decides it from the topic, and the question's page shows
 * which rule did. A confidential question (the charter's topics only) names its audience by member
 * id and a declassification date; the page it opens on then shows the audience by name.
 */
export function QuestionRaiseForm({ bodyId, bodyName, charter, onCancel }: QuestionRaiseFormProps) {
  const today = useOrganisationToday()
  const [words, setWords] = useState<QuestionWords>(EMPTY_QUESTION)
  const [confidential, setConfidential] = useState(false)
  const [audience, setAudience] = useState('')
  const [declassifyOn, setDeclassifyOn] = useState('')
  const submission = useSubmit()
  const audienceIds = parseMemberIds(audience)
  const audienceInvalid = audienceIds.bad !== null
  const rule = charter.confidential
  const latest = rule && today ? addDays(today, rule.declassifyWithinDays) : null
  const topicHint =
    charter.majorTopics.length > 0
      ? `A lower-case slug. Major by the charter (${charter.majorRuleIds.join(', ')}): ${charter.majorTopics.join(', ')}`
      : 'A lower-case slug, e.g. economic-policy; the charter’s rules classify by topic'

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const answer: { question?: QuestionView } = {}
    const ok = await submission.run(async () => {
      answer.question = await apiSend<QuestionView>('POST', `/bodies/${bodyId}/questions`, {
        ...words,
        confidential: confidential
          ? { audienceMemberIds: audienceIds.ids, ...(declassifyOn ? { declassifyOn } : {}) }
          : null,
      })
    })
    if (ok && answer.question) navigate(questionHref(answer.question.id))
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Raise a question in ${bodyName}`}>
      <div className="form-grid">
        <QuestionFields
          value={words}
          onChange={setWords}
          suggestedTopics={[...charter.majorTopics, ...(rule?.topics ?? [])]}
          topicHint={topicHint}
        />
        <fieldset>
          <legend>Confidential</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={confidential}
              onChange={(event) => setConfidential(event.target.checked)}
            />
            Confidential: only a named audience reads it until it is declassified
          </label>
          {rule ? (
            <p className="hint">
              Only for {rule.topics.join(' or ')} questions (<code className="rule-id">{rule.id}</code>);
              declassified within {rule.declassifyWithinDays} days. Everyone else sees only that a
              confidential question exists, its body and its date.
            </p>
          ) : null}
          {confidential ? (
            <div className="form-grid">
              <Field label="Audience" hint="Member ids, separated by commas or spaces" wide>
                {(id, hint) => (
                  <input
                    id={id}
                    required
                    inputMode="numeric"
                    aria-describedby={hint}
                    aria-invalid={audienceInvalid}
                    value={audience}
                    onChange={(event) => setAudience(event.target.value)}
                  />
                )}
              </Field>
              <Field
                label="Declassified on"
                hint={latest ? `At the latest ${formatShortDate(latest)} (the default)` : 'Optional'}
              >
                {(id, hint) => (
                  <input
                    id={id}
                    type="date"
                    aria-describedby={hint}
                    {...(today ? { min: addDays(today, 1) } : {})}
                    {...(latest ? { max: latest } : {})}
                    value={declassifyOn}
                    onChange={(event) => setDeclassifyOn(event.target.value)}
                  />
                )}
              </Field>
            </div>
          ) : null}
        </fieldset>
      </div>
      {confidential && audienceInvalid ? (
        <p className="error" role="alert">
          The audience is a list of member ids (numbers), e.g. 12, 40: “{audienceIds.bad}” is not one.
        </p>
      ) : null}
      <QuestionRefusal error={submission.error} labels={LABELS} />
      <SubmitRow
        label="Raise the question"
        sendingLabel="Raising…"
        sending={submission.sending}
        disabled={confidential && (audienceInvalid || audienceIds.ids.length === 0)}
        onCancel={onCancel}
      />
    </form>
  )
}
