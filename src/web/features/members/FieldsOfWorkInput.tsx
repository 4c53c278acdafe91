import { useId } from 'react'
import { humanise } from '../../shared/format.ts'
import { FIELDS_OF_WORK } from './member-rules.ts'

interface FieldsOfWorkInputProps {
  readonly value: readonly string[]
  readonly onChange: (value: string[]) => void
}

const STANDARD: readonly string[] = FIELDS_OF_WORK

function customText(value: readonly string[]): string {
  return value
    .filter((field) => !STANDARD.includes(field))
    .map((field) => field.replace(/^custom:/, ''))
    .join(', ')
}

/** The standard fields of work as checkboxes, others typed in (stored as `custom:<name>`). */
export function FieldsOfWorkInput({ value, onChange }: FieldsOfWorkInputProps) {
  const id = useId()
  const standard = value.filter((field) => STANDARD.includes(field))
  const custom = value.filter((field) => !STANDARD.includes(field))

  function toggle(field: string, checked: boolean) {
    const next = checked ? [...standard, field] : standard.filter((f) => f !== field)
    onChange([...STANDARD.filter((f) => next.includes(f)), ...custom])
  }

  function setCustom(text: string) {
    const names = text
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean)
      .map((name) => `custom:${name}`)
    onChange([...standard, ...names])
  }

  return (
    <fieldset className="field wide fields-of-work">
      <legend>Fields of work</legend>
      <div className="checkboxes">
        {FIELDS_OF_WORK.map((field) => (
          <label key={field} className="checkbox">
            <input
              type="checkbox"
              checked={standard.includes(field)}
              onChange={(event) => toggle(field, event.target.checked)}
            />
            {humanise(field)}
          </label>
        ))}
      </div>
      <label htmlFor={`${id}-other`} className="sub-label">
        Other fields of work
      </label>
      <input
        id={`${id}-other`}
        type="text"
        defaultValue={customText(value)}
        placeholder="e.g. education, co-operative"
        aria-describedby={`${id}-hint`}
        onChange={(event) => setCustom(event.target.value)}
      />
      <span id={`${id}-hint`} className="hint">
        Separate several with commas.
      </span>
    </fieldset>
  )
}
