import { type FormEvent, useId, useState } from 'react'
import { QUESTION_STATE_LABELS } from './format.ts'
import { TEXT_LIMITS } from './text-limits.ts'
import { QUESTION_STATES, type QuestionCounts, type QuestionState } from './types.ts'

/** The list's filters: words to find and one state (null: any). */
export interface QuestionFilters {
  readonly q: string
  readonly state: QuestionState | null
}

export const NO_QUESTION_FILTERS: QuestionFilters = { q: '', state: null }

function isState(value: string): value is QuestionState {
  return (QUESTION_STATES as readonly string[]).includes(value)
}

interface QuestionsFiltersProps {
  readonly value: QuestionFilters
  readonly counts: QuestionCounts | null
  readonly onChange: (filters: QuestionFilters) => void
}

/**
 * Search words and a state, applied on submit; each state shows how many questions the reader may
 * read are in it (a confidential question they may not read is counted apart: its state is not shown).
 */
export function QuestionsFilters({ value, counts, onChange }: QuestionsFiltersProps) {
  const [q, setQ] = useState(value.q)
  const [state, setState] = useState<string>(value.state ?? '')
  const id = useId()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    onChange({ q: q.trim(), state: isState(state) ? state : null })
  }

  return (
    <form className="filters" aria-label="Find questions" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-q`}>Words</label>
        <input
          id={`${id}-q`}
          type="search"
          maxLength={TEXT_LIMITS.question.search}
          placeholder="In the title, text or proposal"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>State</label>
        <select id={`${id}-state`} value={state} onChange={(event) => setState(event.target.value)}>
          <option value="">Any state</option>
          {QUESTION_STATES.map((option) => (
            <option key={option} value={option}>
              {QUESTION_STATE_LABELS[option]}
              {counts ? ` (${counts[option]})` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit">Find</button>
        {value.q !== '' || value.state !== null ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setQ('')
              setState('')
              onChange(NO_QUESTION_FILTERS)
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
    </form>
  )
}

/** '3 in discussion · 1 collecting signatures · 2 decided · 1 confidential', the states that have any. */
export function describeCounts(counts: QuestionCounts): string {
  const parts = QUESTION_STATES.filter((state) => counts[state] > 0).map(
    (state) => `${counts[state]} ${QUESTION_STATE_LABELS[state].toLowerCase()}`,
  )
  if (counts.confidential > 0) parts.push(`${counts.confidential} confidential`)
  return parts.join(' · ')
}
