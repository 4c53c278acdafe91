import { useId } from 'react'
import { Field } from '../../shared/forms/Field.tsx'
import { TEXT_LIMITS } from './text-limits.ts'

/** The words of a question: what a body or an initiative puts. */
export interface QuestionWords {
  readonly title: string
  readonly topic: string
  readonly text: string
  readonly proposal: string
}

export const EMPTY_QUESTION: QuestionWords = { title: '', topic: '', text: '', proposal: '' }

/** The API's field names as the form labels them, for refusals that name a field. */
export const QUESTION_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  topic: 'Topic',
  text: 'The question',
  proposal: 'Proposal',
}

interface QuestionFieldsProps {
  readonly value: QuestionWords
  readonly onChange: (value: QuestionWords) => void
  /** Topics the charter names (major or confidential ones), offered as suggestions. */
  readonly suggestedTopics: readonly string[]
  /** What the topic decides, e.g. which topics make a question major. */
  readonly topicHint: string
}

/** Title, topic (a slug the charter's rules name), the question's text and the proposal. */
export function QuestionFields({ value, onChange, suggestedTopics, topicHint }: QuestionFieldsProps) {
  const listId = useId()
  const set = (key: keyof QuestionWords) => (next: string) => onChange({ ...value, [key]: next })
  return (
    <>
      <Field label="Title" wide>
        {(id) => (
          <input
            id={id}
            required
            maxLength={TEXT_LIMITS.question.title}
            value={value.title}
            onChange={(event) => set('title')(event.target.value)}
          />
        )}
      </Field>
      <Field label="Topic" hint={topicHint}>
        {(id, hint) => (
          <>
            <input
              id={id}
              required
              maxLength={TEXT_LIMITS.question.topic}
              pattern="[a-z][a-z0-9\-]{0,59}"
              list={listId}
              aria-describedby={hint}
              placeholder="e.g. economic-policy"
              value={value.topic}
              onChange={(event) => set('topic')(event.target.value)}
            />
            <datalist id={listId}>
              {suggestedTopics.map((topic) => (
                <option key={topic} value={topic} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="The question" hint="What is to be decided, and why it comes up now" wide>
        {(id, hint) => (
          <textarea
            id={id}
            required
            rows={4}
            maxLength={TEXT_LIMITS.question.text}
            aria-describedby={hint}
            value={value.text}
            onChange={(event) => set('text')(event.target.value)}
          />
        )}
      </Field>
      <Field label="Proposal" hint="The text the body will vote on; members may amend it" wide>
        {(id, hint) => (
          <textarea
            id={id}
            required
            rows={4}
            maxLength={TEXT_LIMITS.question.proposal}
            aria-describedby={hint}
            value={value.proposal}
            onChange={(event) => set('proposal')(event.target.value)}
          />
        )}
      </Field>
    </>
  )
}
